import { inflateRawSync } from "node:zlib";
import { CENTRAL, END, LOCAL } from "../zip/signatures.ts";

/**
 * Reads the entries of a zip archive within limits, without trusting what it
 * says about itself: bytes in, entries out, nothing else touched.
 *
 * The central directory is found from its end record and walked by its
 * signatures (a count of 0 in the end record does not hide entries); bytes
 * put in front of the archive shift every offset, as other readers accept
 * them. Each wanted entry is inflated with a cap on its output: never more
 * than its declared size plus one byte (a size that lies is seen after one
 * byte too many), and never more than what is left of the limit, counted on
 * what is really inflated, over all entries. So the time and memory spent are
 * proportional to the limit, whatever the archive declares.
 */
export interface ZipLimits {
  /** Most bytes inflated, all wanted entries together. */
  maxInflated: number;
  /** Most entries in the central directory. */
  maxEntries: number;
}

export type ZipRead =
  | { entries: Map<string, Uint8Array> }
  /** The archive is damaged or is not a zip (detail in English, for the English message). */
  | { damaged: string }
  /** The wanted entries declare more than the limit: nothing was inflated. */
  | { declaredTooLarge: number }
  /** Inflating went past the limit (at the entry named): stopped there. */
  | { inflatedTooLarge: string };

const MAX_COMMENT = 0xffff;

interface Central {
  method: number;
  flags: number;
  compressed: number;
  size: number;
  local: number;
}

export function readZipEntries(bytes: Uint8Array, wanted: (name: string) => boolean, limits: ZipLimits): ZipRead {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const end = lastEndRecord(view);
  if (end < 0) return { damaged: "not a zip archive" };
  const cdSize = u32(end + 12);
  const cdOffset = u32(end + 16);
  if (u16(end + 10) === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) return { damaged: "ZIP64 archives are not read" };
  // Bytes put in front of the archive: the directory really starts `shift` bytes after where it says.
  const shift = end - (cdOffset + cdSize);
  if (shift < 0) return { damaged: `${-shift} bytes missing before the central directory` };
  const isCentral = (at: number) => at >= 0 && at + 46 <= end && u32(at) === CENTRAL;
  const base = isCentral(cdOffset + shift) || !isCentral(cdOffset) ? shift : 0;

  const decoder = new TextDecoder("utf-8");
  const chosen: { name: string; c: Central }[] = [];
  let declared = 0;
  let count = 0;
  for (let at = cdOffset + base; isCentral(at); ) {
    if (++count > limits.maxEntries) return { damaged: `more than ${limits.maxEntries} entries` };
    const c: Central = { flags: u16(at + 8), method: u16(at + 10), compressed: u32(at + 20), size: u32(at + 24), local: u32(at + 42) + base };
    const next = at + 46 + u16(at + 28) + u16(at + 30) + u16(at + 32);
    if (next > end) return { damaged: "central directory entry cut short" };
    if (c.compressed === 0xffffffff || c.size === 0xffffffff || c.local - base === 0xffffffff) return { damaged: "ZIP64 entries are not read" };
    // The name inside the local header is the one used to extract (as other readers do).
    const lo = c.local;
    if (lo < 0 || lo + 30 > bytes.byteLength || u32(lo) !== LOCAL) return { damaged: "an entry's local header is missing" };
    const nameEnd = lo + 30 + u16(lo + 26);
    if (nameEnd > bytes.byteLength) return { damaged: "an entry's name is cut short" };
    const name = decoder.decode(bytes.subarray(lo + 30, nameEnd)).replace(/^\/+/, "");
    if (wanted(name)) {
      if (chosen.some((e) => e.name === name)) return { damaged: `entry ${name} is twice in the archive` };
      chosen.push({ name, c });
      declared += c.size;
    }
    at = next;
  }
  if (count === 0) return { damaged: "no entries in the central directory" };
  if (declared > limits.maxInflated) return { declaredTooLarge: declared };

  const entries = new Map<string, Uint8Array>();
  let left = limits.maxInflated;
  for (const { name, c } of chosen) {
    const lo = c.local;
    const from = lo + 30 + u16(lo + 26) + u16(lo + 28);
    if (from + c.compressed > bytes.byteLength) return { damaged: `entry ${name} is cut short` };
    if (c.flags & 1) return { damaged: `entry ${name} is encrypted` };
    const raw = bytes.subarray(from, from + c.compressed);
    const cap = Math.min(c.size, left) + 1;
    let data: Uint8Array;
    if (c.method === 0) data = raw.subarray(0, cap);
    else if (c.method === 8) {
      try {
        data = inflateRawSync(raw, { maxOutputLength: cap });
      } catch (err) {
        if ((err as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") data = new Uint8Array(cap);
        else return { damaged: `entry ${name} cannot be inflated` };
      }
    } else return { damaged: `entry ${name} uses compression method ${c.method}` };
    if (data.byteLength > left) return { inflatedTooLarge: name };
    if (data.byteLength !== c.size) return { damaged: `entry ${name} is not the size the archive says` };
    left -= data.byteLength;
    entries.set(name, data);
  }
  return { entries };
}

/** The position of the end of central directory record: the last one in the archive's tail, or -1. */
function lastEndRecord(view: DataView): number {
  const last = view.byteLength - 22;
  for (let i = last; i >= 0 && i >= last - MAX_COMMENT; i--) if (view.getUint32(i, true) === END) return i;
  return -1;
}
