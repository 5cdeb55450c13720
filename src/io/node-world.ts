import { promises as nodeFs } from "node:fs";
import * as nodePath from "node:path";
import { performance } from "node:perf_hooks";
import { acquireLock, type LockOps } from "./lock-file.ts";
import { byName, type DirEntry, type World } from "./world.ts";

function isMissing(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return code === "ENOENT" || code === "ENOTDIR";
}

let tmpCounter = 0;

function isUnder(top: string, path: string): boolean {
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

/** Writes a file whole and flushes it to the disk before anyone renames it into place. */
async function writeWhole(fs: Fs, path: string, bytes: Uint8Array, flag: "w" | "wx", mode: number | undefined): Promise<void> {
  const fh = await fs.open(path, flag);
  try {
    await fh.writeFile(bytes);
    if (mode !== undefined) await fh.chmod(mode);
    await fh.sync();
  } finally {
    await fh.close();
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

/**
 * The real world, rooted at a project folder. A path relative to the root
 * never leads out of it: a symbolic link on the way whose target lies
 * outside the project, or that points nowhere, is an error naming the path
 * (LinkError), for reading and writing alike. Absolute paths (system fonts,
 * an explicit --out) are taken as given.
 */
export function nodeWorld(root: string, seams: { fs?: Fs } = {}): World {
  const fs = seams.fs ?? nodeFs;
  const locks = lockOps(fs);
  const abs = (p: string) => nodePath.resolve(root, p);
  let realRoot: Promise<string> | undefined;
  const isInside = async (real: string) => isUnder(await (realRoot ??= fs.realpath(root)), real);
  /** The absolute path of an existing (or missing) file, checked to stay inside the project. */
  const reach = async (path: string): Promise<string> => {
    const target = abs(path);
    // Only paths inside the project are held to it; one the user names outside (absolute, or ../) is taken as given.
    if (nodePath.isAbsolute(path) || !isUnder(nodePath.resolve(root), target)) return target;
    let real: string;
    try {
      real = await fs.realpath(target);
    } catch (err) {
      if (!isMissing(err)) throw err;
      // Missing: a dangling link says so; otherwise the nearest folder that exists must be inside.
      if (await isLink(fs, target)) throw linkError("ELINKBROKEN", path, await fs.readlink(target).catch(() => "?"));
      const parent = nodePath.dirname(path);
      if (parent !== path && parent !== ".") await reach(parent);
      return target;
    }
    if (!(await isInside(real))) throw linkError("ELINKOUT", path, real);
    return target;
  };
  const mkdirs = async (dir: string) => {
    if ((await fs.stat(dir).catch(() => undefined))?.isDirectory()) return;
    await fs.mkdir(dir, { recursive: true });
  };
  /**
   * Writing and removing never go through a link, even one that stays inside
   * the project (out/2019 → ../templates would make the build's own file
   * names land in templates/): every part of the path that exists must be a
   * real folder or file.
   */
  const noLinks = async (path: string): Promise<void> => {
    const top = nodePath.resolve(root);
    const target = abs(path);
    if (nodePath.isAbsolute(path) || !isUnder(top, target)) return;
    let cur = top;
    for (const part of nodePath.relative(top, target).split(nodePath.sep)) {
      cur = nodePath.join(cur, part);
      const st = await fs.lstat(cur).catch(() => undefined);
      if (!st) return;
      if (st.isSymbolicLink()) throw linkError("ELINKWRITE", nodePath.relative(top, cur).split(nodePath.sep).join("/"), await fs.readlink(cur).catch(() => "?"));
    }
  };
  return {
    async readFile(path) {
      try {
        const target = await reach(path);
        // A FIFO or a device would block or never end: only regular files are read.
        const st = await fs.stat(target);
        if (!st.isFile() && !st.isDirectory()) throw Object.assign(new Error(`ENOTREG: ${path}`), { code: "ENOTREG", path });
        return new Uint8Array(await fs.readFile(target));
      } catch (err) {
        if (isMissing(err)) return undefined;
        throw err;
      }
    },
    async fileSize(path) {
      try {
        const st = await fs.stat(await reach(path));
        if (!st.isFile() && !st.isDirectory()) throw Object.assign(new Error(`ENOTREG: ${path}`), { code: "ENOTREG", path });
        return st.isFile() ? st.size : undefined;
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
    async writeFileAtomic(path, bytes) {
      await noLinks(path);
      const target = await reach(path);
      await mkdirs(nodePath.dirname(target));
      await reach(nodePath.dirname(path)); // a folder just made may not lead outside either
      const tmp = `${target}.tmp-${process.pid}-${++tmpCounter}`;
      try {
        await writeWhole(fs, tmp, bytes, "w", await modeOf(fs, target));
        await fs.rename(tmp, target);
      } catch (err) {
        await fs.rm(tmp, { force: true });
        throw err;
      }
    },
    async writeNew(path, bytes) {
      await noLinks(path);
      const target = await reach(path);
      await mkdirs(nodePath.dirname(target));
      await reach(nodePath.dirname(path));
      await writeWhole(fs, target, bytes, "wx", undefined);
    },
    async renameFile(from, to) {
      await noLinks(from);
      await noLinks(to);
      const src = await reach(from);
      const dst = await reach(to);
      const mode = await modeOf(fs, dst);
      if (mode !== undefined) await fs.chmod(src, mode);
      await fs.rename(src, dst);
    },
    async removeFile(path) {
      await noLinks(path);
      await reach(nodePath.dirname(path));
      await fs.rm(abs(path), { force: true });
    },
    async renameDir(from, to) {
      await noLinks(from);
      await noLinks(to);
      const src = await reach(from);
      const dst = await reach(to);
      // rename(2) replaces an empty folder silently: refuse anything already there.
      if (await fs.lstat(dst).catch(() => undefined)) throw Object.assign(new Error(`EEXIST: ${to}`), { code: "EEXIST", path: to });
      await fs.rename(src, dst);
    },
    async removeDir(path) {
      await noLinks(path);
      await fs.rm(await reach(path), { recursive: true, force: true });
    },
    async realPath(path) {
      try {
        return await fs.realpath(abs(path)); // the system's realpath: symlinks resolved
      } catch (err) {
        if (isMissing(err)) return undefined;
        throw err;
      }
    },
    async lock(path, label) {
      await noLinks(path);
      const target = await reach(path);
      await mkdirs(nodePath.dirname(target));
      return acquireLock(locks, target, label);
    },
    now: () => new Date(),
    monotonicMs: () => performance.now(),
    env: (name) => process.env[name],
  };
}
