/**
 * A deterministic ZIP writer on node:zlib: each entry deflated (raw deflate, level 6),
 * one fixed DOS date (1980-01-01 00:00, the first one the format has), no extra
 * fields, no comments, entries in the order given. The same entries always give the
 * same bytes, in every time zone. Parts that do not change between archives can be
 * deflated once (deflatePart) and reused.
 */
import { deflateRawSync } from "node:zlib";
import { crc32 } from "./crc32.ts";
import { CENTRAL, END, LOCAL } from "./signatures.ts";

/** A part ready to be stored: its deflated bytes, the CRC-32 and size of its plain bytes. */
export interface DeflatedPart {
  readonly deflated: Uint8Array;
  readonly crc: number;
  readonly size: number;
}

export interface ZipEntry {
  readonly name: string;
  readonly part: DeflatedPart;
}

/** 2.0: deflate. Made by MS-DOS (high byte 0), as the archives written before. */
const VERSION = 20;
const DEFLATE = 8;
/** General purpose bit 11: the name is UTF-8. Set only for names that are not ASCII. */
const UTF8_NAME = 0x0800;
/** DOS time 00:00:00 and date 1980-01-01 ((1980 - 1980) << 9 | 1 << 5 | 1). */
const DOS_TIME = 0;
const DOS_DATE = 0x0021;
const DEFLATE_LEVEL = 6;

const encoder = new TextEncoder();
const ASCII = /^[\x00-\x7f]*$/;

export function deflatePart(data: Uint8Array | string): DeflatedPart {
  const bytes = typeof data === "string" ? encoder.encode(data) : data;
  return { deflated: deflateRawSync(bytes, { level: DEFLATE_LEVEL }), crc: crc32(bytes), size: bytes.byteLength };
}

export function writeZip(entries: readonly ZipEntry[]): Uint8Array {
  if (entries.length > 0xffff) throw new RangeError(`a ZIP without ZIP64 holds at most 65535 entries, not ${entries.length}`);
  const names = entries.map((e) => encoder.encode(e.name));
  let localSize = 0;
  let centralSize = 0;
  for (let i = 0; i < entries.length; i++) {
    localSize += 30 + names[i]!.byteLength + entries[i]!.part.deflated.byteLength;
    centralSize += 46 + names[i]!.byteLength;
  }
  const total = localSize + centralSize + 22;
  if (localSize > 0xffffffff || total > 0xffffffff) throw new RangeError("a ZIP without ZIP64 is smaller than 4 GiB");
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let at = 0;
  const header = (signature: number, i: number): void => {
    const { part } = entries[i]!;
    const name = names[i]!;
    view.setUint32(at, signature, true);
    at += 4;
    if (signature === CENTRAL) {
      view.setUint16(at, VERSION, true);
      at += 2;
    }
    view.setUint16(at, VERSION, true);
    view.setUint16(at + 2, ASCII.test(entries[i]!.name) ? 0 : UTF8_NAME, true);
    view.setUint16(at + 4, DEFLATE, true);
    view.setUint16(at + 6, DOS_TIME, true);
    view.setUint16(at + 8, DOS_DATE, true);
    view.setUint32(at + 10, part.crc, true);
    view.setUint32(at + 14, part.deflated.byteLength, true);
    view.setUint32(at + 18, part.size, true);
    view.setUint16(at + 22, name.byteLength, true);
    view.setUint16(at + 24, 0, true); // extra field
    at += 26;
    if (signature === CENTRAL) {
      // Comment length, disk number, internal and external attributes (all 0), local header offset.
      view.setUint16(at, 0, true);
      view.setUint16(at + 2, 0, true);
      view.setUint16(at + 4, 0, true);
      view.setUint32(at + 6, 0, true);
      view.setUint32(at + 10, offsets[i]!, true);
      at += 14;
    }
    out.set(name, at);
    at += name.byteLength;
  };
  for (let i = 0; i < entries.length; i++) {
    offsets.push(at);
    header(LOCAL, i);
    out.set(entries[i]!.part.deflated, at);
    at += entries[i]!.part.deflated.byteLength;
  }
  const centralStart = at;
  for (let i = 0; i < entries.length; i++) header(CENTRAL, i);
  view.setUint32(at, END, true);
  view.setUint16(at + 4, 0, true);
  view.setUint16(at + 6, 0, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, at - centralStart, true);
  view.setUint32(at + 16, centralStart, true);
  view.setUint16(at + 20, 0, true);
  return out;
}
