import type { Diagnostics } from "../diagnostics/diagnostic.ts";
import { provinceKey } from "./up-to-date.ts";
import { isIoError } from "../io/io-error.ts";
import type { World } from "../io/world.ts";
import type { OutputFile } from "../render/render-all.ts";
import { FAILED, guard } from "./guard.ts";
import { fileSha256, sha256 } from "./hash.ts";
import { FOREIGN, manifestBytes, UNRECORDED, type Manifest, type ManifestEntry } from "./manifest.ts";
import { FONT_CACHE, MADE_CACHE, PARTS_CACHE, type BuildOptions } from "./options.ts";
import type { OutPlan } from "./plan-step.ts";
import type { Prepared } from "./prepare-step.ts";
import type { Staging } from "./transaction.ts";

export const TMP_LEFTOVER = /\.tmp-\d+-\d+$/;

/**
 * Stage 6: the rendered files, the removals and the manifest, staged in the project
 * transaction, which commits them all or none. A file with the same bytes as on disk is
 * left alone. Returns the manifest's path (not one of the documents' files).
 */
export async function stageBuild(world: World, prepared: Prepared, plan: OutPlan, files: readonly OutputFile[], opts: BuildOptions, diags: Diagnostics, staging: Staging): Promise<{ manifestPath: string } | undefined> {
  const { previous, plans, onDisk, manifestPath } = plan;
  // A partial build carries the other documents over with the identity they were made with.
  const carried = Object.fromEntries(
    Object.entries(prepared.filtered ? (previous?.documents ?? {}) : {}).map(([k, e]) => [k, { ...e, tool: e.tool ?? previous!.tool, fonts: e.fonts ?? previous!.fonts, shell: e.shell ?? previous!.shell }]),
  );
  const manifest: Manifest = { version: 1, ...prepared.identity, documents: carried };
  // The year outputs: each made now, or as it was (current, or left as it was with a warning); a partial
  // build carries the other years' over.
  const yearOutputs: Record<string, ManifestEntry> = prepared.filtered ? { ...(previous?.yearOutputs ?? {}) } : {};
  // What this full build saw, for the next build to tell at once that nothing changed (a partial build
  // cannot vouch for the documents it left out).
  const sends = prepared.docs.filter((d) => d.issue.send).length;
  if (!prepared.filtered)
    manifest.snapshot = {
      dataDir: opts.dataDir,
      reads: Object.fromEntries(prepared.reads),
      listings: Object.fromEntries(prepared.listings),
      fontSource: opts.fontSource ?? "auto",
      warnings: prepared.checked.diagnostics.filter((d) => d.severity === "warning"),
      ...(sends ? { sends } : {}),
      ...(opts.province ? { province: provinceKey(opts.province)! } : {}),
    };
  const hashes = new Map(files.map((f) => [f.path, fileSha256(f.bytes)]));
  for (const p of plans) {
    const old = previous?.documents[p.key];
    // A file kept as the user edited it keeps the hash the build last wrote there: the next build sees it edited again.
    // (UNRECORDED when the record was lost, FOREIGN when it had no copy there: the next build keeps it as well.)
    const outputs = p.reasons.length ? Object.fromEntries(p.outputs.map((o) => [o, plan.kept.has(o) ? (old?.outputs[o] ?? (plan.unrecorded ? UNRECORDED : FOREIGN)) : hashes.get(o)!])) : (old?.outputs ?? {});
    const entry: ManifestEntry = { key: p.key, content: p.content, inputs: p.inputs, outputs, ...prepared.identity };
    manifest.documents[p.key] = entry;
  }
  for (const y of plan.years) {
    const old = previous?.yearOutputs?.[y.key];
    if (y.reasons.length && y.inputs) yearOutputs[y.key] = { key: y.key, content: y.content, inputs: y.inputs, outputs: { [y.path]: hashes.get(y.path)! }, tool: prepared.identity.tool };
    else if (old) yearOutputs[y.key] = old;
    // Left as it is while the record was lost (kept, or held back), or kept with no copy of the build's recorded there:
    // recorded as not the build's own.
    else if ((plan.unrecorded || plan.kept.has(y.path)) && onDisk.get(y.path) !== undefined)
      yearOutputs[y.key] = { key: y.key, content: y.content, inputs: {}, outputs: { [y.path]: plan.unrecorded ? UNRECORDED : FOREIGN }, tool: prepared.identity.tool };
  }
  if (Object.keys(yearOutputs).length) manifest.yearOutputs = yearOutputs;
  for (const f of files) {
    // Same bytes as on disk: leave the file (and its timestamp) alone.
    if (onDisk.get(f.path) !== hashes.get(f.path)) staging.write(f.path, f.bytes);
  }
  for (const path of plan.vanished) staging.remove(path);
  const bytes = manifestBytes(manifest);
  const prevBytes = await guard(diags, manifestPath, "read", () => world.readFile(manifestPath));
  if (prevBytes === FAILED) return undefined;
  if (!prevBytes || sha256(prevBytes) !== sha256(bytes)) staging.write(manifestPath, bytes);
  // Left-overs of a run killed before the journal existed are tidied with the rest.
  for (const path of await leftovers(world, opts.outDir, [...new Set(plans.map((p) => String(p.composed.year)))]).catch((err: unknown) => {
    if (!isIoError(err)) throw err;
    return [];
  }))
    staging.remove(path);
  return { manifestPath };
}

/** Temporary files of an interrupted earlier run. */
/** The folders where a run cut short may have left a draft: out/, each year's folder, and the caches (out/.cache and its folders). */
async function leftovers(world: World, outDir: string, years: string[]): Promise<string[]> {
  const found: string[] = [];
  const caches = [FONT_CACHE, PARTS_CACHE, MADE_CACHE].map((c) => `${outDir}/${c}`);
  for (const dir of [outDir, ...years.map((y) => `${outDir}/${y}`), `${outDir}/.cache`, ...caches]) {
    for (const e of (await world.listDir(dir)) ?? []) if (e.kind === "file" && TMP_LEFTOVER.test(e.name)) found.push(`${dir}/${e.name}`);
  }
  return found;
}
