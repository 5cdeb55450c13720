import { Diagnostics } from "../diagnostics/diagnostic.ts";
import type { World } from "../io/world.ts";
import { SourceCache } from "../load/source-cache.ts";
import { keepPendingCaches } from "./pending-cache.ts";
import { prunePdfParts } from "./parts-cache.ts";
import { stageBuild, TMP_LEFTOVER } from "./commit-step.ts";
import { keepEdited, yearsWithKept } from "./edited-outputs.ts";
import { DATA_CACHE, type BuildOptions, type BuildResult } from "./options.ts";
import { planOutputs } from "./plan-step.ts";
import { prepareBuild } from "./prepare-step.ts";
import { renderPlanned } from "./render-step.ts";
import { stillAsRead } from "./still-as-read.ts";
import { inTransaction, pendingChange, type TxOutcome } from "./transaction.ts";
import { renderYearOutputs } from "./year-step.ts";
import { saveStamps } from "./stamps.ts";

export { FONT_CACHE, type BuildOptions, type BuildResult } from "./options.ts";

/** What the build's work gives its transaction: the manifest it staged, if it staged one. */
type Staged = { manifestPath: string } | undefined;
/** What a committed build's transaction says: that, and the files it wrote and removed. */
type Committed = Pick<TxOutcome<Staged>, "value" | "written" | "removed">;

/**
 * Stages 5–6 on top of checkProject, in steps with plain data between them:
 * prepare (check the data, read shell and fonts, select) → plan (read out/, decide,
 * refuse signed files) → render (bytes in memory; keep files edited by hand) → commit (staged files, manifest last,
 * all or nothing). From the plan on it runs in the project transaction (lock, then commit);
 * the data checked before the lock is checked again under it when another command changed
 * it meanwhile, so the documents are made from the data as it is. Any error stops before
 * commit, so a failed build never replaces a good file. --check writes nothing and takes no lock.
 */
export async function buildProject(world: World, opts: BuildOptions): Promise<BuildResult> {
  const result: BuildResult = { diagnostics: [], written: [], removed: [], rebuilt: [], skipped: [] };
  const diags = new Diagnostics();
  const done = () => ({ ...result, diagnostics: diags.sorted() });
  // The data is read and checked before the lock (bad data never touches out/), and read again
  // under the lock only when another command changed it meanwhile.
  // The data files parsed by an earlier build and unchanged since are read from the cache (source-cache.ts).
  const cache = await SourceCache.open(world, `${opts.outDir}/${DATA_CACHE}`, opts.toolVersion ?? "dev", { keep: opts.keepForNextBuild === true });
  let checking = new Diagnostics();
  let prepared = await prepareBuild(world, opts, checking, cache);
  const adopt = () => {
    for (const d of checking.items) diags.add(d);
  };
  if (!prepared) return adopt(), done();
  if (opts.check) {
    adopt();
    await pendingChange(world, diags);
    const plan = await planOutputs(world, prepared, opts, diags, result);
    if (plan && !diags.hasErrors) result.removed.push(...plan.vanished);
    return done();
  }
  // The data cache is written under the lock once the build is committed, as a failed build changes nothing in out/;
  // --check and validate only read it (they take no lock).
  // The build's result once the change is on disk: told to the caller (who reports it) before the caches are written.
  const completed = (tx: Committed): BuildResult => {
    // What is reported as written is what is on disk: the documents' files, without the manifest.
    const manifest = tx.value?.manifestPath;
    const written = [...result.written, ...tx.written.filter((p) => p !== manifest)];
    const removed = [...result.removed, ...tx.removed.filter((p) => !TMP_LEFTOVER.test(p))];
    // A document is built when one of its files was written: not one made again to the same bytes, nor one kept as edited.
    const made = new Set(written);
    const built = result.rebuilt.filter((p) => p.outputs.some((o) => made.has(o))).map((p) => p.key);
    return { ...result, written, removed, built, diagnostics: diags.sorted() };
  };
  const whenCommitted = async (tx: Committed) => {
    opts.onCommitted?.(completed(tx));
    await cache.save(world);
    await keepPendingCaches(world, true);
    await prunePdfParts(world, opts.outDir);
    await saveStamps(world, opts.outDir);
  };
  // A build that was not committed, or that threw (--watch goes on in the same process), keeps no cache entry it
  // made: they were kept above when it was committed.
  let tx: TxOutcome<Staged>;
  try {
    tx = await inTransaction<Staged>(world, { command: "build", whenCommitted, ...(opts.lockWaitMs !== undefined ? { waitMs: opts.lockWaitMs } : {}) }, diags, async (staging) => {
      if (!(await stillAsRead(world, prepared!))) {
        checking = new Diagnostics();
        prepared = await prepareBuild(world, opts, checking, cache);
      }
      adopt();
      if (!prepared) return;
      const plan = await planOutputs(world, prepared, opts, diags, result);
      if (!plan || diags.hasErrors) return;
      // A file edited by hand since the last build is kept (edited-outputs.ts), and the year outputs know it.
      const files = keepEdited(plan, await renderPlanned(world, prepared, plan, opts, diags), opts, diags);
      if (diags.hasErrors) return;
      yearsWithKept(plan.years, plan.kept, diags);
      files.push(...keepEdited(plan, await renderYearOutputs(world, prepared, plan.years, plan.previous?.yearOutputs ?? {}, plan.onDisk, files, diags), opts, diags));
      result.kept = [...plan.kept];
      result.yearOutputs = plan.years.filter((y) => y.reasons.length > 0).map((y) => ({ key: y.key, path: y.path, reasons: y.reasons }));
      if (diags.hasErrors) return;
      const staged = await stageBuild(world, prepared, plan, files, opts, diags, staging);
      // The documents whose data asks for their edXML package (gui_edxml): packed from the PDFs as committed with them.
      if (staged && prepared.docs.some((d) => d.issue.send)) {
        const { stagePackages } = await import("../edxml/build-packages.ts");
        const made = new Map(files.map((f) => [f.path, f.bytes]));
        await stagePackages(world, { docs: prepared.docs, models: prepared.checked.models, dataDir: opts.dataDir, outDir: opts.outDir, made }, diags, staging);
      }
      return staged;
    });
  } finally {
    await keepPendingCaches(world, false);
  }
  return completed(tx);
}
