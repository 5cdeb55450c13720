/**
 * CRC-32 (the ZIP and PNG one): node:zlib's native crc32 where the running Node has it
 * (20.15 and later), else a table-driven one in JavaScript. Both give the same number.
 */
import * as zlib from "node:zlib";

let table: Uint32Array | undefined;

function makeTable(): Uint32Array {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
}

/** The table-driven CRC-32 (used when node:zlib has none; exported for the test that compares both). */
export function crc32Table(data: Uint8Array): number {
  const t = (table ??= makeTable());
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = t[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const native = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

export function crc32(data: Uint8Array): number {
  return native ? native(data) >>> 0 : crc32Table(data);
}
