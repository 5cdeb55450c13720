/**
 * The one boundary to the outside: file system, clock and environment.
 * Stages never import node:fs or read the clock; they get a World.
 * Paths are POSIX paths relative to the project root ("data/2020/nam.yaml").
 */
export interface DirEntry {
  name: string;
  kind: "file" | "dir";
}

export interface World {
  /**
   * Bytes of a file, or undefined when it does not exist. With a limit, at most limit + 1 bytes
   * are read: a file that grew past the limit after its size was checked is seen, never held whole.
   */
  readFile(path: string, limit?: number): Promise<Uint8Array | undefined>;
  /** Size in bytes without reading, or undefined when missing. */
  fileSize(path: string): Promise<number | undefined>;
  /**
   * A regular file's state as one string, its size in bytes first ("size:..."; then modification and change times, inode), or
   * undefined when missing or not a regular file: equal stamps mean the file was not written in
   * between (as git's index takes it). Optional: without it, files are read to be compared.
   */
  fileStamp?(path: string): Promise<string | undefined>;
  /** Entries of a folder sorted by name (byte order), or undefined when missing. */
  listDir(path: string): Promise<DirEntry[] | undefined>;
  /**
   * Writes through a temporary file and a rename: readers see the old file or the new one, whole.
   * A file replaced keeps its permission bits. The file is flushed to the disk before the rename,
   * unless it is a cache's (`cache`): a cache file a power cut took or left empty costs a read,
   * as every cache reader checks what it reads (a hash, a shape), and a build writes hundreds.
   */
  writeFileAtomic(path: string, bytes: Uint8Array, opts?: { cache?: boolean }): Promise<void>;
  /** Creates a new file (failing when one is there), writes it whole and flushes it to the disk: a staged file. */
  writeNew(path: string, bytes: Uint8Array): Promise<void>;
  /** Replaces `to` by `from` in one step; `to`, when it was there, keeps its permission bits. */
  renameFile(from: string, to: string): Promise<void>;
  removeFile(path: string): Promise<void>;
  /**
   * Renames a folder in one step (readers see the old name or the new one, never
   * half a folder). Fails, changing nothing, when `to` exists.
   */
  renameDir(from: string, to: string): Promise<void>;
  /** Removes a folder and everything in it (only for a folder this tool made, e.g. an unfinished temporary one). */
  removeDir(path: string): Promise<void>;
  /**
   * The canonical name of an existing file or folder (symlinks resolved, "."
   * and ".." gone), equal for two paths that name the same thing; undefined
   * when nothing is there. Only for comparing paths, never for reading.
   */
  realPath(path: string): Promise<string | undefined>;
  /**
   * Forgets what the world has learned of the file system while changing nothing (the real
   * paths of folders read): a world kept across runs (--watch) forgets before each run, so a
   * folder replaced by a link in between is seen as one.
   */
  forget?(): void;
  /**
   * Takes an exclusive lock file for this process. Returns its release, or
   * undefined when another live process holds it (a lock left by a dead
   * process is taken over).
   */
  lock(path: string, label?: string): Promise<(() => Promise<void>) | undefined>;
  /** Wall clock, for messages only; never for document content. */
  now(): Date;
  /** Monotonic milliseconds, for timings. */
  monotonicMs(): number;
  env(name: string): string | undefined;
}

export function byName(a: DirEntry, b: DirEntry): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
