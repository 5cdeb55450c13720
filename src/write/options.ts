import type { ProvinceInput } from "../validate/province-input.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { DocPlan, Reason } from "./plan.ts";

export interface BuildOptions {
  dataDir: string;
  /** What the province's workspace gives the bloc (tinh build: tinh.yaml's defaults and legal bases). */
  province?: ProvinceInput;
  outDir: string;
  /** Where the PDF font comes from: "auto" (settings, system, package) or "package" only (the same bytes on every machine). */
  fontSource?: "auto" | "package";
  /** The folder of @fontsource/tinos, found by the caller (module resolution is the CLI's business). */
  fontPackageDir?: string;
  /**
   * A folder of shared PDF font subsets made by the tool's compilation (dist/pdf-fonts), looked in
   * before a subset is made; read only (shared-fonts.ts).
   */
  fontPreset?: string;
  /** The tool's identity (version and source hash): a change rebuilds everything. */
  toolVersion?: string;
  /** Write nothing; report the documents whose outputs are missing or out of date. */
  check?: boolean;
  /** Another build in this process will follow (--watch): what this one reads of the data cache is kept for it. */
  keepForNextBuild?: boolean;
  /** Only documents whose stem or unit id matches (e.g. "ke-hoach", "so-y-te"). */
  only?: string;
  year?: number;
  /** Replace PDFs in out/ that carry a signature (otherwise such a document is refused). */
  replaceSigned?: boolean;
  /** How long to wait for the project lock another command holds (default: the transaction's). */
  lockWaitMs?: number;
  /** Replace outputs in out/ edited by hand since the last build (otherwise such a file is kept, with a warning). */
  replaceEdited?: boolean;
  /** Called as documents are rendered. */
  onProgress?: (done: number, total: number, key: string) => void;
  /**
   * Called once the build's change is committed, with the result it returns, before the caches
   * beside the outputs are written: a person waiting for the documents is told at once.
   */
  onCommitted?: (result: BuildResult) => void;
}

export interface BuildResult {
  diagnostics: Diagnostic[];
  written: string[];
  removed: string[];
  /** Documents rendered (or, with check, that would be), with why. */
  rebuilt: DocPlan[];
  /** Documents already up to date. */
  skipped: string[];
  /** Of `rebuilt`, the documents one of whose files was written (a build, not --check): what was really built. */
  built?: string[];
  /** Outputs edited by hand, kept as they are instead of the rebuilt copy (edited-outputs.ts); with check, those the build would keep. */
  kept?: string[];
  /** The year's own outputs (the print bundle) rebuilt (or, with check, that would be), with why. */
  yearOutputs?: { key: string; path: string; reasons: Reason[] }[];
}

/** Under the output folder: the PDF font subsets, by the hash of what they are made from. */
export const FONT_CACHE = ".cache/pdf-fonts";

/** Under the output folder: what the year's outputs take from each PDF (src/pdf/parts/), by the PDF's SHA-256. */
export const PARTS_CACHE = ".cache/pdf-parts";

/** Under the output folder: year outputs as last made, one per output, with the hash of what they were made from (YearOutputJob.kept). */
export const MADE_CACHE = ".cache/year-outputs";

/** Under the output folder: the data files as parsed and checked, by the hash of their bytes (src/load/source-cache.ts). */
export const DATA_CACHE = ".cache/data-sources.json";

/** The warnings of an output kept as it is instead of the rebuilt copy (edited-outputs.ts): each names the file and its --only. */
export const KEPT_OUTPUT_CODES: ReadonlySet<string> = new Set(["build/edited-output", "build/unrecorded-output", "build/foreign-output"]);

/** Whether the kept file at `path` is one the build knows as its own, edited since (build/edited-output): only such a file is called an edit. */
export function keptAsEdit(diagnostics: readonly Diagnostic[], path: string): boolean {
  return diagnostics.some((d) => d.code === "build/edited-output" && d.pos.file === path);
}
