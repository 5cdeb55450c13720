import { makeForms } from "../forms/make-forms.ts";
import type { World } from "../io/world.ts";
import type { CliOptions } from "./args.ts";
import { reportWrites } from "./commit-report.ts";

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
  if (reportWrites(r, opts.lang, out, { vi: "các biểu mẫu", en: "the forms are" })) return 1;
  out(vi ? `Xong: ${r.written.length} biểu mẫu được ghi, ${r.unchanged.length} không đổi.` : `Done: ${r.written.length} forms written, ${r.unchanged.length} unchanged.`);
  return 0;
}
