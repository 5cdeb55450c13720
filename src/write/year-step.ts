/**
 * The outputs of a whole year (year-outputs.ts) in the build: planned with the
 * documents (which files they need, why they are out of date), then, once the
 * documents are rendered, decided again on the bytes this build made, and
 * rendered. A year output is rebuilt only when one of its inputs, its content,
 * the tool or its own file changed.
 */
import type { ComposedDocument } from "../compose/compose-all.ts";
import type { Diagnostics } from "../diagnostics/diagnostic.ts";
import type { World } from "../io/world.ts";
import type { OutputFile } from "../render/render-all.ts";
import { FAILED, guard } from "./guard.ts";
import { fileSha256, sha256 } from "./hash.ts";
import type { PartsStore } from "../pdf/parts/parts-store.ts";
import { pdfPartsStore } from "./parts-cache.ts";
import { keptOutput } from "./kept-outputs.ts";
import type { ManifestEntry } from "./manifest.ts";
import type { DocPlan, Reason } from "./plan.ts";
import type { Prepared } from "./prepare-step.ts";
import { YEAR_OUTPUTS, type YearOutput, type YearSources } from "./year-outputs.ts";

export interface YearPlan {
  /** "<year>/<id>", its key in the manifest. */
  key: string;
  path: string;
  output: YearOutput;
  sources: YearSources;
  content: string;
  /** Its input files, in order. */
  inputPaths: string[];
  /** Why it is out of date (with --check: would be); none: current. */
  reasons: Reason[];
  /** The hashes of its inputs it was (or is to be) made from; set by the render step. */
  inputs?: Record<string, string>;
  /**
   * Its input PDFs whose documents are out of date and not rebuilt by this build (--only left
   * them out), sorted; set by the plan step (markStale).
   */
  stale?: string[];
  /** Left as it is by this build (holdBackStale): made only from current PDFs. */
  held?: boolean;
}

/** The years the build touches and, for each, every year output with the files it needs. */
export function yearPlans(prepared: Prepared, outDir: string, dataDir: string): YearPlan[] {
  const years = [...new Set(prepared.docs.map((d) => d.year))].sort((a, b) => a - b);
  const yearOf = new RegExp(`^${dataDir.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/(\\d{4})/`);
  const toolVersion = prepared.identity.tool.split(/[+ ]/)[0]!;
  const plan = (output: YearOutput, sources: YearSources): YearPlan => ({
    key: `${sources.year}/${output.id}`,
    path: `${outDir}/${sources.year}/${output.file(sources.year)}`,
    output,
    sources,
    content: sha256(output.content(sources)),
    inputPaths: output.inputs(sources),
    reasons: [],
  });
  const perYear = years.flatMap((year) => {
    // A diagnostic of another year's folder is not this year's; one of khoi.yaml or the templates is every year's.
    const diagnostics = prepared.checked.diagnostics.filter((d) => {
      const m = yearOf.exec(d.pos.file);
      return !m || m[1] === String(year);
    });
    const sources: YearSources = { year, model: prepared.checked.models.find((m) => m.year === year), docs: prepared.checked.documents.filter((d) => d.year === year), diagnostics, outDir, toolVersion };
    return YEAR_OUTPUTS.filter((o) => !o.years).map((output) => plan(output, sources));
  });
  // Outputs of calendar years: from every document; the bloc as the latest year of emulation up to it knows it.
  const models = [...prepared.checked.models].sort((a, b) => a.year - b.year);
  const calendar = YEAR_OUTPUTS.filter((o) => o.years).flatMap((output) =>
    output.years!(prepared.docs).map((year) => plan(output, { year, model: models.filter((m) => m.year <= year).at(-1) ?? models[0], docs: prepared.checked.documents, diagnostics: [], outDir, toolVersion })),
  );
  return [...perYear, ...calendar];
}

/** The documents of the years the build touches that it leaves out (--only): their plans say whether they are current. */
export function othersOfYears(prepared: Prepared, years: readonly YearPlan[]): ComposedDocument[] {
  const touched = new Set(years.filter((y) => !y.output.years).map((y) => y.sources.year));
  const selected = new Set(prepared.docs);
  return prepared.checked.documents.filter((d) => touched.has(d.year) && !selected.has(d));
}

/** Records, on each year output, its input PDFs whose documents are out of date but not rebuilt by this build. */
export function markStale(years: readonly YearPlan[], others: readonly DocPlan[]): void {
  const stale = new Set(others.filter((p) => p.reasons.length > 0).flatMap((p) => p.outputs));
  for (const y of years) y.stale = y.inputPaths.filter((f) => stale.has(f)).sort();
}

/**
 * A year output is made only from current PDFs: one with an input PDF that this build leaves
 * out of date is left as it is (its pages and its bookmarks, titles and figures would not
 * agree), with a warning naming the documents and saying to build them all.
 */
export function holdBackStale(years: readonly YearPlan[], onDisk: ReadonlyMap<string, string | undefined>, diags: Diagnostics): void {
  for (const y of years) {
    if (!y.stale?.length) continue;
    y.held = true;
    const missing = y.stale.find((f) => onDisk.get(f) === undefined);
    const list = y.stale.join(", ");
    skipped(
      y,
      diags,
      missing
        ? { whyVi: `thiếu ${missing}`, whyEn: `${missing} is missing` }
        : { whyVi: `văn bản chưa được lập lại theo dữ liệu mới (lần lập này bỏ qua chúng): ${list}`, whyEn: `out of date and not rebuilt by this build: ${list}` },
    );
  }
}

/**
 * Why a year output is out of date. `hashOf` gives an input's hash as it will be after this
 * build: undefined when missing, "pending" when a document to rebuild makes it (--check).
 */
export function yearReasons(p: YearPlan, prev: ManifestEntry | undefined, tool: string, hashOf: (path: string) => string | undefined, onDisk: string | undefined): Reason[] {
  if (!prev) return [{ code: "new" }];
  const reasons: Reason[] = [];
  if (prev.tool !== tool) reasons.push({ code: "tool" });
  const now = Object.fromEntries(p.inputPaths.map((f) => [f, hashOf(f) ?? ""]));
  const changed = [...new Set([...Object.keys(prev.inputs), ...p.inputPaths])].filter((f) => prev.inputs[f] !== now[f]).sort();
  for (const file of changed) reasons.push({ code: "input", file });
  if (!changed.length && prev.content !== p.content) reasons.push({ code: "content" });
  if (onDisk === undefined) reasons.push({ code: "output-missing", file: p.path });
  else if (onDisk !== prev.outputs[p.path]) reasons.push({ code: "output-changed", file: p.path });
  return reasons;
}

/**
 * After the documents are rendered: each year output decided on the bytes the build made (a
 * document rebuilt to the same bytes does not rebuild it), and rendered when out of date. A
 * year output one of whose inputs is missing (a partial build, a document never built) is left
 * as it is, with a warning.
 */
export async function renderYearOutputs(
  world: World,
  prepared: Prepared,
  plans: readonly YearPlan[],
  previous: Record<string, ManifestEntry>,
  onDisk: ReadonlyMap<string, string | undefined>,
  files: readonly OutputFile[],
  diags: Diagnostics,
): Promise<OutputFile[]> {
  const made = new Map(files.map((f) => [f.path, f.bytes]));
  const hashOf = (path: string) => {
    const b = made.get(path);
    return b ? fileSha256(b) : onDisk.get(path);
  };
  const out: OutputFile[] = [];
  let store: Promise<PartsStore> | undefined;
  // A file on disk is read once for all the year's outputs (the bundle and the results read the same PDFs).
  const fromDisk = new Map<string, Promise<Uint8Array | undefined | typeof FAILED>>();
  const readOnce = (path: string) => {
    let b = fromDisk.get(path);
    if (!b) fromDisk.set(path, (b = guard(diags, path, "read", () => world.readFile(path))));
    return b;
  };
  for (const p of plans) {
    if (p.held) continue;
    const parts = async (bytes: Uint8Array) => (await (store ??= pdfPartsStore(world, p.sources.outDir))).parts(bytes);
    p.reasons = yearReasons(p, previous[p.key], prepared.identity.tool, hashOf, onDisk.get(p.path));
    const missing = p.inputPaths.find((f) => hashOf(f) === undefined);
    if (missing) {
      skipped(p, diags, { whyVi: `thiếu ${missing}`, whyEn: `${missing} is missing` });
      continue;
    }
    p.inputs = Object.fromEntries(p.inputPaths.map((f) => [f, hashOf(f)!]));
    if (!p.reasons.length) continue;
    const read = async (path: string) => {
      const b = made.get(path) ?? (await readOnce(path));
      if (b === FAILED || b === undefined) throw new MissingInput(path);
      // A file on disk as the plan knew it (by its stamp, stamps.ts, or read): one changed since is not made into the year's files.
      if (!made.has(path) && fileSha256(b) !== onDisk.get(path)) throw new ChangedInput(path);
      return b;
    };
    const kept = (what: string, make: () => Promise<Uint8Array>) => keptOutput(world, p.sources.outDir, p.key, `${prepared.identity.tool}\u0000${p.key}\u0000${what}`, make);
    try {
      out.push({ path: p.path, bytes: await p.output.render({ ...p.sources, inputs: p.inputPaths, read, parts, kept }) });
    } catch (err) {
      // An input that cannot be read (the error is said) or that is not a readable PDF: the documents are
      // fine, this one file is not made, and it is said.
      if (err instanceof MissingInput) skipped(p, diags, { whyVi: `không đọc được ${err.path}`, whyEn: `${err.path} cannot be read` });
      else if (err instanceof ChangedInput)
        skipped(p, diags, { whyVi: `${err.path} khác với bản đã ghi nhận (có thể đã được sửa tay)`, whyEn: `${err.path} differs from the copy on record (edited by hand?)` });
      else skipped(p, diags, { whyVi: String(err instanceof Error ? err.message : err), whyEn: String(err instanceof Error ? err.message : err) });
    }
  }
  return out;
}

/** Left as it is: nothing written, its manifest entry carried over, and a warning that says why. */
export function skipped(p: YearPlan, diags: Diagnostics, why: { whyVi: string; whyEn: string }): void {
  p.reasons = [];
  p.inputs = undefined;
  diags.warning("build/year-output-skipped", { file: p.path, line: 1, column: 1 }, { path: p.path, ...why });
}

class MissingInput extends Error {
  constructor(readonly path: string) {
    super(`missing input ${path}`);
  }
}

class ChangedInput extends Error {
  constructor(readonly path: string) {
    super(`input changed since the plan: ${path}`);
  }
}
