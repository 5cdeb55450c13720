import { selectorOf } from "../compose/compose-all.ts";
import type { Diagnostics } from "../diagnostics/diagnostic.ts";
import type { World } from "../io/world.ts";
import { FAILED, guard } from "./guard.ts";
import { fileSha256 } from "./hash.ts";
import { FOREIGN, MANIFEST_NAME, readManifest, UNRECORDED, type Manifest } from "./manifest.ts";
import type { BuildOptions, BuildResult } from "./options.ts";
import { carriesSignature, ownedOutputs, sanitizeManifest } from "./owned-files.ts";
import { planBuild, type DocPlan } from "./plan.ts";
import type { Prepared } from "./prepare-step.ts";
import { warnEdited, yearsWithKept } from "./edited-outputs.ts";
import { hashByStamp, readStamps } from "./stamps.ts";
import { holdBackStale, markStale, othersOfYears, yearPlans, yearReasons, type YearPlan } from "./year-step.ts";

/** What is to be done in out/: every document's plan, and the files of vanished documents to remove. */
export interface OutPlan {
  manifestPath: string;
  /** The previous manifest, its paths checked against the files the build owns. */
  previous: Manifest | undefined;
  /** The hash of each owned output now on disk (undefined: missing). */
  onDisk: Map<string, string | undefined>;
  plans: DocPlan[];
  todo: DocPlan[];
  /** Outputs of documents that no longer exist, unchanged since the build wrote them. */
  vanished: string[];
  /** The outputs of each year the build touches (the print bundle); reasons as far as known before rendering. */
  years: YearPlan[];
  /**
   * Outputs to rebuild whose file differs from what the last build recorded writing, not signed: edited by
   * hand, unless this build makes the very same bytes (a build cut off before its manifest). See edited-outputs.ts.
   */
  changed: Map<string, ChangedOutput>;
  /** The outputs kept as the user edited them (decided once rendered): not written, their old hash recorded. */
  kept: Set<string>;
  /** The manifest was there but damaged: the record of what the build wrote is lost. */
  unrecorded: boolean;
}

/** An output that differs from what the last build wrote. */
export interface ChangedOutput {
  path: string;
  /** The hash the last build recorded writing there (UNRECORDED: the record was lost; FOREIGN: it has no copy written there). */
  recorded: string;
  /** The record, whole, has no entry for the file at all (not one recorded as FOREIGN by an earlier build). */
  absent?: boolean;
  /** The hash of the file now. */
  now: string;
  /** The --only name that rebuilds it on purpose. */
  only: string;
  /** The other files of the same document (none for a year output). */
  siblings: string[];
}

/**
 * Reads out/ (the manifest and the owned outputs) and decides what to rebuild; refuses to
 * replace a signed PDF unless asked, and keeps files of vanished documents that were signed
 * or edited. Writes nothing but the result's rebuilt and skipped lists.
 */
export async function planOutputs(world: World, prepared: Prepared, opts: BuildOptions, diags: Diagnostics, result: BuildResult): Promise<OutPlan | undefined> {
  const manifestPath = `${opts.outDir}/${MANIFEST_NAME}`;
  const read = await guard(diags, manifestPath, "read", () => readManifest(world, opts.outDir));
  if (read === FAILED) return undefined;
  // A damaged record (a merge conflict in out/, a file cut short) is not a first build: every file already
  // there may be the user's, so each that differs from what this build makes is kept (edited-outputs.ts).
  const damaged = read.damaged;
  if (damaged) diags.warning("manifest/damaged", { file: manifestPath, line: damaged.line, column: damaged.column }, { detailVi: damaged.vi, detailEn: damaged.en });
  const previous = sanitizeManifest(read.manifest, opts.outDir, manifestPath, diags);
  const onDisk = new Map<string, string | undefined>();
  const signed = new Set<string>();
  const stamps = await readStamps(world, opts.outDir);
  /** Outputs whose hash was taken from their stamp, unread: read before this build replaces or removes one (verify). */
  const unread = new Set<string>();
  const readOutputs = async (paths: readonly string[], byStamp = true) => {
    for (const path of paths) {
      if (onDisk.has(path)) continue;
      // A file whose stamp is the one recorded with its hash (stamps.ts) is that file, as the last build saw it.
      const known = byStamp ? await hashByStamp(world, stamps, path) : undefined;
      if (known !== undefined) {
        onDisk.set(path, known);
        unread.add(path);
        continue;
      }
      const bytes = await guard(diags, path, "read", () => world.readFile(path));
      if (bytes === FAILED) return false;
      onDisk.set(path, bytes ? fileSha256(bytes) : undefined);
      if (bytes && path.endsWith(".pdf") && carriesSignature(bytes)) signed.add(path);
    }
    return true;
  };
  for (const d of prepared.docs) if (!(await readOutputs(ownedOutputs(opts.outDir, `${d.year}/${d.doc.stem}`)!))) return undefined;
  // A year's own outputs are made from all its documents' files (also those --only leaves out) and are the build's own.
  const years = yearPlans(prepared, opts.outDir, opts.dataDir);
  // The year's own outputs are read whatever their stamps say (see verify): a few files, and the render step may still
  // find one out of date that the plan did not (its documents made again, to other bytes).
  if (!(await readOutputs(years.flatMap((y) => y.inputPaths))) || !(await readOutputs(years.map((y) => y.path), false))) return undefined;
  /**
   * Reads the files of `paths` whose hash came from their stamp: a stamp can stay the same through a
   * change made within one tick of a coarse clock, so a file this build replaces or removes (edited
   * by hand or signed meanwhile: kept) is read whatever its stamp says. Whether a hash changed;
   * undefined when a file cannot be read (said).
   */
  const verify = async (paths: readonly string[]): Promise<boolean | undefined> => {
    let moved = false;
    for (const path of paths) {
      if (!unread.delete(path)) continue;
      const was = onDisk.get(path);
      onDisk.delete(path);
      if (!(await readOutputs([path], false))) return undefined;
      moved ||= onDisk.get(path) !== was;
    }
    return moved;
  };
  let plans = planBuild(prepared.docs, previous, prepared.identity, prepared.reads, onDisk, opts.outDir, opts.dataDir);
  const moved = await verify(plans.filter((p) => p.reasons.length > 0).flatMap((p) => p.outputs));
  if (moved === undefined) return undefined;
  if (moved) plans = planBuild(prepared.docs, previous, prepared.identity, prepared.reads, onDisk, opts.outDir, opts.dataDir);
  // The year's documents --only leaves out: a year output is made only when they are current.
  const others = othersOfYears(prepared, years);
  for (const d of others) if (!(await readOutputs(ownedOutputs(opts.outDir, `${d.year}/${d.doc.stem}`)!))) return undefined;
  markStale(years, planBuild(others, previous, prepared.identity, prepared.reads, onDisk, opts.outDir, opts.dataDir));
  const todo = plans.filter((p) => p.reasons.length > 0);
  result.rebuilt = todo;
  result.skipped = plans.filter((p) => p.reasons.length === 0).map((p) => p.key);
  // A file that differs from what the last build wrote is the user's (a signed PDF is said below).
  const changed = new Map<string, ChangedOutput>();
  const noteChanged = (path: string, recorded: string | undefined, only: string, siblings: string[]) => {
    const now = onDisk.get(path);
    // No copy recorded there, the record whole: a file there is not the build's own, unless its bytes are those the
    // build last wrote there by its own local record (stamps.ts; `git restore out/` leaves newer outputs untracked).
    const own = recorded === undefined && now !== undefined && stamps.get(path)?.hash === now;
    const was = recorded ?? (damaged ? UNRECORDED : previous && !own ? FOREIGN : undefined);
    const absent = recorded === undefined && was === FOREIGN;
    if (was !== undefined && now !== undefined && now !== was && !signed.has(path)) changed.set(path, { path, recorded: was, now, only, siblings, ...(absent ? { absent } : {}) });
  };
  for (const p of todo) for (const path of p.outputs) noteChanged(path, previous?.documents[p.key]?.outputs[path], selectorOf(p.composed), p.outputs.filter((o) => o !== path));
  // --check cannot render to tell a build cut off from an edit: it names every such file, and reckons
  // with the build keeping it. While the record is damaged, nothing is known of any file: that is said
  // once, by manifest/damaged; a file recorded as kept unrecorded by an earlier build is kept again.
  // A file the record has no entry for may be the very bytes this build makes: --check says it is out of date, and
  // the build keeps it only if it is not (one kept so by an earlier build, recorded FOREIGN, is kept again).
  const keptByCheck = (c: ChangedOutput) => !(damaged && c.recorded === UNRECORDED) && !c.absent;
  const kept = new Set(opts.check && !opts.replaceEdited ? [...changed.values()].filter(keptByCheck).map((c) => c.path) : []);
  for (const path of kept) {
    const c = changed.get(path)!;
    warnEdited(diags, c, c.siblings.filter((o) => !kept.has(o)));
  }
  // Before rendering, a file a document to rebuild makes counts as a changed input, unless this build would
  // leave it as it is: one to keep (--check), or one whose document's content and identity are as recorded
  // (made again, it has the same bytes).
  const sameMaking = (p: DocPlan) => p.reasons.every((r) => r.code === "output-changed" || r.code === "output-missing");
  const pending = new Set(todo.flatMap((p) => p.outputs.filter((o) => !kept.has(o) && (!sameMaking(p) || p.reasons.some((r) => "file" in r && r.file === o)))));
  const reckon = () => {
    for (const y of years) if (!y.held) y.reasons = yearReasons(y, previous?.yearOutputs?.[y.key], prepared.identity.tool, (f) => (pending.has(f) ? "pending" : onDisk.get(f)), onDisk.get(y.path));
  };
  reckon();
  holdBackStale(years, onDisk, diags);
  if (kept.size) {
    // As the build will: a year output made from a kept file is left as it is, the year's report lists them.
    yearsWithKept(years, kept, diags);
    reckon();
  }
  for (const y of years) if (y.reasons.length) noteChanged(y.path, previous?.yearOutputs?.[y.key]?.outputs[y.path], y.sources.docs[0] ? selectorOf(y.sources.docs[0]) : "", []);
  if (opts.check && !opts.replaceEdited)
    for (const y of years) {
      const c = changed.get(y.path);
      if (!c || !keptByCheck(c) || kept.has(y.path)) continue;
      kept.add(y.path);
      warnEdited(diags, c, []);
    }
  if (opts.check) result.kept = [...kept].sort();
  result.yearOutputs = years.filter((y) => y.reasons.length > 0).map((y) => ({ key: y.key, path: y.path, reasons: y.reasons }));
  if (!opts.replaceSigned)
    for (const y of years)
      if (y.reasons.length && signed.has(y.path)) {
        // Rebuilding any one document of the year on purpose rebuilds the year's outputs with it.
        const first = y.sources.docs[0];
        diags.error("build/signed-output", { file: y.path, line: 1, column: 1 }, { path: y.path, only: first ? selectorOf(first) : "" });
      }
  // A signed PDF is never replaced without being asked.
  if (!opts.replaceSigned)
    for (const p of todo)
      for (const path of p.outputs)
        if (signed.has(path)) diags.error("build/signed-output", { file: path, line: 1, column: 1 }, { path, only: selectorOf(p.composed) });
  // The files of documents that no longer exist: only the build's own, as it wrote them.
  const current = new Set([...plans.map((p) => p.key), ...years.map((y) => y.key)]);
  const vanished: string[] = [];
  if (!prepared.filtered)
    for (const e of [...Object.values(previous?.documents ?? {}), ...Object.values(previous?.yearOutputs ?? {})]) {
      if (current.has(e.key)) continue;
      const paths = Object.keys(e.outputs);
      if ((await verify(paths)) === undefined || !(await readOutputs(paths, false))) return undefined;
      for (const path of paths) {
        const now = onDisk.get(path);
        if (now === undefined) continue;
        if (signed.has(path)) diags.warning("build/kept-file", { file: path, line: 1, column: 1 }, { path, whyVi: "tệp đã được ký số", whyEn: "it carries a signature" });
        else if (now !== e.outputs[path]) diags.warning("build/kept-file", { file: path, line: 1, column: 1 }, { path, whyVi: "tệp đã được sửa sau lần lập trước", whyEn: "it was changed after the last build" });
        else if (!(await reachedDirectly(world, opts.outDir, path))) {
          // Through a link (out/2019 → ../templates): the file is not the build's own; said in --check too.
          diags.error("file/link", { file: path, line: 1, column: 1 }, { target: (await world.realPath(path)) ?? "?", reasonVi: "đi qua liên kết (symlink); công cụ không xóa qua liên kết", reason: "goes through a symbolic link; the tool never removes through one" });
        } else vanished.push(path);
      }
    }
  return { manifestPath, previous, onDisk, plans, todo, vanished, years, changed, kept: new Set(), unrecorded: !!damaged };
}

/** Whether `path` under the output folder is that very file, not one a symbolic link on the way leads to. */
async function reachedDirectly(world: World, outDir: string, path: string): Promise<boolean> {
  const [real, realOut] = await Promise.all([world.realPath(path), world.realPath(outDir)]);
  return real !== undefined && realOut !== undefined && real === realOut + path.slice(outDir.length);
}
