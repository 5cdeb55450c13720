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
 * the one hashed, and a data file only once its last change is a clock's tick behind the
 * manifest (SETTLED_NS). A missing, damaged or foreign cache only means reading the files.
 */
import type { World } from "../io/world.ts";
import { lastChangeOf, sizeOf } from "../io/file-stamp.ts";
import { isIoError } from "../io/io-error.ts";
import { fileSha256 } from "./hash.ts";
import { MANIFEST_NAME, readManifest } from "./manifest.ts";

export const STAMPS_FILE = ".cache/stamps.json";
/** 3: the data files' stamps are recorded only once settled (SETTLED_NS); an older file's entries may not be. */
const VERSION = 3;
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

/**
 * How far a data file's last change must be behind both the manifest this build wrote and the
 * clock for its stamp to be recorded. A file changed again within one tick of a coarse clock
 * (FAT's two seconds, one on some file systems, a few milliseconds on others) keeps its stamp,
 * so a stamp taken within a tick of the file's last change could stand for bytes written after
 * it: the check of a build with nothing to do would then say the documents are current while
 * the data changed (git's "racily clean" entries). Its last change is the later of its
 * modification and change times (file-stamp.ts); the earlier of the manifest's time and the
 * clock's is taken, as a manifest copied from a machine whose clock was ahead stays dated
 * ahead. Such a file is recorded by a later build and read until then (data files are small).
 * The build's own outputs need no such wait: a build reads every file it replaces or removes
 * whatever its stamp (plan-step.ts). A network file system that caches attributes can show an
 * old stamp after another machine's edit: the stamps hold only for files changed on this
 * machine.
 */
const SETTLED_NS = 2_000_000_000n;

/** Every file the manifest names with its hash, and whether it is an input: the data and templates the build read, each document's and year's outputs. */
async function manifestFiles(world: World, outDir: string): Promise<Map<string, { hash: string; input: boolean }>> {
  const { manifest } = await readManifest(world, outDir);
  const files = new Map<string, { hash: string; input: boolean }>();
  if (!manifest) return files;
  for (const [p, h] of Object.entries(manifest.snapshot?.reads ?? {})) files.set(p, { hash: h, input: true });
  for (const e of [...Object.values(manifest.documents), ...Object.values(manifest.yearOutputs ?? {})]) for (const [p, h] of Object.entries(e.outputs)) files.set(p, { hash: h, input: false });
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
  // A data file is recorded once its last change is a clock's tick behind the manifest this build wrote and the clock (SETTLED_NS).
  const manifestTime = lastChangeOf(await world.fileStamp(`${outDir}/${MANIFEST_NAME}`).catch(() => undefined));
  const clock = BigInt(world.now().getTime()) * 1_000_000n;
  const reference = typeof manifestTime === "bigint" ? (manifestTime < clock ? manifestTime : clock) : undefined;
  const settled = (stamp: string) => {
    const t = lastChangeOf(stamp);
    return t === "content" || (t !== undefined && reference !== undefined && t + SETTLED_NS <= reference);
  };
  for (const [path, { hash, input }] of await manifestFiles(world, outDir)) {
    // Only what the check of a build with nothing to do would read: the project's own files, of a sane size.
    if (path.startsWith("/") || path.split("/").includes("..")) continue;
    const stamp = await world.fileStamp(path).catch(() => undefined);
    if (stamp === undefined || sizeOf(stamp) > MAX_FILE_BYTES) continue;
    if (input && !settled(stamp)) continue;
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
    await world.writeFileAtomic(`${outDir}/${STAMPS_FILE}`, new TextEncoder().encode(JSON.stringify({ v: VERSION, files })), { cache: true });
  } catch (err) {
    // A cache that cannot be written (a full disk) costs the next build its reads, nothing more.
    if (!isIoError(err)) throw err;
  }
}
