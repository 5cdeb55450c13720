import { type BigIntStats, promises as nodeFs } from "node:fs";
import * as nodePath from "node:path";
import { performance } from "node:perf_hooks";
import { acquireLock, type LockOps } from "./lock-file.ts";
import { quickFs, readChunks, readUpToQuick } from "./quick-fs.ts";
import { ReadMemo } from "./read-memo.ts";
import { byName, type DirEntry, type World } from "./world.ts";
import { timesStamp } from "./file-stamp.ts";

function isMissing(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return code === "ENOENT" || code === "ENOTDIR";
}

/**
 * A file's bytes as a Uint8Array of its own (not a Buffer: `slice` copies), without copying them
 * when the Buffer read holds its memory whole, as Node gives a file of 4 KB or more; a smaller
 * one's Buffer is cut from a pool other Buffers share, and is copied. A 200-unit year's one edit
 * reads some 26 MB, whose copy took 60–75 ms.
 */
export function ownBytes(buf: Uint8Array): Uint8Array {
  return buf.byteOffset === 0 && buf.byteLength === buf.buffer.byteLength ? new Uint8Array(buf.buffer, 0, buf.byteLength) : new Uint8Array(buf);
}

let tmpCounter = 0;
/** Names tried for a whole-file write's draft before giving up: each taken one is a file nobody of ours left. */
const DRAFT_NAMES = 16;

/** Whether `path` is `top` or inside it (paths as the system writes them). */
export function isUnder(top: string, path: string): boolean {
  return path === top || path.startsWith(top.endsWith(nodePath.sep) ? top : top + nodePath.sep);
}

async function isLink(fs: Fs, path: string): Promise<boolean> {
  return (await fs.lstat(path).catch(() => undefined))?.isSymbolicLink() ?? false;
}

/** The permission bits of a regular file that is there, to give to the file that replaces it. */
async function modeOf(fs: Fs, path: string): Promise<number | undefined> {
  const st = await fs.lstat(path).catch(() => undefined);
  return st?.isFile() ? st.mode & 0o7777 : undefined;
}

/** Writes a file whole and flushes it to the disk before anyone renames it into place (a cache file is not flushed: World.writeFileAtomic). */
async function writeWhole(fs: Fs, path: string, bytes: Uint8Array, flag: "w" | "wx", mode: number | undefined, flush = true): Promise<void> {
  const fh = await fs.open(path, flag);
  try {
    await fh.writeFile(bytes);
    if (mode !== undefined) await fh.chmod(mode);
    if (flush) await fh.sync();
  } finally {
    await fh.close();
  }
}

/**
 * Writes `bytes` whole to a new draft beside `target` and gives its name. The draft is made new
 * ("wx"): a file or link already under its name (planted to lead out of the project) is neither
 * followed nor removed; another name is taken. A draft that failed part-way is removed.
 */
async function writeDraft(fs: Fs, target: string, bytes: Uint8Array, mode: number | undefined, flush = true): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    const tmp = `${target}.tmp-${process.pid}-${++tmpCounter}`;
    try {
      await writeWhole(fs, tmp, bytes, "wx", mode, flush);
      return tmp;
    } catch (err) {
      const taken = (err as NodeJS.ErrnoException).code === "EEXIST";
      if (taken && attempt < DRAFT_NAMES) continue;
      if (!taken) await fs.rm(tmp, { force: true });
      throw err;
    }
  }
}

/**
 * The file system this world uses: node:fs/promises, or (a test seam) a
 * stand-in that fails or stops at any call, part-way through a write, as a
 * kill would.
 */
export type Fs = typeof nodeFs;

/** The lock's file operations on the real file system: the exclusive create is a hard link of a complete file. */
const lockOps = (fs: Fs): LockOps => ({
  pid: process.pid,
  isAlive,
  async createExclusive(path, content) {
    const tmp = `${path}.tmp-${process.pid}-${++tmpCounter}`;
    await fs.writeFile(tmp, content, { flag: "wx" });
    try {
      await fs.link(tmp, path);
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "EEXIST") return false;
      throw err;
    } finally {
      await fs.rm(tmp, { force: true });
    }
  },
  async read(path) {
    try {
      return await fs.readFile(path, "utf8");
    } catch (err) {
      if (isMissing(err)) return undefined;
      throw err;
    }
  },
  async remove(path) {
    await fs.rm(path, { force: true });
  },
});

/**
 * The drafts a lock attempt writes before linking it into place (`<lock>.tmp-<pid>-<n>`),
 * left by a process killed between the two: removed by the next holder when their process is
 * gone (or is this one, which holds the lock now), never while another live process may be
 * about to link its own.
 */
async function removeStaleLockDrafts(fs: Fs, lock: string): Promise<void> {
  const dir = nodePath.dirname(lock);
  const prefix = `${nodePath.basename(lock)}.tmp-`;
  for (const name of await fs.readdir(dir).catch(() => [] as string[])) {
    const m = name.startsWith(prefix) ? /^(\d+)-\d+$/.exec(name.slice(prefix.length)) : null;
    if (m && (Number(m[1]) === process.pid || !isAlive(Number(m[1])))) await fs.rm(nodePath.join(dir, name), { force: true });
  }
}

/** A symbolic link that leads out of the project (ELINKOUT) or nowhere (ELINKBROKEN). */
function linkError(code: "ELINKOUT" | "ELINKBROKEN" | "ELINKWRITE", path: string, target: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${path} → ${target}`), { code, path, target });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** A POSIX path from the parts of a relative one ("." for none). */
const posix = (rel: string) => (rel === "" ? "." : rel.split(nodePath.sep).join("/"));

/**
 * Where a path really leads, as the project names it: the project-relative
 * POSIX path ("out/2020", "." for the root itself) when it lands inside the
 * project's root (the root's own links resolved), however it was written:
 * relative, absolute, with "..", or through a link to the project folder;
 * undefined when it lands outside. The part of the path after the point
 * where it enters the project is kept as written, so that the project's
 * link rules still see every link in it.
 */
export async function projectRelative(root: string, path: string, seams: { fs?: Fs; realRoot?: () => Promise<string> } = {}): Promise<string | undefined> {
  const fs = seams.fs ?? quickFs;
  const top = nodePath.resolve(root);
  const target = nodePath.resolve(top, path);
  if (isUnder(top, target)) return posix(nodePath.relative(top, target));
  const inside = await (seams.realRoot ? seams.realRoot() : fs.realpath(top)).catch(() => top);
  // The first folder on the way that really lands inside the project decides; past it, the path is the project's.
  // Each folder's real path is its parent's and its name unless it is a link (one lstat, not a realpath of the whole way).
  const parts = target.split(nodePath.sep).filter(Boolean);
  let cur = nodePath.parse(target).root;
  let real = await fs.realpath(cur).catch(() => cur);
  for (let i = 0; i < parts.length; i++) {
    cur = nodePath.join(cur, parts[i]!);
    const st = await fs.lstat(cur).catch(() => undefined);
    if (st === undefined) return undefined; // nothing there: it cannot lead into the project
    if (st.isSymbolicLink()) {
      const linked = await fs.realpath(cur).catch(() => undefined);
      if (linked === undefined) return undefined;
      real = linked;
    } else real = nodePath.join(real, parts[i]!);
    if (isUnder(inside, real)) return posix(nodePath.relative(inside, nodePath.join(real, ...parts.slice(i + 1))));
  }
  return undefined;
}

/**
 * A folder whose paths are held to the link rules: the project itself, or a
 * folder outside it that the user named for output or data (`--out
 * /elsewhere`). Links inside it may not lead out of it, and nothing is
 * written or removed through a link inside it.
 */
interface Zone {
  /** The folder, resolved by name only (its own links not followed: naming it is the user's choice). */
  top: string;
  /** How paths inside it are named in errors: relative to the project, or under the folder as the user named it. */
  name(rel: string): string;
  /** Its real path (links resolved); undefined while it does not exist. */
  real(): Promise<string | undefined>;
}

/** A path placed: the zone that holds it and its path inside (POSIX, "." for the zone itself); no zone when taken as given. */
interface Place {
  target: string;
  zone?: Zone;
  rel: string;
}

/**
 * The real world, rooted at a project folder. A path that lands inside the
 * project, however it is written (relative, absolute, with "..", through a
 * link to the project), never leads out of it: a symbolic link on the way
 * whose target lies outside the project, or that points nowhere, is an error
 * naming the path (LinkError), for reading and writing alike. The same holds
 * inside each of `folders` (the output and data folders as the user named
 * them) that lies outside the project. Other absolute paths (system fonts, a
 * returned form in the user's downloads) are taken as given.
 */
export function nodeWorld(root: string, seams: { fs?: Fs; folders?: readonly string[]; keepReads?: boolean } = {}): World {
  const fs = seams.fs ?? quickFs;
  /** A world kept across runs (--watch) gives back the files it read that did not change since (read-memo.ts). */
  const memo = seams.keepReads ? new ReadMemo() : undefined;
  const locks = lockOps(fs);
  const top = nodePath.resolve(root);
  let realRoot: Promise<string> | undefined;
  const projectReal = () => (realRoot ??= fs.realpath(top).catch(() => top));
  const project: Zone = { top, name: (rel) => rel, real: projectReal };
  const realOf = async (dir: string) => fs.realpath(dir).catch(() => undefined);
  /** The folders named outside the project, each a zone of its own (those inside the project are the project's). */
  let outsideZones: Promise<Zone[]> | undefined;
  const zones = () =>
    (outsideZones ??= (async () => {
      const out: Zone[] = [];
      for (const folder of seams.folders ?? []) {
        if ((await projectRelative(root, folder, { fs, realRoot: projectReal })) !== undefined) continue;
        const dir = nodePath.resolve(top, folder);
        out.push({ top: dir, name: (rel) => (rel === "." ? folder : `${folder.replace(/\/+$/, "")}/${rel}`), real: () => realOf(dir) });
      }
      return out;
    })());
  /** Which rules a path falls under: where it really leads, not how it was written. */
  const place = async (path: string): Promise<Place> => {
    const rel = await projectRelative(root, path, { fs, realRoot: projectReal });
    if (rel !== undefined) return { target: nodePath.join(top, rel), zone: project, rel };
    const target = nodePath.resolve(top, path);
    for (const zone of await zones()) if (isUnder(zone.top, target)) return { target, zone, rel: posix(nodePath.relative(zone.top, target)) };
    return { target, rel: path };
  };
  /** The absolute path of an existing (or missing) file, checked to stay inside its zone. */
  const reach = async (path: string): Promise<string> => (await reachStat(path)).target;
  /** The same, with the file's stat when the check took it (a file that is no link: its lstat is its stat). */
  const reachStat = async (path: string): Promise<{ target: string; st?: BigIntStats }> => {
    const p = await place(path);
    return { target: p.target, st: p.zone ? await stayIn(p.zone, p.rel) : undefined };
  };
  /**
   * The real paths of folders whose files were read, kept while no folder changes: a file
   * in one that is no link is that folder's real path and its name, known from one lstat
   * instead of a realpath of every part of its path (a province's nothing-to-do build asks
   * some two thousand). Forgotten when the world takes the lock (what was read before it is
   * read again under it: another process may have made a folder a link meanwhile), writes a
   * file whole in place (the journal, a cache), moves or removes a folder, and at forget()
   * (--watch, between runs). A staged file written, moved into place or removed changes no
   * folder's real path and keeps them: a build's commit writes hundreds.
   */
  const realDirs = new Map<string, string>();
  const changed = () => realDirs.clear();
  const realOfTarget = async (zone: Zone, target: string): Promise<{ real: string; st?: BigIntStats }> => {
    const dir = nodePath.dirname(target);
    let known = realDirs.get(dir);
    if (known === undefined) {
      known = await fs.realpath(dir);
      // Only a folder inside its zone is kept: one that leads out is looked at again each time (it may be mended).
      const inside = await zone.real();
      if (inside !== undefined && isUnder(inside, known)) {
        if (realDirs.size >= 4096) realDirs.clear();
        realDirs.set(dir, known);
      }
    }
    const st = await fs.lstat(target, { bigint: true });
    if (st.isSymbolicLink()) return { real: await fs.realpath(target) };
    return { real: nodePath.join(known, nodePath.basename(target)), st };
  };
  /** Checks that a path stays inside its zone; gives the file's stat when it is there and no link. */
  const stayIn = async (zone: Zone, rel: string): Promise<BigIntStats | undefined> => {
    const target = nodePath.join(zone.top, rel);
    let real: string;
    let st: BigIntStats | undefined;
    try {
      ({ real, st } = await realOfTarget(zone, target));
    } catch (err) {
      if (!isMissing(err)) throw err;
      // Missing: a dangling link says so; otherwise the nearest folder that exists must be inside.
      if (await isLink(fs, target)) throw linkError("ELINKBROKEN", zone.name(rel), await fs.readlink(target).catch(() => "?"));
      const parent = nodePath.posix.dirname(rel);
      if (parent !== rel && parent !== ".") await stayIn(zone, parent);
      return;
    }
    const inside = await zone.real();
    if (inside === undefined || !isUnder(inside, real)) throw linkError("ELINKOUT", zone.name(rel), real);
    return st;
  };
  /** Makes the folder and those above it that are missing; whether it made any. */
  const mkdirs = async (dir: string): Promise<boolean> => {
    if ((await fs.stat(dir).catch(() => undefined))?.isDirectory()) return false;
    await fs.mkdir(dir, { recursive: true });
    return true;
  };
  /**
   * Writing and removing never go through a link, even one that stays inside
   * the project (out/2019 → ../templates would make the build's own file
   * names land in templates/): every part of the path that exists must be a
   * real folder or file. Every part is looked at for each write (nothing is
   * kept between two: another process may make a folder a link between them).
   *
   * Gives the path's absolute target. A path of a zone with no link below the zone's top
   * leads where its parts say, inside the zone: it needs no other check (reach). A folder
   * made afterwards is looked at again (folderFor).
   */
  const noLinks = async (path: string): Promise<string> => {
    const p = await place(path);
    // A path written under a zone that its placing took elsewhere went through a link on its way
    // (an output folder outside the project whose 2024/ leads back into templates/): its parts
    // as written are looked at too.
    const written = nodePath.resolve(top, path);
    if (written !== p.target) {
      const zone = [project, ...(await zones())].find((z) => isUnder(z.top, written));
      const rel = zone && posix(nodePath.relative(zone.top, written));
      if (zone && rel) await partsNoLinks(zone, rel);
    }
    if (p.zone && p.rel !== ".") await partsNoLinks(p.zone, p.rel);
    return p.target;
  };
  /** Each part of `rel` below the zone's top that exists is no link (the parts after a missing one do not exist). */
  const partsNoLinks = async (zone: Zone, rel: string): Promise<void> => {
    let cur = zone.top;
    const parts = rel.split("/");
    for (let i = 0; i < parts.length; i++) {
      cur = nodePath.join(cur, parts[i]!);
      const st = await fs.lstat(cur).catch(() => undefined);
      if (!st) return;
      if (st.isSymbolicLink()) throw linkError("ELINKWRITE", zone.name(parts.slice(0, i + 1).join("/")), await fs.readlink(cur).catch(() => "?"));
    }
  };
  /** The folder of a path to write, made when missing; the folders made are checked as the rest were (noLinks). */
  const folderFor = async (path: string, target: string): Promise<void> => {
    if (await mkdirs(nodePath.dirname(target))) await noLinks(nodePath.dirname(path));
  };
  return {
    async readFile(path, limit) {
      try {
        const statAt = Date.now();
        const reached = await reachStat(path);
        const target = reached.target;
        // A FIFO or a device would block or never end: only regular files are read.
        const st = reached.st ?? (await fs.stat(target, { bigint: true }));
        if (!st.isFile() && !st.isDirectory()) throw Object.assign(new Error(`ENOTREG: ${path}`), { code: "ENOTREG", path });
        const kept = memo?.get(target, st, limit === undefined ? undefined : limit + 1);
        if (kept) return kept;
        let bytes: Uint8Array;
        if (limit !== undefined && st.isFile()) bytes = fs === quickFs ? await readUpToQuick(target, limit + 1) : await readUpTo(fs, target, limit + 1);
        else bytes = ownBytes(await fs.readFile(target));
        memo?.put(target, st, statAt, bytes);
        return bytes;
      } catch (err) {
        if (isMissing(err)) return undefined;
        throw err;
      }
    },
    async fileStamp(path) {
      try {
        const reached = await reachStat(path);
        const st = reached.st ?? (await fs.stat(reached.target, { bigint: true }));
        return st.isFile() ? timesStamp(st) : undefined;
      } catch (err) {
        if (isMissing(err)) return undefined;
        throw err;
      }
    },
    async fileSize(path) {
      try {
        const reached = await reachStat(path);
        const st = reached.st ?? (await fs.stat(reached.target, { bigint: true }));
        if (!st.isFile() && !st.isDirectory()) throw Object.assign(new Error(`ENOTREG: ${path}`), { code: "ENOTREG", path });
        return st.isFile() ? Number(st.size) : undefined;
      } catch (err) {
        if (isMissing(err)) return undefined;
        throw err;
      }
    },
    async listDir(path) {
      try {
        const dir = await reach(path);
        const entries = await fs.readdir(dir, { withFileTypes: true });
        const out: DirEntry[] = [];
        for (const e of entries) {
          if (e.isDirectory()) out.push({ name: e.name, kind: "dir" });
          else if (e.isFile() || e.isFIFO() || e.isSocket() || e.isBlockDevice() || e.isCharacterDevice()) out.push({ name: e.name, kind: "file" }); // read as a file, so its error names it
          else if (e.isSymbolicLink()) {
            // Listed as what it leads to; one that leads outside or nowhere is listed as a file,
            // so that reading it names the link instead of skipping it.
            const st = await fs.stat(nodePath.join(dir, e.name)).catch(() => undefined);
            out.push({ name: e.name, kind: st?.isDirectory() ? "dir" : "file" });
          }
        }
        return out.sort(byName);
      } catch (err) {
        if (isMissing(err)) return undefined;
        throw err;
      }
    },
    async writeFileAtomic(path, bytes, opts) {
      changed();
      const target = await noLinks(path);
      memo?.forget(target);
      await folderFor(path, target);
      const tmp = await writeDraft(fs, target, bytes, await modeOf(fs, target), !opts?.cache);
      try {
        await fs.rename(tmp, target);
      } catch (err) {
        await fs.rm(tmp, { force: true });
        throw err;
      }
    },
    async writeNew(path, bytes) {
      const target = await noLinks(path);
      memo?.forget(target);
      await folderFor(path, target);
      await writeWhole(fs, target, bytes, "wx", undefined);
    },
    async renameFile(from, to) {
      const src = await noLinks(from);
      const dst = await noLinks(to);
      memo?.forget(src);
      memo?.forget(dst);
      const mode = await modeOf(fs, dst);
      if (mode !== undefined) await fs.chmod(src, mode);
      await fs.rename(src, dst);
    },
    async removeFile(path) {
      const target = await noLinks(path);
      memo?.forget(target);
      await fs.rm(target, { force: true });
    },
    async renameDir(from, to) {
      changed();
      const src = await noLinks(from);
      const dst = await noLinks(to);
      memo?.forgetUnder(src);
      // rename(2) replaces an empty folder silently: refuse anything already there.
      if (await fs.lstat(dst).catch(() => undefined)) throw Object.assign(new Error(`EEXIST: ${to}`), { code: "EEXIST", path: to });
      await fs.rename(src, dst);
    },
    async removeDir(path) {
      changed();
      const target = await noLinks(path);
      memo?.forgetUnder(target);
      await fs.rm(target, { recursive: true, force: true });
    },
    async realPath(path) {
      try {
        return await fs.realpath(nodePath.resolve(top, path)); // the system's realpath: symlinks resolved
      } catch (err) {
        if (isMissing(err)) return undefined;
        throw err;
      }
    },
    async lock(path, label) {
      changed();
      const target = await noLinks(path);
      await folderFor(path, target);
      const release = await acquireLock(locks, target, label);
      if (release) await removeStaleLockDrafts(fs, target);
      return release;
    },
    forget: changed,
    now: () => new Date(),
    monotonicMs: () => performance.now(),
    env: (name) => process.env[name],
  };
}

/** At most `max` bytes of a file, read from one open descriptor (what it holds now, not what a stat said before). */
async function readUpTo(fs: typeof nodeFs, path: string, max: number): Promise<Uint8Array> {
  const h = await fs.open(path, "r");
  try {
    return await readChunks((await h.stat()).size, max, async (buf) => (await h.read(buf, 0, buf.length, null)).bytesRead);
  } finally {
    await h.close();
  }
}
