/**
 * The visible signature: a form XObject the size of the field, with the
 * signature image (if given) fitted above and, below it, black text lines
 * (who signed, the organisation, the signing time) in the body font (Times
 * New Roman or its stand-in), so Vietnamese names show as written. Without
 * an image the text fills the field, at 10 pt at most (Decree 30 asks Times
 * New Roman 10 for the organisation's stamp on an appendix).
 *
 * The text is drawn as the glyphs' outlines, not as text: a signature must
 * not change what the document says, so pdftotext, search and copy give the
 * same text after signing as before (poppler extracts text from annotation
 * appearances too). Who signed and when stay machine-readable in the
 * signature dictionary (/Name, /M) and the certificate. No font is embedded.
 */
import { PDFName, type PDFDocument, type PDFImage, type PDFRef } from "@cantoo/pdf-lib";
import type { FontFile } from "../pdf/fonts/font-file.ts";
import type { FontSet } from "../pdf/fonts/font-set.ts";

export interface AppearanceSpec {
  width: number;
  height: number;
  /** Text lines, each wrapped at spaces to the width when too long. */
  lines: readonly string[];
  image?: PDFImage;
  fonts: FontSet;
  /**
   * Where the text goes: "fill" (the whole field; with an image, as "bottom"),
   * "bottom" or "top" (a band, the image in the rest). Two fields that overlap
   * (the seal over the signer's) put their texts in opposite bands.
   */
  textAt?: "fill" | "bottom" | "top";
  /**
   * The part of the field's width the text may take, from its left edge: the
   * part no other field on the page overlaps, so that the text of one
   * signature never runs over another's image. Default: the whole width.
   */
  textSpan?: { x: number; width: number };
  /**
   * The organisation's seal: the image drawn at this size (its longer side,
   * in points: the seal's real size), its right edge on the field's right edge
   * (a third of the way into the signer's image), centred in height; no text
   * (who signed and when stay in the signature dictionary).
   */
  sealPt?: number;
}

/** Largest text sizes: alone in the field, and in a band; the share of the field a band takes. */
const MAX_TEXT_PT = 10;
const MAX_BAND_TEXT_PT = 8;
const MIN_TEXT_PT = 4;
const BAND_SHARE = 0.42;
const LEADING = 1.15;
const PAD = 2;

const f2 = (n: number) => (Math.round(n * 100) / 100).toString();
const f4 = (n: number) => (Math.round(n * 1e6) / 1e6).toString();

export interface TextLayout {
  size: number;
  lines: string[];
  height: number;
}

/** The largest size (step 0.25 pt) at which the wrapped lines fit `width` × `height`. */
export function fitText(lines: readonly string[], width: number, height: number, maxSize: number, measure: (s: string, size: number) => number): TextLayout {
  for (let size = maxSize; size >= MIN_TEXT_PT; size -= 0.25) {
    const wrapped = lines.flatMap((l) => wrap(l, width, (s) => measure(s, size)));
    const h = wrapped.length * size * LEADING;
    if (h <= height + 0.01 && wrapped.every((l) => measure(l, size) <= width + 0.01)) return { size, lines: wrapped, height: h };
  }
  const size = MIN_TEXT_PT;
  const wrapped = lines.flatMap((l) => wrap(l, width, (s) => measure(s, size)));
  return { size, lines: wrapped, height: wrapped.length * size * LEADING };
}

function wrap(line: string, width: number, measure: (s: string) => number): string[] {
  const words = line.split(/\s+/).filter(Boolean);
  const out: string[] = [];
  let cur = "";
  for (const w of words) {
    const next = cur ? `${cur} ${w}` : w;
    if (cur && measure(next) > width) {
      out.push(cur);
      cur = w;
    } else cur = next;
  }
  if (cur) out.push(cur);
  return out.length ? out : [""];
}

/**
 * Scripts drawn right only with shaping (joined letters, reordered or stacked
 * marks) or from right to left: the appearance draws one glyph per character,
 * left to right, so a name in them would come out wrong even when a font has
 * the glyphs. Hebrew, Arabic, Syriac, Thaana, N'Ko, the Indic scripts, Thai,
 * Lao, Tibetan, Myanmar, Khmer, Mongolian, and the Arabic and Hebrew
 * presentation forms.
 */
const NEEDS_SHAPING: ReadonlyArray<readonly [number, number]> = [
  [0x0590, 0x08ff],
  [0x0900, 0x0dff],
  [0x0e00, 0x0eff],
  [0x0f00, 0x0fff],
  [0x1000, 0x109f],
  [0x1780, 0x18af],
  [0x19e0, 0x19ff],
  [0xa9e0, 0xa9ff],
  [0xaa60, 0xaa7f],
  [0xfb1d, 0xfdff],
  [0xfe70, 0xfeff],
];

/**
 * The characters of `lines` the appearance cannot draw right with `fonts`:
 * none of its files has them, or their script needs shaping. White space is
 * not counted (lines are wrapped at it).
 */
export function undrawable(lines: readonly string[], fonts: FontSet): string[] {
  const out = new Set<string>();
  for (const ch of lines.join(" ").normalize("NFC")) {
    if (/\s/.test(ch)) continue;
    const cp = ch.codePointAt(0) ?? 0;
    if (!fonts.fileFor(cp, "regular") || NEEDS_SHAPING.some(([a, b]) => cp >= a && cp <= b)) out.add(ch);
  }
  return [...out];
}

/** Registers the appearance stream in `pdf` (the image is embedded when the document is saved) and returns its reference. */
export function addAppearance(pdf: PDFDocument, spec: AppearanceSpec): PDFRef {
  const { width: w, height: h, fonts } = spec;
  const ops: string[] = [];
  const xobjects: Record<string, PDFRef> = {};
  if (spec.image && spec.sealPt !== undefined) {
    const scale = spec.sealPt / Math.max(spec.image.width, spec.image.height);
    const iw = spec.image.width * scale;
    const ih = spec.image.height * scale;
    ops.push("q", `${f2(iw)} 0 0 ${f2(ih)} ${f2(w - iw)} ${f2((h - ih) / 2)} cm`, "/Im0 Do", "Q");
    xobjects["Im0"] = spec.image.ref;
    return register(pdf, ops, xobjects, w, h);
  }
  const span = spec.textSpan ?? { x: 0, width: w };
  const innerW = Math.max(1, w - 2 * PAD);
  const innerH = Math.max(1, h - 2 * PAD);
  const textW = Math.max(1, Math.min(innerW, span.width - 2 * PAD));
  const textX = Math.max(PAD, span.x + PAD);
  const measure = (s: string, size: number) => fonts.width(s, "regular", size);
  const at = spec.textAt === "top" ? "top" : spec.textAt === "bottom" || spec.image ? "bottom" : "fill";
  const textRoom = at === "fill" ? innerH : innerH * BAND_SHARE;
  // A character no font file has shows as "?" here; signPdf refuses such a name before drawing (undrawable).
  const drawable = spec.lines.map((l) => [...l.normalize("NFC")].map((ch) => (fonts.fileFor(ch.codePointAt(0) ?? 0, "regular") ? ch : "?")).join(""));
  const text = fitText(drawable, textW, textRoom, at === "fill" ? MAX_TEXT_PT : MAX_BAND_TEXT_PT, measure);

  if (spec.image) {
    // The image fitted, aspect kept, centred in the space the text leaves.
    const boxH = innerH - text.height;
    const scale = Math.min(innerW / spec.image.width, boxH / spec.image.height);
    const iw = spec.image.width * scale;
    const ih = spec.image.height * scale;
    const x = PAD + (innerW - iw) / 2;
    const y = PAD + (at === "top" ? 0 : text.height) + (boxH - ih) / 2;
    ops.push("q", `${f2(iw)} 0 0 ${f2(ih)} ${f2(x)} ${f2(y)} cm`, "/Im0 Do", "Q");
    xobjects["Im0"] = spec.image.ref;
  }

  // Lines centred in the text's span, from the top of the text block down, black, drawn as glyph outlines.
  const lineH = text.size * LEADING;
  const ascent = fonts.vertical("regular").ascent * text.size;
  const top = at === "top" ? PAD + innerH : at === "bottom" ? PAD + text.height : PAD + (innerH + text.height) / 2;
  ops.push("0 g");
  text.lines.forEach((line, i) => {
    let x = textX + (textW - measure(line, text.size)) / 2;
    const baseline = top - i * lineH - Math.min(ascent, lineH * 0.8);
    for (const ch of line.normalize("NFC")) {
      const cp = ch.codePointAt(0) ?? 0;
      const file = fonts.fileFor(cp, "regular");
      if (!file) continue;
      const path = glyphPath(file, cp);
      if (path) ops.push("q", `${f4(text.size / file.font.unitsPerEm)} 0 0 ${f4(text.size / file.font.unitsPerEm)} ${f2(x)} ${f2(baseline)} cm`, path, "f", "Q");
      x += file.advance(cp) * text.size;
    }
  });
  return register(pdf, ops, xobjects, w, h);
}

function register(pdf: PDFDocument, ops: readonly string[], xobjects: Record<string, PDFRef>, w: number, h: number): PDFRef {
  const resources = pdf.context.obj({ XObject: xobjects });
  const stream = pdf.context.flateStream(ops.join("\n"), { Type: "XObject", Subtype: "Form", BBox: [0, 0, Number(f2(w)), Number(f2(h))] });
  stream.dict.set(PDFName.of("Resources"), resources);
  return pdf.context.register(stream);
}

/**
 * A glyph's outline as PDF path operators, in font units (y up), quadratic
 * curves raised to cubic ones; undefined for a glyph with no outline (space).
 */
export function glyphPath(file: FontFile, codePoint: number): string | undefined {
  const glyph = file.font.glyphForCodePoint(codePoint);
  const commands = glyph?.path.commands ?? [];
  if (commands.length === 0) return undefined;
  const out: string[] = [];
  let cx = 0;
  let cy = 0;
  let sx = 0;
  let sy = 0;
  const n = (v: number) => (Math.round(v * 100) / 100).toString();
  for (const c of commands) {
    const a = c.args;
    switch (c.command) {
      case "moveTo":
        [cx, cy] = [a[0]!, a[1]!];
        [sx, sy] = [cx, cy];
        out.push(`${n(cx)} ${n(cy)} m`);
        break;
      case "lineTo":
        [cx, cy] = [a[0]!, a[1]!];
        out.push(`${n(cx)} ${n(cy)} l`);
        break;
      case "quadraticCurveTo": {
        const [qx, qy, x, y] = [a[0]!, a[1]!, a[2]!, a[3]!];
        out.push(`${n(cx + (2 / 3) * (qx - cx))} ${n(cy + (2 / 3) * (qy - cy))} ${n(x + (2 / 3) * (qx - x))} ${n(y + (2 / 3) * (qy - y))} ${n(x)} ${n(y)} c`);
        [cx, cy] = [x, y];
        break;
      }
      case "bezierCurveTo":
        out.push(`${n(a[0]!)} ${n(a[1]!)} ${n(a[2]!)} ${n(a[3]!)} ${n(a[4]!)} ${n(a[5]!)} c`);
        [cx, cy] = [a[4]!, a[5]!];
        break;
      case "closePath":
        out.push("h");
        [cx, cy] = [sx, sy];
        break;
    }
  }
  return out.join(" ");
}
