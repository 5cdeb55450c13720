import type { Run } from "../../document/model.ts";
import type { FaceKey, FontMetrics } from "../types.ts";

/** A piece of a line in one face: a word, a space, or a word part. */
export interface Segment {
  text: string;
  face: FaceKey;
  size: number;
  width: number;
  /** True for a breakable space (stretched when the line is justified). */
  space: boolean;
  /** A line break in the text ("\n", the DOCX's w:br): the line ends here. */
  lineBreak?: true;
}

export interface TextLine {
  segments: Segment[];
  /** Width without trailing spaces. */
  width: number;
}

export function faceOf(bold: boolean, italic: boolean): FaceKey {
  return bold ? (italic ? "boldItalic" : "bold") : italic ? "italic" : "regular";
}

/**
 * Break opportunities inside a word, as LibreOffice's line breaking (ICU's,
 * close to Word's) allows them: after a hyphen or an en dash (or a run of
 * them) that follows a character and comes before a letter, a digit or an
 * opening bracket ("TĐ-|KT", "COVID-|19", "2020-|2021", "a--|b"; not in
 * "-5" nor before "," or ")"), and on both sides of an em dash ("a|—|b").
 */
export const WORD_BREAK = /(?<=[^\s\-\u2010\u2013][-\u2010\u2013]+)(?=[\p{L}\p{N}\p{Ps}])|(?<=[^\s\u2014])(?=\u2014)|(?<=\u2014)(?=[\p{L}\p{N}\p{Ps}])/u;

/** The characters next to which {@link WORD_BREAK} can match: no word without one has a break opportunity. */
const HAS_DASH = /[-\u2010\u2013\u2014]/;

/**
 * A word cut at its {@link WORD_BREAK} opportunities: `part.split(WORD_BREAK)`. A word without a
 * dash (nearly every one) is one piece, without that split's costly lookbehinds.
 */
export function wordPieces(part: string): string[] {
  return HAS_DASH.test(part) ? part.split(WORD_BREAK) : [part];
}

/**
 * Splits runs into unbreakable pieces: words, single spaces, word parts at
 * the {@link WORD_BREAK} opportunities, and line breaks (as the DOCX's w:br).
 */
export function segmentsOf(runs: readonly Run[], size: number, metrics: FontMetrics, base: { bold?: boolean; italic?: boolean } = {}): Segment[][] {
  // Each inner array is one unbreakable unit (possibly spanning runs: "**a**b").
  const units: Segment[][] = [];
  let current: Segment[] = [];
  const flush = () => {
    if (current.length) units.push(current);
    current = [];
  };
  for (const run of runs) {
    const face = faceOf(!!(run.bold ?? base.bold), !!(run.italic ?? base.italic));
    const text = run.text.normalize("NFC");
    const parts = text.split(/( |\r\n|\n|\r)/);
    for (const part of parts) {
      if (part === "") continue;
      if (/^[\r\n]+$/.test(part)) {
        flush();
        units.push([{ text: "", face, size, width: 0, space: false, lineBreak: true }]);
        continue;
      }
      if (part === " ") {
        flush();
        units.push([{ text: " ", face, size, width: metrics.width(" ", face, size), space: true }]);
        continue;
      }
      const pieces = wordPieces(part);
      pieces.forEach((piece, i) => {
        if (i > 0) flush();
        current.push({ text: piece, face, size, width: metrics.width(piece, face, size), space: false });
      });
    }
  }
  flush();
  return units;
}

/**
 * Greedy line breaking (as Word and LibreOffice do): each unit goes on the
 * current line if it fits, else starts a new one; a line break ends the line. `firstWidth` is the width of
 * the first line (after the first-line indent), `width` of the others. A unit
 * wider than a line is split by characters.
 */
export function breakLines(units: readonly Segment[][], firstWidth: number, width: number, metrics: FontMetrics): TextLine[] {
  const lines: TextLine[] = [];
  let line: Segment[] = [];
  let lineWidth = 0; // including trailing spaces
  const avail = () => (lines.length === 0 ? firstWidth : width);
  const trimmedWidth = (segs: Segment[]) => {
    let w = segs.reduce((s, x) => s + x.width, 0);
    for (let i = segs.length - 1; i >= 0 && segs[i]!.space; i--) w -= segs[i]!.width;
    return w;
  };
  const push = () => {
    lines.push({ segments: line, width: trimmedWidth(line) });
    line = [];
    lineWidth = 0;
  };
  let afterBreak = false;
  for (const unit of units) {
    if (unit[0]!.lineBreak) {
      push();
      afterBreak = true;
      continue;
    }
    afterBreak = false;
    const w = unit.reduce((s, x) => s + x.width, 0);
    const isSpace = unit.length === 1 && unit[0]!.space;
    if (isSpace) {
      if (line.length === 0 && lines.length > 0) continue; // no leading space on a wrapped line
      line.push(unit[0]!);
      lineWidth += w;
      continue;
    }
    if (lineWidth + w <= avail() + 1e-6 || line.length === 0) {
      if (w > avail() + 1e-6 && line.length === 0) {
        for (const piece of splitByChars(unit, avail(), width, metrics)) {
          if (line.length) push();
          line.push(...piece);
          lineWidth = piece.reduce((s, x) => s + x.width, 0);
        }
        continue;
      }
      line.push(...unit);
      lineWidth += w;
    } else {
      push();
      line.push(...unit);
      lineWidth = w;
    }
  }
  if (line.length || lines.length === 0 || afterBreak) push();
  return lines;
}

function splitByChars(unit: readonly Segment[], first: number, rest: number, metrics: FontMetrics): Segment[][] {
  const out: Segment[][] = [];
  let cur: Segment[] = [];
  let w = 0;
  let limit = first;
  for (const seg of unit) {
    for (const ch of seg.text) {
      const cw = metrics.width(ch, seg.face, seg.size);
      if (w + cw > limit && (cur.length || w > 0)) {
        out.push(cur);
        cur = [];
        w = 0;
        limit = rest;
      }
      const last = cur[cur.length - 1];
      if (last && last.face === seg.face && last.size === seg.size) {
        last.text += ch;
        last.width += cw;
      } else cur.push({ text: ch, face: seg.face, size: seg.size, width: cw, space: false });
      w += cw;
    }
  }
  if (cur.length) out.push(cur);
  return out;
}
