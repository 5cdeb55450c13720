import { formatDiagnostic, summaryLine } from "../diagnostics/format.ts";
import { makeForms } from "../forms/make-forms.ts";
import type { World } from "../io/world.ts";
import type { CliOptions } from "./args.ts";
import { stoppedLine } from "./commit-report.ts";

/** `khoi-thi-dua forms`: the units' Excel forms under out/<year>/bieu-mau/. */
export async function runForms(world: World, opts: CliOptions, out: (s: string) => void): Promise<number> {
  const vi = opts.lang === "vi";
  const r = await makeForms(world, {
    dataDir: opts.dataDir,
    outDir: opts.outDir,
    ...(opts.unit ? { unit: opts.unit } : {}),
    ...(opts.stage ? { stage: opts.stage } : {}),
    ...(opts.year ? { year: opts.year } : {}),
  });
  for (const d of r.diagnostics) out(formatDiagnostic(d, opts.lang));
  const errors = r.diagnostics.filter((d) => d.severity === "error").length;
  for (const f of r.written) out((vi ? "đã ghi " : "wrote ") + f);
  out(summaryLine(errors, r.diagnostics.length - errors, opts.lang));
  if (errors) {
    out(stoppedLine(r.written, r.pending, opts.lang, { vi: "các biểu mẫu", en: "the forms are" }));
    return 1;
  }
  out(vi ? `Xong: ${r.written.length} biểu mẫu được ghi, ${r.unchanged.length} không đổi.` : `Done: ${r.written.length} forms written, ${r.unchanged.length} unchanged.`);
  return 0;
}
