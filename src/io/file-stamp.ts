/**
 * A file's stamp (World.fileStamp) as text: one definition for the worlds that make it and the
 * caches that read it (src/write/stamps.ts). The size comes first, then either the file's times
 * and identity on a real file system (modification and change times in nanoseconds, inode,
 * device), or a hash of its bytes in a world in memory, which has no times: equal stamps are
 * then equal bytes.
 */
import { createHash } from "node:crypto";

/** The stamp of a file on a real file system, from its stat (bigint). */
export function timesStamp(st: { size: bigint; mtimeNs: bigint; ctimeNs: bigint; ino: bigint; dev: bigint }): string {
  return `${st.size}:${st.mtimeNs}:${st.ctimeNs}:${st.ino}:${st.dev}`;
}

/** The stamp of a file known by its bytes only. */
export function contentStamp(bytes: Uint8Array): string {
  return `${bytes.byteLength}:${createHash("sha1").update(bytes).digest("hex")}`;
}

/** The size a stamp gives (NaN for a stamp of neither kind). */
export function sizeOf(stamp: string): number {
  return Number(stamp.slice(0, stamp.indexOf(":")));
}

/**
 * When the file last changed: the later of its modification and change times (a copy that kept an
 * old modification time was still changed when it was made); "content" for a stamp of its bytes,
 * which cannot stay the same through a change; undefined for a stamp of neither kind.
 */
export function lastChangeOf(stamp: string | undefined): bigint | "content" | undefined {
  const parts = stamp?.split(":") ?? [];
  if (parts.length === 2 && /^[0-9a-f]{40}$/.test(parts[1]!)) return "content";
  if (parts.length !== 5 || !/^\d+$/.test(parts[1]!) || !/^\d+$/.test(parts[2]!)) return undefined;
  const [m, c] = [BigInt(parts[1]!), BigInt(parts[2]!)];
  return m > c ? m : c;
}
