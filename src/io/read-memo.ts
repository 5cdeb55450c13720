/**
 * The files a long-lived world has read (--watch), kept with what a stat said of them, so a rebuild
 * does not read and hash again the dozens of outputs and inputs that did not change: a file
 * whose size, times, inode and device are those it had when it was read is given back as the
 * same bytes (the same buffer: its hash, kept per buffer in write/hash.ts, is not computed again).
 *
 * A stat cannot see a change made in the same tick of the file system's clock as the read (a
 * write right after the read can leave size and times as they were). As git does with its
 * index, a file changed less than RACY_MS before it was read is not kept: it is read again next
 * time, and kept then. Any file the world writes, moves or removes is forgotten at once.
 *
 * It trusts ctime to move with every change, as local POSIX file systems make it (and as nobody
 * can set it back); on FAT or a network file system a stat may not show a change, so --watch
 * there should not be trusted with edits made in place.
 *
 * The stat is taken in nanoseconds, with the inode as a whole number. Only regular files read
 * whole are kept, up to MAX_BYTES in all (the oldest go first). The bytes given back must not be
 * changed by whoever gets them, as for every buffer hashed once.
 */
import type { BigIntStats } from "node:fs";

/** Longer than any file system clock's tick and any skew between it and the process's clock. */
export const RACY_MS = 2000;
const MAX_BYTES = 64 * 1024 * 1024;

interface Kept {
  sig: string;
  bytes: Uint8Array;
}

export class ReadMemo {
  private readonly kept = new Map<string, Kept>();
  private total = 0;

  constructor(private readonly maxBytes = MAX_BYTES) {}

  /** The bytes kept for `target` when the stat shows it as it was read; at most `max` bytes (a new view when cut). */
  get(target: string, st: BigIntStats, max?: number): Uint8Array | undefined {
    const k = this.kept.get(target);
    if (!k) return undefined;
    if (k.sig !== signature(st)) {
      this.forget(target);
      return undefined;
    }
    return max !== undefined && k.bytes.length > max ? k.bytes.subarray(0, max) : k.bytes;
  }

  /**
   * Keeps what was read of `target` after `st` was taken at `statAt` (ms since the epoch): only when
   * the bytes are the whole file as stat saw it and the file had not changed within RACY_MS of that.
   */
  put(target: string, st: BigIntStats, statAt: number, bytes: Uint8Array): void {
    this.forget(target);
    if (!st.isFile() || BigInt(bytes.length) !== st.size || bytes.length > this.maxBytes) return;
    if (Math.max(Number(st.mtimeMs), Number(st.ctimeMs)) > statAt - RACY_MS) return;
    this.kept.set(target, { sig: signature(st), bytes });
    this.total += bytes.length;
    for (const [path, old] of this.kept) {
      if (this.total <= this.maxBytes) break;
      this.kept.delete(path);
      this.total -= old.bytes.length;
    }
  }

  forget(target: string): void {
    const k = this.kept.get(target);
    if (!k) return;
    this.kept.delete(target);
    this.total -= k.bytes.length;
  }

  /** Everything under a folder (one the world removed or moved). */
  forgetUnder(dir: string): void {
    const prefix = dir.endsWith("/") ? dir : `${dir}/`;
    for (const path of [...this.kept.keys()]) if (path === dir || path.startsWith(prefix)) this.forget(path);
  }

  get size(): number {
    return this.kept.size;
  }
}

function signature(st: BigIntStats): string {
  return `${st.size}:${st.mtimeNs}:${st.ctimeNs}:${st.ino}:${st.dev}`;
}
