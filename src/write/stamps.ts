/**
 * What the last build saw of each file it read or wrote, by the file's stamp (size, times and
 * inode, World.fileStamp) beside the hash the manifest has for it: a file whose stamp is the
 * one recorded is the file that was hashed, so the check of a build with nothing to do
 * (up-to-date.ts) need not read and hash it again, nor a build's plan an output it leaves as
 * it is (plan-step.ts: at 200 units, 26 MB read and hashed on every edit). This is git's
 * index: an edit changes the modification time (and the change time, which no tool sets
 * back). Kept in out/.cache (never committed), written under the lock once a build is
 * committed; a file is recorded only when its stamp was the same before and after its bytes
 * were read and hashed to the manifest's hash, so a file changed meanwhile is never taken for
 * the one hashed. A missing, damaged or foreign cache only means reading the files.
 */
import type { World } from "../io/world.ts";
import { isIoError } from "../io/io-error.ts";
import { fileSha256 } from "./hash.ts";
import { readManifest } from "./manifest.ts";

export const STAMPS_FILE = ".cache/stamps.json";
const VERSION = 1;
/** Largest file recorded (as up-to-date.ts compares: a document is at most about 60 pages). */
const MAX_FILE_BYTES = 64 * 1024 * 1024;
/** Largest stamps file read (a 200-unit bloc records some thousand files). */
const MAX_BYTES = 8 * 1024 * 1024;

interface Stamped {
  stamp: string;
  hash: string;
}

export async function readStamps(world: World, outDir: string): Promise<Map<string, Stamped>> {
  const out = new Map<string, Stamped>();
  try {
    const bytes = await world.readFile(`${outDir}/${STAMPS_FILE}`, MAX_BYTES);
    if (!bytes || bytes.length > MAX_BYTES) return out;
    const json = JSON.parse(new TextDecoder().decode(bytes)) as { v?: unknown; files?: unknown };
    if (json.v !== VERSION || !json.files || typeof json.files !== "object") return out;
    for (const [path, e] of Object.entries(json.files as Record<string, unknown>))
      if (Array.isArray(e) && e.length === 2 && typeof e[0] === "string" && typeof e[1] === "string") out.set(path, { stamp: e[0], hash: e[1] });
  } catch {
    // Not known: the files are read.
  }
  return out;
}

/** Whether `path` is, by its stamp, the file recorded with this hash. */
export async function sameByStamp(world: World, stamps: ReadonlyMap<string, Stamped>, path: string, hash: string): Promise<boolean> {
  const e = stamps.get(path);
  if (!e || e.hash !== hash || !world.fileStamp) return false;
  return (await world.fileStamp(path)) === e.stamp;
}

/**
 * The hash recorded with `path`, when its stamp now is the one recorded: the file that was hashed
 * then, unread. Undefined when not known (not recorded, changed, or its stamp cannot be taken).
 * A stamp can stay the same through a change of the same size made within one tick of a coarse
 * clock (FAT, some network file systems, git's "racily clean" files): a file a build replaces or
 * removes is read all the same (plan-step.ts).
 */
export async function hashByStamp(world: World, stamps: ReadonlyMap<string, Stamped>, path: string): Promise<string | undefined> {
  const e = stamps.get(path);
  if (!e || !world.fileStamp) return undefined;
  return (await world.fileStamp(path).catch(() => undefined)) === e.stamp ? e.hash : undefined;
}

/** Every file the manifest names with its hash: the data and templates the build read, each document's and year's outputs. */
async function manifestFiles(world: World, outDir: string): Promise<Map<string, string>> {
  const { manifest } = await readManifest(world, outDir);
  const files = new Map<string, string>();
  if (!manifest) return files;
  for (const [p, h] of Object.entries(manifest.snapshot?.reads ?? {})) files.set(p, h);
  for (const e of [...Object.values(manifest.documents), ...Object.values(manifest.yearOutputs ?? {})]) for (const [p, h] of Object.entries(e.outputs)) files.set(p, h);
  return files;
}

/**
 * Records the stamps of the files the manifest names, as they are now: a file whose stamp and
 * hash are recorded already is kept without reading; another is read and hashed between two
 * looks at its stamp, and recorded only when both looks agree and the hash is the manifest's.
 */
export async function saveStamps(world: World, outDir: string): Promise<void> {
  if (!world.fileStamp) return;
  const before = await readStamps(world, outDir);
  const files: Record<string, [string, string]> = {};
  for (const [path, hash] of await manifestFiles(world, outDir)) {
    // Only what the check of a build with nothing to do would read: the project's own files, of a sane size.
    if (path.startsWith("/") || path.split("/").includes("..")) continue;
    const stamp = await world.fileStamp(path).catch(() => undefined);
    if (stamp === undefined || Number(stamp.slice(0, stamp.indexOf(":"))) > MAX_FILE_BYTES) continue;
    const known = before.get(path);
    if (known && known.stamp === stamp && known.hash === hash) {
      files[path] = [stamp, hash];
      continue;
    }
    const bytes = await world.readFile(path, MAX_FILE_BYTES).catch(() => undefined);
    if (bytes && bytes.length <= MAX_FILE_BYTES && fileSha256(bytes) === hash && (await world.fileStamp(path).catch(() => undefined)) === stamp) files[path] = [stamp, hash];
  }
  // Written only when it says something new: a build with nothing to do leaves it as it is.
  if (before.size === Object.keys(files).length && Object.entries(files).every(([p, [stamp, hash]]) => before.get(p)?.stamp === stamp && before.get(p)?.hash === hash)) return;
  try {
    await world.writeFileAtomic(`${outDir}/${STAMPS_FILE}`, new TextEncoder().encode(JSON.stringify({ v: VERSION, files })));
  } catch (err) {
    // A cache that cannot be written (a full disk) costs the next build its reads, nothing more.
    if (!isIoError(err)) throw err;
  }
}
