/**
 * The text of a laid-out page as runs of glyphs, each run set by one font
 * file: where it starts (PDF space, origin bottom left), its size, its text
 * and, when the build's shared subset of the file has every character of it,
 * the CIDs to show. A word whose characters come from several files (the
 * split @fontsource/tinos files switch file inside an accented word) is
 * several runs, each starting where the one before ended, by the same
 * advance widths the layout measured with (FontSet.width): no fontkit layout
 * is run, and each character is looked up once per build.
 */
import { FACES } from "../fonts/candidates.ts";
import { MissingCharacterError, type FontSet } from "../fonts/font-set.ts";
import type { FontFile } from "../fonts/font-file.ts";
import type { FaceKey, LaidOutPage } from "../types.ts";
import type { PreparedFonts } from "./prepared-fonts.ts";

export interface GlyphRun {
  file: FontFile;
  /** Start of the baseline, in PDF user space (y upwards). */
  x: number;
  y: number;
  size: number;
  /** NFC text. */
  text: string;
  /** The CIDs in hex, from the shared subset of `file`; undefined when a character is not in it. */
  hex: string | undefined;
}

/** What the emitter knows of a character in a face: the file that draws it, its advance (em) and its CID in the shared subset. */
interface Glyph {
  file: FontFile;
  advance: number;
  hex: string | undefined;
}

type Table = Record<FaceKey, Map<number, Glyph | null>>;
const tables = new WeakMap<PreparedFonts, Table>();

function tableOf(prepared: PreparedFonts): Table {
  let t = tables.get(prepared);
  if (!t) {
    t = Object.fromEntries(FACES.map((f) => [f, new Map()])) as Table;
    tables.set(prepared, t);
  }
  return t;
}

function lookup(prepared: PreparedFonts, table: Table, cp: number, face: FaceKey): Glyph | null {
  const map = table[face];
  let g = map.get(cp);
  if (g === undefined) {
    const file = prepared.fonts.fileFor(cp, face);
    g = file ? { file, advance: file.advance(cp), hex: prepared.embedding(file)?.codes.get(cp) } : null;
    map.set(cp, g);
  }
  return g;
}

function missing(fonts: FontSet, cp: number, face: FaceKey, text: string, index: number): MissingCharacterError {
  const e = new MissingCharacterError(String.fromCodePoint(cp), face, fonts.label);
  e.message = `PDF page ${index + 1}, text "${text}": ${e.message}`;
  return e;
}

/** The runs of page `index` (0-based); throws MissingCharacterError, naming the page and the text, for a character no file has. */
export function pageRuns(page: LaidOutPage, prepared: PreparedFonts, index: number): GlyphRun[] {
  const table = tableOf(prepared);
  const out: GlyphRun[] = [];
  for (const item of page.items) {
    if (item.kind !== "text") continue;
    const text = item.text.normalize("NFC");
    const y = page.height - item.y;
    let x = item.x;
    let run: GlyphRun | undefined;
    let start = 0;
    let em = 0;
    let hex: string | undefined = "";
    for (let i = 0; i < text.length; ) {
      const cp = text.codePointAt(i)!;
      const g = lookup(prepared, table, cp, item.face);
      if (!g) throw missing(prepared.fonts, cp, item.face, item.text, index);
      if (!run || run.file !== g.file) {
        if (run) {
          run.text = text.slice(start, i);
          run.hex = hex;
          x += em * item.size;
        }
        run = { file: g.file, x, y, size: item.size, text: "", hex: undefined };
        out.push(run);
        start = i;
        em = 0;
        hex = "";
      }
      em += g.advance;
      hex = hex !== undefined && g.hex !== undefined ? hex + g.hex : undefined;
      i += cp > 0xffff ? 2 : 1;
    }
    if (run) {
      run.text = text.slice(start);
      run.hex = hex;
    }
  }
  return out;
}
