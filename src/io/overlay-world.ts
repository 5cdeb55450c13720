import { byName, type DirEntry, type World } from "./world.ts";

/**
 * A world that reads some files from memory instead of the disk, and writes
 * nothing: the project as it would be with those files, for validating a
 * change before making it.
 */
export function overlayWorld(base: World, files: ReadonlyMap<string, Uint8Array>): World {
  const readOnly = async () => {
    throw new Error("overlayWorld is read-only");
  };
  return {
    ...base,
    async readFile(path, limit) {
      const f = files.get(path);
      if (!f) return base.readFile(path, limit);
      return limit !== undefined && f.byteLength > limit + 1 ? f.subarray(0, limit + 1) : f;
    },
    async fileStamp(path) {
      return files.has(path) ? undefined : base.fileStamp?.(path);
    },
    async fileSize(path) {
      const f = files.get(path);
      return f ? f.byteLength : base.fileSize(path);
    },
    async listDir(path) {
      const listed = await base.listDir(path);
      const prefix = path.replace(/\/$/, "") + "/";
      const extra: DirEntry[] = [];
      for (const key of files.keys()) {
        if (!key.startsWith(prefix)) continue;
        const rest = key.slice(prefix.length);
        const slash = rest.indexOf("/");
        const name = slash < 0 ? rest : rest.slice(0, slash);
        if (!listed?.some((e) => e.name === name) && !extra.some((e) => e.name === name)) extra.push({ name, kind: slash < 0 ? "file" : "dir" });
      }
      if (!listed && !extra.length) return undefined;
      return [...(listed ?? []), ...extra].sort(byName);
    },
    async realPath(path) {
      return files.has(path) ? path : base.realPath(path);
    },
    writeFileAtomic: readOnly,
    writeNew: readOnly,
    renameFile: readOnly,
    removeFile: readOnly,
    renameDir: readOnly,
    removeDir: readOnly,
    lock: async () => undefined,
  };
}
