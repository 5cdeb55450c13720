/**
 * The register as a year output of a calendar year (src/write/year-outputs.ts): made for each
 * calendar year in which a document the build touches is dated, from every document of every
 * year of emulation (a year's reports are issued early the next year). Its content is the
 * register itself. Its inputs are the PDFs of the documents it lists, which it does not read: a
 * register is made only when they are current, so it never names a title or number their pages
 * do not show yet (the rule of every year output: src/write/year-step.ts).
 */
import { outputPath } from "../render/output-paths.ts";
import { stableJson } from "../write/hash.ts";
import { REGISTER_FILE } from "../write/year-output-paths.ts";
import type { YearOutput, YearSources } from "../write/year-outputs.ts";
import { registerEntries, registerOf, registerYear, registerYears, type Register } from "./register.ts";

function registerFor(src: YearSources): Register {
  return registerOf(registerEntries(src.docs), src.year, src.model?.bloc.numbering ?? "one");
}

export const register: YearOutput = {
  ...REGISTER_FILE,
  years: (docs) => registerYears(registerEntries(docs)),
  inputs: (src) => registerEntries(src.docs).filter((e) => registerYear(e) === src.year).map((e) => outputPath(src.outDir, e.dataYear, e.stem, "pdf")),
  content: (src) => stableJson({ register: registerFor(src), issuer: src.model?.bloc.name ?? "", code: src.model?.bloc.code ?? "" }),
  async render(job) {
    const { registerWorkbook } = await import("./workbook.ts");
    return registerWorkbook(registerFor(job), job.model?.bloc.name ?? "", job.model?.bloc.code ?? "");
  },
};
