import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { formatDiagnostic, summaryLine } from "../diagnostics/format.ts";
import type { World } from "../io/world.ts";
import { fontsourceTinosDir } from "../pdf/fonts/node-font-reader.ts";
import { buildProject, checkProject } from "../pipeline.ts";
import type { CliOptions } from "./args.ts";

function report(items: Diagnostic[], opts: CliOptions, out: (s: string) => void): { errors: number; warnings: number } {
  for (const d of items) out(formatDiagnostic(d, opts.lang));
  const errors = items.filter((d) => d.severity === "error").length;
  return { errors, warnings: items.length - errors };
}

export async function runValidate(world: World, opts: CliOptions, out: (s: string) => void): Promise<number> {
  const { diagnostics } = await checkProject(world, opts.dataDir);
  const { errors, warnings } = report(diagnostics, opts, out);
  out(summaryLine(errors, warnings, opts.lang));
  return errors ? 1 : 0;
}

export async function runBuild(world: World, opts: CliOptions, print: (s: string) => void, out: (s: string) => void): Promise<number> {
  const packageDir = fontsourceTinosDir();
  const result = await buildProject(world, { dataDir: opts.dataDir, outDir: opts.outDir, fontSource: opts.fontSource, ...(packageDir ? { fontPackageDir: packageDir } : {}) });
  const { errors, warnings } = report(result.diagnostics, opts, out);
  for (const f of result.written) print(f);
  out(summaryLine(errors, warnings, opts.lang));
  if (errors) out(opts.lang === "vi" ? "Không ghi tệp nào vì dữ liệu có lỗi." : "Nothing was written because the data has errors.");
  return errors ? 1 : 0;
}
