import { constants, deflateRawSync } from "node:zlib";
import PizZip from "pizzip";

/**
 * Hostile workbooks made in memory from a real form: zip archives whose
 * directory lies (0 entries, bytes in front, an entry smaller than it says),
 * a ~1 GiB zip bomb that weighs ~1 MB, and sheets edited at the XML level
 * (merges, rows, an out-of-range date). Written byte by byte here so that
 * each field the reader must not trust is set on purpose.
 */
export interface RawEntry {
  name: string;
  /** The bytes as stored in the archive (deflated when method is 8). */
  stored: Uint8Array;
  method: 0 | 8;
  /** The uncompressed size the archive declares. */
  size: number;
  crc: number;
}

/** The entries of an archive, deflated again, with their true sizes and CRCs. */
export function entriesOf(bytes: Uint8Array): RawEntry[] {
  const zip = new PizZip(bytes);
  return Object.values(zip.files)
    .filter((f) => !f.dir)
    .map((f) => {
      const data = f.asUint8Array();
      return { name: f.name, stored: deflateRawSync(data), method: 8, size: data.byteLength, crc: crc32(data) };
    });
}

/**
 * A deflate stream of `mib` MiB of spaces, in about 1 KB per MiB: one MiB
 * deflated and flushed (not final), repeated, then an empty final block.
 */
export function bombEntry(name: string, mib: number): RawEntry {
  const one = deflateRawSync(Buffer.alloc(1024 * 1024, 0x20), { finishFlush: constants.Z_SYNC_FLUSH });
  const stored = new Uint8Array(one.byteLength * mib + 2);
  for (let i = 0; i < mib; i++) stored.set(one, i * one.byteLength);
  stored.set([0x03, 0x00], one.byteLength * mib); // a final fixed-Huffman block with no data
  return { name, stored, method: 8, size: mib * 1024 * 1024, crc: 0 };
}

/** A zip archive of the entries; `prefix` bytes put in front (offsets not moved), `count` what the end record says. */
export function zipOf(entries: RawEntry[], opts: { prefix?: number; count?: number } = {}): Uint8Array {
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = enc.encode(e.name);
    const local = header(30, name, (v) => {
      v.setUint32(0, 0x04034b50, true);
      v.setUint16(4, 20, true);
      v.setUint16(6, 0x0800, true);
      v.setUint16(8, e.method, true);
      v.setUint16(12, 0x21, true);
      v.setUint32(14, e.crc, true);
      v.setUint32(18, e.stored.byteLength, true);
      v.setUint32(22, e.size, true);
      v.setUint16(26, name.byteLength, true);
    });
    central.push(
      header(46, name, (v) => {
        v.setUint32(0, 0x02014b50, true);
        v.setUint16(4, 20, true);
        v.setUint16(6, 20, true);
        v.setUint16(8, 0x0800, true);
        v.setUint16(10, e.method, true);
        v.setUint16(14, 0x21, true);
        v.setUint32(16, e.crc, true);
        v.setUint32(20, e.stored.byteLength, true);
        v.setUint32(24, e.size, true);
        v.setUint16(28, name.byteLength, true);
        v.setUint32(42, offset, true);
      }),
    );
    parts.push(local, e.stored);
    offset += local.byteLength + e.stored.byteLength;
  }
  const cdSize = central.reduce((n, c) => n + c.byteLength, 0);
  const end = header(22, new Uint8Array(0), (v) => {
    v.setUint32(0, 0x06054b50, true);
    v.setUint16(8, opts.count ?? entries.length, true);
    v.setUint16(10, opts.count ?? entries.length, true);
    v.setUint32(12, cdSize, true);
    v.setUint32(16, offset, true);
  });
  const prefix = new Uint8Array(opts.prefix ?? 0).fill(0x4a);
  return concat([prefix, ...parts, ...central, end]);
}

function header(size: number, name: Uint8Array, fill: (v: DataView) => void): Uint8Array {
  const out = new Uint8Array(size + name.byteLength);
  fill(new DataView(out.buffer));
  out.set(name, size);
  return out;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of data) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
