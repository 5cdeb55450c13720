import { formatDiagnostic, summaryLine } from "../diagnostics/format.ts";
import { makeEdxml } from "../edxml/make-edxml.ts";
import type { World } from "../io/world.ts";
import type { CliOptions } from "./args.ts";
import { stoppedLine } from "./commit-report.ts";

/** `khoi-thi-dua edxml <document…>`: edXML packages under out/<year>/edxml/. */
export async function runEdxml(world: World, opts: CliOptions, out: (s: string) => void): Promise<number> {
  const vi = opts.lang === "vi";
  const r = await makeEdxml(world, { dataDir: opts.dataDir, outDir: opts.outDir, names: opts.files, ...(opts.year ? { year: opts.year } : {}) });
  for (const d of r.diagnostics) out(formatDiagnostic(d, opts.lang));
  const errors = r.diagnostics.filter((d) => d.severity === "error").length;
  for (const f of r.written) out((vi ? "đã ghi " : "wrote ") + f);
  out(summaryLine(errors, r.diagnostics.length - errors, opts.lang));
  if (errors) {
    out(stoppedLine(r.written, r.pending, opts.lang, { vi: "các gói edXML", en: "the edXML packages are" }));
    return 1;
  }
  out(vi ? `Xong: ${r.written.length} gói edXML được ghi, ${r.unchanged.length} không đổi.` : `Done: ${r.written.length} edXML packages written, ${r.unchanged.length} unchanged.`);
  return 0;
}
