/**
 * The year's results as year outputs (src/write/year-outputs.ts): out/<year>/ket-qua-<year>.json
 * for the province's office to merge, and the same as a workbook for people
 * (ket-qua-<year>.xlsx). Their inputs are every document's files (hashed into the file; the PDF
 * also gives its pages and signature fields, as recorded when it was written); their content is
 * the model's figures and the documents' identities.
 */
import type { ComposedDocument } from "../compose/compose-all.ts";
import { pdfFacts } from "../report/year-output.ts";
import { OUTPUT_EXTENSIONS, outputPath } from "../render/output-paths.ts";
import { fileSha256, sha256, stableJson } from "../write/hash.ts";
import { RESULTS_BOOK_FILE, RESULTS_FILE } from "../write/year-output-paths.ts";
import type { YearOutput, YearOutputJob, YearSources } from "../write/year-outputs.ts";
import { resultsFacts, type DocFileFacts } from "./facts.ts";
import { z } from "zod";
import type { Place } from "../pdf/signing-places.ts";
import { SigningPlace, type ResultsFile } from "./schema.ts";

const inputs = ({ outDir, year, docs }: YearSources) => docs.flatMap((c) => OUTPUT_EXTENSIONS.map((ext) => outputPath(outDir, year, c.doc.stem, ext)));

function need<T>(v: T | undefined, year: number): T {
  if (v === undefined) throw new Error(`no model of year ${year}`);
  return v;
}

/** Everything but the files' facts, for the plan's content hash. */
function content(src: YearSources): string {
  // The same for the file and the workbook, which share the year's sources.
  let c = CONTENT.get(src);
  if (c === undefined) CONTENT.set(src, (c = contentOf(src)));
  return c;
}

const CONTENT = new WeakMap<YearSources, string>();

function contentOf(src: YearSources): string {
  if (!src.model) return "";
  const none: DocFileFacts = { pages: 0, signatureFields: [], places: [], files: [] };
  return stableJson(resultsFacts(src.model, src.toolVersion, src.docs.map((doc) => ({ doc, files: none }))));
}

/** The places of a document's .ky-so.json (its own output, hashed above): none when it is not what the tool writes. */
function placesOf(bytes: Uint8Array): Place[] {
  try {
    const places = z.array(SigningPlace).safeParse((JSON.parse(new TextDecoder().decode(bytes)) as { o?: unknown }).o);
    return places.success ? places.data : [];
  } catch {
    return [];
  }
}

/** The results, reading each document's files (DOCX then PDF, as `inputs` lists them). */
export function readResults(job: YearOutputJob): Promise<ResultsFile> {
  // Read once for the file and the workbook: their jobs share the year's documents.
  let r = READ.get(job.docs);
  if (!r) READ.set(job.docs, (r = readAll(job)));
  return r;
}

const READ = new WeakMap<readonly ComposedDocument[], Promise<ResultsFile>>();

async function readAll(job: YearOutputJob): Promise<ResultsFile> {
  const model = need(job.model, job.year);
  const docs: { doc: ComposedDocument; files: DocFileFacts }[] = [];
  let i = 0;
  for (const doc of job.docs) {
    const files = [];
    let pdf = { pages: 0, signatureFields: [] as string[] };
    let places: Place[] = [];
    for (const ext of OUTPUT_EXTENSIONS) {
      const path = job.inputs[i++]!;
      const bytes = await job.read(path);
      files.push({ name: `${doc.doc.stem}.${ext}`, sha256: fileSha256(bytes), size: bytes.length });
      if (ext === "pdf") pdf = await pdfFacts(bytes, await job.parts(bytes));
      if (ext === "ky-so.json") places = placesOf(bytes);
    }
    docs.push({ doc, files: { ...pdf, places, files } });
  }
  return resultsFacts(model, job.toolVersion, docs);
}

/** The file's text: two-space indented JSON ending with a newline, keys in the schema's order. */
export function resultsJson(r: ResultsFile): string {
  return JSON.stringify(r, null, 2) + "\n";
}

export const results: YearOutput = {
  ...RESULTS_FILE,
  inputs,
  content,
  async render(job) {
    return new TextEncoder().encode(resultsJson(await readResults(job)));
  },
};

export const resultsBook: YearOutput = {
  ...RESULTS_BOOK_FILE,
  inputs,
  content,
  async render(job) {
    const r = await readResults(job);
    // What the workbook shows: every figure, and each document's files by name (not their hashes or sizes,
    // which change with every rebuilt PDF). The same gives the kept workbook back, without exceljs.
    const shown = { ...r, van_ban: r.van_ban.map((d) => ({ ...d, tep: d.tep.map((f) => f.ten) })) };
    return job.kept(stableJson(shown), async () => (await import("./workbook.ts")).resultsWorkbook(r));
  },
};
