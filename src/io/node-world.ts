import { promises as fs } from "node:fs";
import * as nodePath from "node:path";
import { performance } from "node:perf_hooks";
import { byName, type DirEntry, type World } from "./world.ts";

function isMissing(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return code === "ENOENT" || code === "ENOTDIR";
}

let tmpCounter = 0;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The real world, rooted at a project folder. */
export function nodeWorld(root: string): World {
  const abs = (p: string) => nodePath.resolve(root, p);
  return {
    async readFile(path) {
      try {
        return new Uint8Array(await fs.readFile(abs(path)));
      } catch (err) {
        if (isMissing(err)) return undefined;
        throw err;
      }
    },
    async fileSize(path) {
      try {
        const st = await fs.stat(abs(path));
        return st.isFile() ? st.size : undefined;
      } catch (err) {
        if (isMissing(err)) return undefined;
        throw err;
      }
    },
    async listDir(path) {
      try {
        const entries = await fs.readdir(abs(path), { withFileTypes: true });
        const out: DirEntry[] = [];
        for (const e of entries) {
          if (e.isDirectory()) out.push({ name: e.name, kind: "dir" });
          else if (e.isFile()) out.push({ name: e.name, kind: "file" });
        }
        return out.sort(byName);
      } catch (err) {
        if (isMissing(err)) return undefined;
        throw err;
      }
    },
    async writeFileAtomic(path, bytes) {
      const target = abs(path);
      await fs.mkdir(nodePath.dirname(target), { recursive: true });
      const tmp = `${target}.tmp-${process.pid}-${++tmpCounter}`;
      try {
        const fh = await fs.open(tmp, "w");
        try {
          await fh.writeFile(bytes);
          await fh.sync();
        } finally {
          await fh.close();
        }
        await fs.rename(tmp, target);
      } catch (err) {
        await fs.rm(tmp, { force: true });
        throw err;
      }
    },
    async removeFile(path) {
      await fs.rm(abs(path), { force: true });
    },
    async realPath(path) {
      try {
        return await fs.realpath(abs(path)); // the system's realpath: symlinks resolved
      } catch (err) {
        if (isMissing(err)) return undefined;
        throw err;
      }
    },
    async lock(path) {
      const target = abs(path);
      await fs.mkdir(nodePath.dirname(target), { recursive: true });
      for (let attempt = 0; attempt < 2; attempt++) {
        try {
          const fh = await fs.open(target, "wx");
          await fh.writeFile(String(process.pid));
          await fh.close();
          return async () => {
            await fs.rm(target, { force: true });
          };
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
          const holder = Number((await fs.readFile(target, "utf8").catch(() => "")).trim());
          if (holder && holder !== process.pid && isAlive(holder)) return undefined;
          await fs.rm(target, { force: true }); // left by a process that is gone
        }
      }
      return undefined;
    },
    now: () => new Date(),
    monotonicMs: () => performance.now(),
    env: (name) => process.env[name],
  };
}
