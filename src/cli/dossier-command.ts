import { formatDiagnostic, summaryLine } from "../diagnostics/format.ts";
import { makeDossier } from "../dossier/make-dossier.ts";
import type { World } from "../io/world.ts";
import type { CliOptions } from "./args.ts";
import { buildOptions } from "./commands.ts";
import { stoppedLine } from "./commit-report.ts";
import { stateText } from "../dossier/signature-state.ts";

/** `khoi-thi-dua ho-so [--year N]`: the award dossier of a year (the latest by default). */
export async function runDossier(world: World, opts: CliOptions, out: (s: string) => void): Promise<number> {
  const vi = opts.lang === "vi";
  const r = await makeDossier(world, buildOptions(opts));
  for (const d of r.diagnostics) out(formatDiagnostic(d, opts.lang));
  for (const i of r.items) out(`  ${String(i.no).padStart(2)}. ${i.title}: ${i.file ? `${i.file}, ${stateText(i.state!)}` : vi ? "THIẾU" : "MISSING"}`);
  const errors = r.diagnostics.filter((d) => d.severity === "error").length;
  for (const f of r.written) out((vi ? "đã ghi " : "wrote ") + f);
  out(summaryLine(errors, r.diagnostics.length - errors, opts.lang));
  if (errors) {
    out(stoppedLine(r.written, r.pending, opts.lang, { vi: "hồ sơ", en: "the dossier is" }));
    return 1;
  }
  return 0;
}
