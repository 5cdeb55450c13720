/**
 * One font file made ready to embed: a subset holding the glyphs of given
 * code points, compressed, with its widths, ToUnicode map and descriptor.
 * Everything a PDF needs is computed here once and only copied by
 * font-objects.ts, so a subset shared by a build costs each document a few
 * small objects and a byte copy.
 *
 * CIDs are the glyph ids of the subset (Identity-H, CIDToGIDMap Identity):
 * glyph 0 is .notdef, then the glyphs in ascending order of the code points
 * that use them, as fontkit's subsetter numbers glyphs in the order they are
 * included. So the CIDs are known without encoding the subset, and a cached
 * subset needs no fontkit at all.
 */
import { createHash } from "node:crypto";
import type { FontFile } from "../fonts/font-file.ts";
import type { ByteCache } from "../fonts/byte-cache.ts";
import { deflate, zlibVersion } from "./compress.ts";
import { safeFontName, subsetTag } from "./subset-tag.ts";
import { toUnicodeCMap } from "./to-unicode.ts";

export interface FontDescriptorValues {
  flags: number;
  bbox: [number, number, number, number];
  italicAngle: number;
  ascent: number;
  descent: number;
  capHeight: number;
  xHeight: number;
}

export interface FontEmbedding {
  readonly file: FontFile;
  /** "ABCDEF+Tinos-Regular": the tag is derived from the file and the glyphs. */
  readonly baseFont: string;
  /** A CFF (OpenType) font: CIDFontType0 and FontFile3, else TrueType (CIDFontType2, FontFile2). */
  readonly cff: boolean;
  /** Code point → the CID that shows it, as the four hex digits of the content stream. */
  readonly codes: ReadonlyMap<number, string>;
  /** The subset font program, zlib-compressed. */
  readonly program: Uint8Array;
  /** Its uncompressed length (/Length1). */
  readonly programLength: number;
  /** The ToUnicode CMap, zlib-compressed. */
  readonly toUnicode: Uint8Array;
  /** The CIDFont's /W array, widths in 1/1000 em, exactly as the font has them: `c [w1 w2 …]` and, for a run of equal widths, `c1 c2 w`. */
  readonly widths: readonly (number | number[])[];
  readonly descriptor: FontDescriptorValues;
}

export interface EmbeddingOptions {
  /** Where compressed subsets are kept between builds. */
  cache?: ByteCache;
  /** What else decides the subset's bytes (the tool's version, which pins fontkit): part of the cache key. */
  identity?: string;
  /** Given every subset's cache entry, read or made (with a cache or without), to keep it elsewhere. */
  onEntry?: (file: FontFile, gids: readonly number[], entry: Uint8Array) => void;
}

/** The cache key of a subset of `file` with `gids`, for the tool `identity`. */
export function subsetCacheKey(file: FontFile, gids: readonly number[], identity = ""): string {
  return createHash("sha256").update(`${FORMAT}\n${identity}\nzlib ${zlibVersion()} level ${FONT_LEVEL}\n${file.sha256}\n${gids.join(",")}`).digest("hex");
}

/** Compression level of font programs: they are built once per build (and cached), so the smallest output is worth it. */
const FONT_LEVEL = 9;
const FORMAT = "khoi-thi-dua/pdf-font-subset/2";

interface Plan {
  /** Original glyph ids, index = CID; [0] is .notdef. */
  gids: number[];
  codes: Map<number, string>;
  /** Code point per CID. */
  unicodeOf: (number | undefined)[];
}

/** The glyphs of `codePoints` (those the file has), numbered as the subsetter will number them. */
function plan(file: FontFile, codePoints: Iterable<number>): Plan {
  const gids = [0];
  const cidOf = new Map<number, number>([[0, 0]]);
  const codes = new Map<number, string>();
  const unicodeOf: (number | undefined)[] = [undefined];
  for (const cp of [...new Set(codePoints)].sort((a, b) => a - b)) {
    const gid = file.glyphId(cp);
    if (gid === 0) continue;
    let cid = cidOf.get(gid);
    if (cid === undefined) {
      cid = gids.length;
      gids.push(gid);
      cidOf.set(gid, cid);
      unicodeOf[cid] = cp; // a glyph shared by several characters reads back as the first
    }
    codes.set(cp, cid.toString(16).toUpperCase().padStart(4, "0"));
  }
  return { gids, codes, unicodeOf };
}

interface Font2 {
  unitsPerEm: number;
  italicAngle: number;
  ascent: number;
  descent: number;
  capHeight?: number;
  xHeight?: number;
  bbox: { minX: number; minY: number; maxX: number; maxY: number };
  post?: { isFixedPitch?: number | boolean };
  head?: { macStyle?: { italic?: boolean } };
  "OS/2"?: { sFamilyClass?: number };
  "CFF "?: unknown;
  getGlyph(id: number): { advanceWidth: number } | null;
  createSubset(): { includeGlyph(g: number): number; encode(): Uint8Array };
}

/** Flags as pdf-lib (after pdfkit) derives them: symbolic, and serif, script, fixed pitch, italic from the font's tables. */
function flags(font: Font2): number {
  const familyClass = font["OS/2"]?.sFamilyClass ?? 0;
  let f = 1 << 2; // symbolic: the glyphs are addressed by CID, not by a standard encoding
  if (font.post?.isFixedPitch) f |= 1 << 0;
  if (familyClass >= 1 && familyClass <= 7) f |= 1 << 1;
  if (familyClass === 10) f |= 1 << 3;
  if (font.head?.macStyle?.italic) f |= 1 << 6;
  return f;
}

function descriptor(font: Font2): FontDescriptorValues {
  const s = 1000 / font.unitsPerEm;
  const { minX, minY, maxX, maxY } = font.bbox;
  return {
    flags: flags(font),
    bbox: [minX * s, minY * s, maxX * s, maxY * s],
    italicAngle: font.italicAngle,
    ascent: font.ascent * s,
    descent: font.descent * s,
    capHeight: (font.capHeight || font.ascent) * s,
    xHeight: (font.xHeight || 0) * s,
  };
}

function encodeSubset(font: Font2, gids: readonly number[]): Uint8Array {
  const subset = font.createSubset();
  gids.forEach((gid, cid) => {
    if (subset.includeGlyph(gid) !== cid) throw new Error(`emit: the font subsetter numbered glyph ${gid} other than CID ${cid}`);
  });
  return subset.encode();
}

/** What is made of a subset, and kept in the cache: the compressed program and the numbers read from the font. */
interface Made {
  program: Uint8Array;
  /** Uncompressed length of the program. */
  length: number;
  /** Advance widths of CIDs 1, 2, … in 1/1000 em. */
  widths: number[];
  descriptor: FontDescriptorValues;
}

/** Cache entry: SHA-256 of the rest (32 bytes), the length of the JSON that follows (4 bytes, big-endian), the JSON of the numbers, the compressed program. */
function pack(made: Made): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify({ length: made.length, widths: made.widths, descriptor: made.descriptor }));
  const body = new Uint8Array(4 + json.length + made.program.length);
  new DataView(body.buffer).setUint32(0, json.length);
  body.set(json, 4);
  body.set(made.program, 4 + json.length);
  const out = new Uint8Array(32 + body.length);
  out.set(createHash("sha256").update(body).digest(), 0);
  out.set(body, 32);
  return out;
}

function unpack(entry: Uint8Array, cids: number): Made | undefined {
  if (entry.length < 36) return undefined;
  const body = entry.subarray(32);
  if (!Buffer.from(createHash("sha256").update(body).digest()).equals(Buffer.from(entry.subarray(0, 32)))) return undefined;
  const jsonLength = new DataView(body.buffer, body.byteOffset, 4).getUint32(0);
  if (4 + jsonLength > body.length) return undefined;
  let meta: unknown;
  try {
    meta = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body.subarray(4, 4 + jsonLength)));
  } catch {
    return undefined;
  }
  // An entry of another shape (whose hash matches its bytes all the same) is no entry this tool wrote: made again.
  if (!isMeta(meta) || meta.widths.length !== cids) return undefined;
  return { ...meta, program: body.subarray(4 + jsonLength) };
}

const isNumber = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x);

function isMeta(m: unknown): m is Omit<Made, "program"> {
  if (typeof m !== "object" || m === null) return false;
  const { length, widths, descriptor: d } = m as Record<string, unknown>;
  if (!Number.isSafeInteger(length) || (length as number) < 0 || !Array.isArray(widths) || !widths.every(isNumber)) return false;
  if (typeof d !== "object" || d === null) return false;
  const v = d as Record<string, unknown>;
  return Array.isArray(v.bbox) && v.bbox.length === 4 && v.bbox.every(isNumber) && ["flags", "italicAngle", "ascent", "descent", "capHeight", "xHeight"].every((k) => isNumber(v[k]));
}

/** Reading the font's tables (the post table for the italic angle) and encoding the subset cost tens of milliseconds: a cache hit does neither. */
function make(font: Font2, gids: readonly number[]): Made {
  const raw = encodeSubset(font, gids);
  const scale = 1000 / font.unitsPerEm;
  return {
    program: deflate(raw, FONT_LEVEL),
    length: raw.length,
    widths: gids.slice(1).map((gid) => (font.getGlyph(gid)?.advanceWidth ?? 0) * scale),
    descriptor: descriptor(font),
  };
}

async function made(file: FontFile, gids: readonly number[], options: EmbeddingOptions): Promise<Made> {
  const font = file.font as unknown as Font2;
  if (!options.cache) {
    const m = make(font, gids);
    options.onEntry?.(file, gids, pack(m));
    return m;
  }
  const key = subsetCacheKey(file, gids, options.identity);
  const hit = await options.cache.get(key);
  const got = hit && unpack(hit, gids.length - 1);
  if (got) {
    options.onEntry?.(file, gids, hit);
    return got;
  }
  const m = make(font, gids);
  const entry = pack(m);
  options.onEntry?.(file, gids, entry);
  await options.cache.put(key, entry);
  return m;
}

/** The /W array of CIDs 1, 2, …: runs of three or more equal widths as `c1 c2 w`, the rest as `c [w …]`. */
export function widthArray(widths: readonly number[]): (number | number[])[] {
  const out: (number | number[])[] = [];
  let list: number[] | undefined;
  for (let i = 0; i < widths.length; ) {
    let j = i;
    while (j + 1 < widths.length && widths[j + 1] === widths[i]) j++;
    if (j - i >= 2) {
      out.push(i + 1, j + 1, widths[i]!);
      list = undefined;
    } else {
      if (!list) out.push(i + 1, (list = []));
      for (let k = i; k <= j; k++) list.push(widths[k]!);
    }
    i = j + 1;
  }
  return out;
}

/** The embedding of `file` for `codePoints` (code points the file lacks are left out). */
export async function buildEmbedding(file: FontFile, codePoints: Iterable<number>, options: EmbeddingOptions = {}): Promise<FontEmbedding> {
  const font = file.font as unknown as Font2;
  const p = plan(file, codePoints);
  const m = await made(file, p.gids, options);
  return {
    file,
    baseFont: `${subsetTag(file.sha256, p.gids.slice(1))}+${safeFontName(file.postscriptName)}`,
    cff: !!font["CFF "],
    codes: p.codes,
    program: m.program,
    programLength: m.length,
    toUnicode: deflate(new TextEncoder().encode(toUnicodeCMap(p.unicodeOf))),
    widths: widthArray(m.widths),
    descriptor: m.descriptor,
  };
}
