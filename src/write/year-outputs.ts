/**
 * The outputs of a whole year, each made from files the build writes or reads
 * (a key, a path, its inputs, a render function). The build plans them like
 * documents (year-step.ts): one is rebuilt only when one of its inputs, its
 * content or its own file changed, and is owned by the tool like the
 * documents. Each new one is one more entry.
 */
import { bundleEntries } from "../bundle/contents.ts";
import { bundleMeta } from "../bundle/meta.ts";
import type { ComposedDocument } from "../compose/compose-all.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { YearModel } from "../model/types.ts";
import type { PdfParts } from "../pdf/parts/parts.ts";
import { outputPath } from "../render/output-paths.ts";
import { report } from "../report/year-output.ts";
import { results, resultsBook } from "../results/year-output.ts";
import { register } from "../register/year-output.ts";
import { BUNDLE_FILE, type YearOutputFile } from "./year-output-paths.ts";

export interface YearSources {
  year: number;
  model: YearModel | undefined;
  /** The year's documents, in the build's order. */
  docs: readonly ComposedDocument[];
  /** The data's diagnostics about this year (its folder) or about every year (khoi.yaml, templates). */
  diagnostics: readonly Diagnostic[];
  outDir: string;
  /** The tool's version (package.json), for the files that name it. */
  toolVersion: string;
}

export interface YearOutputJob extends YearSources {
  /** The paths `inputs` gave, in its order. */
  inputs: readonly string[];
  /** The bytes of one of its inputs (as this build made it, or as it is on disk). */
  read(path: string): Promise<Uint8Array>;
  /** What the year's outputs take from a PDF, as recorded (src/pdf/parts/); undefined for a PDF that is not ours. */
  parts(bytes: Uint8Array): Promise<PdfParts | undefined>;
  /**
   * The bytes `make` gives, kept (out/.cache/year-outputs, one entry per output) with `what`: all
   * they are made from but the tool. A later build that would make them from the same `what` is
   * given the kept bytes back instead.
   */
  kept(what: string, make: () => Promise<Uint8Array>): Promise<Uint8Array>;
}

export interface YearOutput extends YearOutputFile {
  /**
   * For an output of calendar years (the register): the years it is made for, from the documents
   * a build touches; its sources then hold every document of every year, and the model of the
   * latest year of emulation up to it. Absent: made for each year of emulation, from its documents.
   */
  years?(docs: readonly ComposedDocument[]): number[];
  /** The files it is made from, in order: a change in one rebuilds it. */
  inputs(src: YearSources): string[];
  /** Anything else it is made from (titles, names), as text: a change rebuilds it. */
  content(src: YearSources): string;
  render(job: YearOutputJob): Promise<Uint8Array>;
}

const bundle: YearOutput = {
  ...BUNDLE_FILE,
  inputs: ({ outDir, year, docs }) => bundleEntries(docs).map((e) => outputPath(outDir, year, e.stem, "pdf")),
  content: ({ year, model, docs }) => JSON.stringify({ meta: bundleMeta(year, model?.bloc.shortName), entries: bundleEntries(docs) }),
  async render({ year, model, docs, inputs, read, parts: partsOf }) {
    const { makeBundle } = await import("../bundle/make-bundle.ts");
    const entries = bundleEntries(docs);
    const parts = [];
    for (const [i, e] of entries.entries()) {
      const bytes = await read(inputs[i]!);
      const recorded = await partsOf(bytes);
      parts.push({ ...e, bytes, ...(recorded ? { parts: recorded } : {}) });
    }
    return (await makeBundle(parts, bundleMeta(year, model?.bloc.shortName))).bytes;
  },
};

/** The outputs of every year, in this order. */
export const YEAR_OUTPUTS: readonly YearOutput[] = [bundle, report, results, resultsBook, register];
