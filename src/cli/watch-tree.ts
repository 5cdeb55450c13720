import { watch, type FSWatcher } from "node:fs";
import { readdir } from "node:fs/promises";
import { join } from "node:path";

/**
 * Watches folders, not files: one watcher on every folder under the given
 * roots, so that a file an editor saves by writing a new file and renaming
 * it over the old one (the usual "atomic save", also `sed -i`) is still seen
 * on every later change. (A recursive fs.watch follows the file it first saw
 * and goes deaf after such a save.) Folders that appear are watched as they
 * come; hidden names (".git", editor swap files) are ignored.
 */
export interface TreeWatch {
  close(): void;
}

export function watchTree(roots: readonly string[], onChange: (path: string) => void, onError: (dir: string, err: unknown) => void): TreeWatch {
  const watchers = new Map<string, FSWatcher>();
  let closed = false;
  const add = async (dir: string): Promise<void> => {
    if (closed || watchers.has(dir)) return;
    let w: FSWatcher;
    try {
      w = watch(dir, (_event, name) => {
        if (!name || String(name).startsWith(".")) return;
        const path = join(dir, String(name));
        onChange(path);
        void add(path).catch(() => {}); // a folder just made (or a file: no harm)
      });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "ENOTDIR" && (err as NodeJS.ErrnoException).code !== "ENOENT") onError(dir, err);
      return;
    }
    w.on("error", () => {
      // The folder was removed or renamed: forget it; its parent's watcher sees what replaces it.
      w.close();
      watchers.delete(dir);
    });
    watchers.set(dir, w);
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const e of entries) if (e.isDirectory() && !e.name.startsWith(".")) await add(join(dir, e.name));
  };
  for (const root of roots) void add(root);
  return {
    close() {
      closed = true;
      for (const w of watchers.values()) w.close();
      watchers.clear();
    },
  };
}
