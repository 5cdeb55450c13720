import { contentStamp } from "./file-stamp.ts";
import { posix } from "node:path";
import { byName, type DirEntry, type World } from "./world.ts";

const isAbsolute = (p: string) => p.startsWith("/") || /^[A-Za-z]:[\\/]/.test(p);

/** An in-memory world for tests: files keyed by POSIX path. */
export interface MemoryWorld extends World {
  files: Map<string, Uint8Array>;
}

export function memoryWorld(
  initial: Record<string, string | Uint8Array> = {},
  opts: {
    env?: Record<string, string>;
    now?: Date;
    /** Absolute paths (fonts outside the project) read from here instead of the map. */
    outside?: (path: string) => Promise<Uint8Array | undefined>;
  } = {},
): MemoryWorld {
  const files = new Map<string, Uint8Array>();
  const enc = new TextEncoder();
  for (const [k, v] of Object.entries(initial)) files.set(k, typeof v === "string" ? enc.encode(v) : v);
  let clock = 0;
  return {
    files,
    async readFile(path, limit) {
      const bytes = opts.outside && isAbsolute(path) ? await opts.outside(path) : files.get(path);
      return bytes && limit !== undefined && bytes.byteLength > limit + 1 ? bytes.subarray(0, limit + 1) : bytes;
    },
    // A memory world has no times: a file's stamp is its bytes' hash, so equal stamps are equal bytes, and
    // the same files give the same stamps in every world (a test compares a world's caches with another's).
    async fileStamp(path) {
      const bytes = isAbsolute(path) ? undefined : files.get(path);
      return bytes ? contentStamp(bytes) : undefined;
    },
    async fileSize(path) {
      if (opts.outside && isAbsolute(path)) return (await opts.outside(path))?.byteLength;
      return files.get(path)?.byteLength;
    },
    async listDir(path) {
      const prefix = path === "" || path === "." ? "" : path.replace(/\/$/, "") + "/";
      const seen = new Map<string, DirEntry>();
      for (const key of files.keys()) {
        if (!key.startsWith(prefix)) continue;
        const rest = key.slice(prefix.length);
        const slash = rest.indexOf("/");
        const name = slash < 0 ? rest : rest.slice(0, slash);
        if (!seen.has(name)) seen.set(name, { name, kind: slash < 0 ? "file" : "dir" });
      }
      if (seen.size === 0) return undefined;
      return [...seen.values()].sort(byName);
    },
    async writeFileAtomic(path, bytes) {
      files.set(path, bytes);
    },
    async writeNew(path, bytes) {
      if (files.has(path)) throw Object.assign(new Error(`EEXIST: ${path}`), { code: "EEXIST", path });
      files.set(path, bytes);
    },
    async renameFile(from, to) {
      const bytes = files.get(from);
      if (!bytes) throw Object.assign(new Error(`ENOENT: ${from}`), { code: "ENOENT", path: from });
      files.set(to, bytes);
      files.delete(from);
    },
    async removeFile(path) {
      files.delete(path);
    },
    async renameDir(from, to) {
      const src = from.replace(/\/$/, "") + "/";
      const dst = to.replace(/\/$/, "") + "/";
      if (files.has(to) || [...files.keys()].some((k) => k.startsWith(dst))) throw Object.assign(new Error(`EEXIST: ${to}`), { code: "EEXIST", path: to });
      for (const k of [...files.keys()].filter((k) => k.startsWith(src))) {
        files.set(dst + k.slice(src.length), files.get(k)!);
        files.delete(k);
      }
    },
    async removeDir(path) {
      const prefix = path.replace(/\/$/, "") + "/";
      for (const k of [...files.keys()]) if (k.startsWith(prefix)) files.delete(k);
    },
    async realPath(path) {
      // No symlinks here: the normalised path, when a file or a folder (a prefix of a file) has it.
      const p = posix.normalize(path).replace(/(.)\/$/, "$1");
      if (opts.outside && isAbsolute(p)) return (await opts.outside(p)) ? p : undefined;
      if (p === "." || files.has(p) || [...files.keys()].some((k) => k.startsWith(p + "/"))) return p;
      return undefined;
    },
    async lock(path) {
      if (files.has(path)) return undefined;
      files.set(path, new TextEncoder().encode("memory"));
      return async () => {
        files.delete(path);
      };
    },
    now: () => opts.now ?? new Date(Date.UTC(2020, 0, 1)),
    monotonicMs: () => (clock += 1),
    env: (name) => opts.env?.[name],
  };
}
