import { readdirSync, statSync, watch, type FSWatcher } from "node:fs";
import { basename, join, sep } from "node:path";

/**
 * Watches folders, not files: one watcher on every folder under the given
 * roots, so that a file an editor saves by writing a new file and renaming
 * it over the old one (the usual "atomic save", also `sed -i`) is still seen
 * on every later change. (A recursive fs.watch follows the file it first saw
 * and goes deaf after such a save.) Hidden names (".git", editor swap files)
 * are ignored.
 *
 * A watcher follows a folder's inode, not its name, and removing a watched
 * folder raises no error on Linux. So each watcher remembers the device,
 * inode and birth time of the folder it was put on, and every event for a
 * name is checked against the disk: a folder not watched yet, or one that is
 * not the watched one (removed and made again, or another renamed into its
 * place), gets a new watcher (the old one and those of its subfolders are
 * closed); a name that is gone or no longer a folder loses its watcher and
 * those of its subfolders. A file system may give a folder made again the
 * inode just freed (ext4 does) and may not record birth times, so a watcher
 * that reports its own folder's name (what Linux says when the folder
 * itself is removed or renamed) is also renewed. A root itself that is
 * removed is not seen again.
 */
export interface TreeWatch {
  close(): void;
  /** The folders watched now, sorted (for tests). */
  watched(): string[];
}

interface Watched {
  watcher: FSWatcher;
  /** "dev:ino:birthtime" of the folder the watcher was put on. */
  id: string;
  /** The folder itself was reported removed or renamed: renew even if the id matches. */
  stale: boolean;
}

export function watchTree(roots: readonly string[], onChange: (path: string) => void, onError: (dir: string, err: unknown) => void): TreeWatch {
  const watchers = new Map<string, Watched>();
  let closed = false;

  /** "dev:ino:birthtime" of a folder, or undefined for a file or a missing path. */
  const folderId = (path: string): string | undefined => {
    try {
      const s = statSync(path, { bigint: true });
      return s.isDirectory() ? `${s.dev}:${s.ino}:${s.birthtimeNs}` : undefined;
    } catch {
      return undefined;
    }
  };
  /** Closes the watcher of `dir` and those of every folder under it. */
  const forget = (dir: string): void => {
    const prefix = dir.endsWith(sep) ? dir : dir + sep;
    for (const [path, w] of watchers) {
      if (path === dir || path.startsWith(prefix)) {
        w.watcher.close();
        watchers.delete(path);
      }
    }
  };
  /** Brings the watcher of `path` in line with what is on disk now. */
  const sync = (path: string): void => {
    if (closed) return;
    const id = folderId(path);
    const current = watchers.get(path);
    if (current && current.id === id && !current.stale) return;
    if (current) forget(path);
    if (id !== undefined) add(path, id);
  };
  const add = (dir: string, id: string): void => {
    let watcher: FSWatcher;
    try {
      watcher = watch(dir, (_event, name) => {
        if (!name || String(name).startsWith(".")) return;
        const path = join(dir, String(name));
        onChange(path);
        sync(path);
        if (String(name) === basename(dir)) {
          // Maybe the folder itself was removed or renamed (or a child bears its name): renew.
          const self = watchers.get(dir);
          if (self?.watcher === watcher) {
            self.stale = true;
            sync(dir);
          }
        }
      });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== "ENOTDIR" && code !== "ENOENT") onError(dir, err);
      return;
    }
    const entry: Watched = { watcher, id, stale: false };
    watcher.on("error", () => {
      // The folder was removed or renamed: forget it; its parent's watcher sees what replaces it.
      if (watchers.get(dir) === entry) forget(dir);
      else watcher.close();
    });
    watchers.set(dir, entry);
    let names: string[] = [];
    try {
      names = readdirSync(dir, { withFileTypes: true })
        .filter((e) => e.isDirectory() && !e.name.startsWith("."))
        .map((e) => e.name);
    } catch {
      // Gone again already: the parent's event will say so.
    }
    for (const name of names) sync(join(dir, name));
  };
  for (const root of roots) sync(root);
  return {
    close() {
      closed = true;
      for (const w of watchers.values()) w.watcher.close();
      watchers.clear();
    },
    watched: () => [...watchers.keys()].sort(),
  };
}
