/**
 * Outputs edited by hand (a DOCX changed in Word, a PDF or the year's report changed
 * in another program): the user's, never replaced silently. The plan step names each
 * output to rebuild whose file differs from what the last build recorded writing
 * (`OutPlan.changed`); once rendered, one whose file is not the bytes this build makes
 * either (those are the build's own, left by a build cut off before its manifest) is
 * kept as it is, with a warning naming it and saying what to do, unless --replace-edited.
 *
 * Only the edited file is kept: the document's other file (the PDF of an edited DOCX)
 * is still made from the data, so a correction in data/ reaches it; the warning says
 * that the two now differ. The manifest keeps, for a kept file, the hash the build last
 * wrote there, so the next build (and --check, and the build with nothing to do) sees it
 * as edited again until it is rebuilt on purpose, deleted or put back.
 *
 * When the manifest is there but damaged (a merge conflict in out/), what the build wrote is
 * not known: every file already there that differs from what this build makes is kept the same
 * way (build/unrecorded-output), and recorded as UNRECORDED so that later builds keep it too.
 * A missing manifest (a fresh clone, the first build) is not that: the files are replaced.
 *
 * With the manifest whole, a file at an output's path that it records no copy of (a file put into out/
 * by hand; one kept, edited or signed, when its document left the data, which then came back) was not
 * written by the build: it is kept the same way (build/foreign-output) unless it has the very bytes
 * this build makes, or those the build last wrote there by its own record in out/.cache (stamps.ts:
 * `git restore out/` leaves the outputs of a newer build untracked), and recorded as FOREIGN, so later
 * builds keep it until it is replaced on purpose.
 */
import type { Diagnostics } from "../diagnostics/diagnostic.ts";
import type { OutputFile } from "../render/render-all.ts";
import { fileSha256, sha256 } from "./hash.ts";
import { FOREIGN, UNRECORDED } from "./manifest.ts";
import { KEPT_OUTPUT_CODES, keptAsEdit, type BuildOptions } from "./options.ts";
import type { ChangedOutput, OutPlan } from "./plan-step.ts";
import { skipped, type YearPlan } from "./year-step.ts";

/** The warning for one kept file; `following` are the document's other files, which follow the data. */
export function warnEdited(diags: Diagnostics, c: ChangedOutput, following: readonly string[]): void {
  const list = following.join(", ");
  // Kept while the record of the last build was lost: perhaps edited, perhaps an older build's; said as such.
  // Kept with the record whole but no copy of the build's in it: a file the build did not write.
  const code = c.recorded === UNRECORDED ? "build/unrecorded-output" : c.recorded === FOREIGN ? "build/foreign-output" : "build/edited-output";
  // Only a file known as the build's own, changed since, is called an edit.
  const edited = code === "build/edited-output";
  diags.warning(code, { file: c.path, line: 1, column: 1 }, {
    path: c.path,
    only: c.only,
    alsoVi: list ? `; ${list} vẫn được lập theo dữ liệu nên nay khác ${edited ? "bản sửa tay này" : "tệp được giữ nguyên này"}` : "",
    alsoEn: list ? `; ${list} still follows the data, so it now differs from this ${edited ? "edited" : "kept"} copy` : "",
  });
}

/**
 * Decides, on the bytes this build made, which changed outputs are the user's and keeps them:
 * returns the files to write (without the kept ones) and records the kept paths in `plan.kept`.
 * Called on the documents' files, then on the year outputs' (a kept one is left as it was, its
 * manifest entry carried over).
 */
export function keepEdited(plan: OutPlan, files: readonly OutputFile[], opts: BuildOptions, diags: Diagnostics): OutputFile[] {
  if (opts.replaceEdited || !plan.changed.size) return [...files];
  const made = new Map(files.map((f) => [f.path, f]));
  const keep = new Set<string>();
  for (const c of plan.changed.values()) {
    const f = made.get(c.path);
    // Not made by this build (left out of date for another reason), or the very bytes it makes: not an edit to keep.
    if (!f || fileSha256(f.bytes) === c.now) continue;
    keep.add(c.path);
  }
  for (const path of keep) {
    const c = plan.changed.get(path)!;
    plan.kept.add(path);
    warnEdited(diags, c, c.siblings.filter((s) => !keep.has(s)));
  }
  for (const y of plan.years)
    if (keep.has(y.path)) {
      y.reasons = [];
      y.inputs = undefined;
    }
  return files.filter((f) => !keep.has(f.path));
}

/**
 * The year outputs once the documents are decided: one made from a kept file (a PDF edited by hand)
 * is left as it is, like one made from a document out of date (its pages would not agree with the
 * data); the year's report, which lists every file, names each kept one among its warnings.
 */
export function yearsWithKept(years: readonly YearPlan[], kept: ReadonlySet<string>, diags: Diagnostics): void {
  if (!kept.size) return;
  const warnings = diags.items.filter((d) => KEPT_OUTPUT_CODES.has(d.code));
  for (const y of years) {
    if (y.held) continue;
    const input = y.inputPaths.find((f) => kept.has(f));
    if (input) {
      y.held = true;
      skipped(
        y,
        diags,
        keptAsEdit(warnings, input)
          ? { whyVi: `${input} đã được sửa tay và được giữ nguyên, khác với dữ liệu`, whyEn: `${input} was edited by hand and is kept; it differs from the data` }
          : { whyVi: `${input} không phải bản công cụ đã ghi và được giữ nguyên, khác với dữ liệu`, whyEn: `${input} is not a copy the tool wrote and is kept; it differs from the data` },
      );
      continue;
    }
    const own = warnings.filter((d) => d.pos.file.startsWith(`${y.sources.outDir}/${y.sources.year}/`));
    if (!own.length) continue;
    y.sources = { ...y.sources, diagnostics: [...y.sources.diagnostics, ...own] };
    y.content = sha256(y.output.content(y.sources));
  }
}
