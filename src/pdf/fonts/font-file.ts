/**
 * One font file, parsed once with fontkit: its bytes (for embedding), its
 * glyphs by code point and its metrics in em.
 */
import { createHash } from "node:crypto";
import fontkit from "@cantoo/fontkit";
import type { Font, FontCollection } from "@cantoo/fontkit";

export interface FontFile {
  /** Where it was read from. */
  readonly path: string;
  /** The file name alone, e.g. "LiberationSerif-Regular.ttf", "tinos-vietnamese-400-normal.woff". */
  readonly name: string;
  readonly bytes: Uint8Array;
  /** SHA-256 of the bytes, hex. */
  readonly sha256: string;
  /** The parsed font, shared by measuring and embedding. */
  readonly font: Font;
  readonly postscriptName: string;
  /** OS/2 winAscent and winDescent (positive), in em. */
  readonly winAscent: number;
  readonly winDescent: number;
  /**
   * Single line spacing in em, as Word and LibreOffice compute it for a
   * TrueType font: winAscent + winDescent plus the external leading
   * max(0, hhea.lineGap - ((winAscent + winDescent) - (hhea.ascender - hhea.descender))),
   * or typo ascender - descender + lineGap when OS/2 fsSelection sets USE_TYPO_METRICS.
   * Times New Roman and its stand-ins: (1825 + 443 + 87) / 2048 = 1.15.
   */
  readonly lineHeight: number;
  /** Glyph id for a code point; 0 when the file has no glyph for it. */
  glyphId(codePoint: number): number;
  /** Advance width of the code point's glyph, in em (0 when the file has none). */
  advance(codePoint: number): number;
}

export class FontFileError extends Error {
  override name = "FontFileError";
}

export interface Os2 {
  winAscent?: number;
  winDescent?: number;
  typoAscender?: number;
  typoDescender?: number;
  typoLineGap?: number;
  fsSelection?: { useTypoMetrics?: boolean };
  fsType?: { noEmbedding?: boolean };
}

export interface Hhea {
  ascent?: number;
  descent?: number;
  lineGap?: number;
}

/** The single line height in em by the Windows rule (see FontFile.lineHeight); `win` is (winAscent + winDescent) in em. */
export function singleLineEm(os2: Os2 | undefined, hhea: Hhea | undefined, upm: number, win: number): number {
  if (os2?.fsSelection?.useTypoMetrics && (os2.typoAscender || os2.typoDescender)) {
    return ((os2.typoAscender ?? 0) - (os2.typoDescender ?? 0) + Math.max(0, os2.typoLineGap ?? 0)) / upm;
  }
  const hheaHeight = ((hhea?.ascent ?? 0) - (hhea?.descent ?? 0)) / upm;
  const external = Math.max(0, (hhea?.lineGap ?? 0) / upm - (win - hheaHeight));
  return win + external;
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function isCollection(f: Font | FontCollection): f is FontCollection {
  return Array.isArray((f as FontCollection).fonts);
}

/** Parses a TrueType, OpenType or WOFF file. Throws FontFileError naming the path when it is not a usable font. */
export function parseFontFile(path: string, bytes: Uint8Array): FontFile {
  let font: Font;
  let os2: Os2 | undefined;
  try {
    const parsed = fontkit.create(bytes);
    if (isCollection(parsed)) throw new FontFileError(`${path}: a font collection; name one face's .ttf file instead`);
    font = parsed;
    os2 = (font as unknown as { "OS/2"?: Os2 })["OS/2"];
    void font.unitsPerEm;
    void font.hasGlyphForCodePoint(0x61);
  } catch (e) {
    if (e instanceof FontFileError) throw e;
    throw new FontFileError(`${path}: not a font file fontkit can read (${(e as Error).message})`);
  }
  if (os2?.fsType?.noEmbedding) throw new FontFileError(`${path}: the font's licence forbids embedding it in a PDF (OS/2 fsType "restricted")`);
  const upm = font.unitsPerEm;
  const winAscent = (os2?.winAscent ?? font.ascent) / upm;
  const winDescent = (os2?.winDescent ?? -font.descent) / upm;
  const lineHeight = singleLineEm(os2, (font as unknown as { hhea?: Hhea }).hhea, upm, winAscent + winDescent);
  const ids = new Map<number, number>();
  const glyphId = (cp: number): number => {
    let id = ids.get(cp);
    if (id === undefined) {
      id = font.hasGlyphForCodePoint(cp) ? (font.glyphForCodePoint(cp)?.id ?? 0) : 0;
      ids.set(cp, id);
    }
    return id;
  };
  const advances = new Map<number, number>();
  const advance = (cp: number): number => {
    let a = advances.get(cp);
    if (a === undefined) {
      a = glyphId(cp) === 0 ? 0 : (font.glyphForCodePoint(cp)?.advanceWidth ?? 0) / upm;
      advances.set(cp, a);
    }
    return a;
  };
  return {
    path,
    name: baseName(path),
    bytes,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    font,
    postscriptName: font.postscriptName ?? baseName(path).replace(/\.[^.]*$/, ""),
    winAscent,
    winDescent,
    lineHeight,
    glyphId,
    advance,
  };
}
