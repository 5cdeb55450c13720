import type { Align, Run } from "../../document/model.ts";
import type { LineSpacing, ParagraphStyle } from "../../document/style.ts";
import type { FontMetrics, PageItem } from "../types.ts";
import type { Box } from "./box.ts";
import { breakLines, faceOf, segmentsOf, type TextLine } from "./text-lines.ts";

export interface ParagraphSpec {
  runs: readonly Run[];
  style: ParagraphStyle;
  /** Overrides of the style. */
  align?: Align;
  firstLinePt?: number;
  indentLeftPt?: number;
  indentRightPt?: number;
  spaceBeforePt?: number;
  spaceAfterPt?: number;
  sizePt?: number;
  bold?: boolean;
  keepNext?: boolean;
  /** All lines on one page. */
  keepLines?: boolean;
  /** Overrides the style's widow and orphan control. */
  widowControl?: boolean;
  /** A drawn line under the paragraph (the Rule style's bottom border). */
  borderBottomPt?: number;
}

/** Height of one line and where its baseline sits, per the style's line spacing. */
export function lineGeometry(spacing: LineSpacing, size: number, metrics: FontMetrics, face: ReturnType<typeof faceOf>): { height: number; baseline: number } {
  const v = metrics.vertical(face);
  // Word and LibreOffice lay out in twips: single spacing of 14 pt Times New Roman is 322 twips, 16.1 pt.
  const single = Math.round(v.lineHeight * size * 20) / 20;
  if (spacing.rule === "auto") return { height: single * spacing.multiple, baseline: single - v.descent * size };
  if (spacing.rule === "atLeast") return { height: Math.max(spacing.pt, single), baseline: v.ascent * size + Math.max(0, spacing.pt - single) };
  // Exact: the text sits at the bottom of the line, as Word and LibreOffice place it.
  return { height: spacing.pt, baseline: spacing.pt - v.descent * size };
}

/** Lays out one paragraph in a column of `width` points: one box per line. */
export function layoutParagraph(p: ParagraphSpec, width: number, metrics: FontMetrics): Box[] {
  const s = p.style;
  const size = p.sizePt ?? s.sizePt;
  const align = p.align ?? s.align;
  const left = p.indentLeftPt ?? s.indentLeftPt;
  const right = p.indentRightPt ?? s.indentRightPt;
  const first = p.firstLinePt ?? s.firstLinePt;
  const inner = Math.max(1, width - left - right);
  const base = { bold: p.bold ?? s.bold, italic: s.italic };
  const units = segmentsOf(p.runs, size, metrics, base);
  const lines = breakLines(units, inner - first, inner, metrics);
  const face = faceOf(base.bold, base.italic);
  const geo = lineGeometry(s.line, size, metrics, face);
  const boxes = lines.map((line, i): Box => {
    const x0 = left + (i === 0 ? first : 0);
    const avail = inner - (i === 0 ? first : 0);
    const items = placeLine(line, x0, avail, geo.baseline, align, i === lines.length - 1);
    return { height: geo.height, items, anchors: [], spaceBefore: 0, spaceAfter: 0, keepWithNext: p.keepLines === true || !mayBreakAfter(i + 1, lines.length, p.widowControl ?? s.widowControl) };
  });
  const firstBox = boxes[0]!;
  const lastBox = boxes[boxes.length - 1]!;
  firstBox.spaceBefore = p.spaceBeforePt ?? s.spaceBeforePt;
  lastBox.spaceAfter = p.spaceAfterPt ?? s.spaceAfterPt;
  lastBox.keepWithNext = p.keepNext ?? s.keepNext;
  const border = p.borderBottomPt ?? s.borderBottomPt;
  if (border) lastBox.items.push({ kind: "line", x1: left, y1: lastBox.height, x2: width - right, y2: lastBox.height, width: border });
  return boxes;
}

/** Lines kept on each side of a page break inside a paragraph with widow control (Word's and LibreOffice's rule). */
export const WIDOW_ORPHAN_LINES = 2;

/**
 * Whether a page may break after the first `before` of a paragraph's `total`
 * lines: anywhere without widow control, else only leaving at least two lines
 * on each page (a 3-line paragraph moves whole, a 4-line one splits 2 + 2).
 */
export function mayBreakAfter(before: number, total: number, widowControl: boolean): boolean {
  if (before <= 0 || before >= total) return false;
  return !widowControl || (before >= WIDOW_ORPHAN_LINES && total - before >= WIDOW_ORPHAN_LINES);
}

/** Positions the segments of one line: aligned, or justified by widening the spaces (not on the last line). */
function placeLine(line: TextLine, x0: number, avail: number, baseline: number, align: Align, last: boolean): PageItem[] {
  const segs = [...line.segments];
  while (segs.length && segs[segs.length - 1]!.space) segs.pop();
  const slack = Math.max(0, avail - line.width);
  let x = x0;
  let extra = 0;
  if (align === "center") x += slack / 2;
  else if (align === "right") x += slack;
  else if (align === "justify" && !last) {
    const spaces = segs.filter((s) => s.space).length;
    if (spaces > 0) extra = slack / spaces;
  }
  const items: PageItem[] = [];
  let pending: { text: string; face: PageItemFace; size: number; x: number } | undefined;
  const flush = () => {
    if (pending && pending.text) items.push({ kind: "text", x: round(pending.x), y: round(baseline), text: pending.text, face: pending.face, size: pending.size });
    pending = undefined;
  };
  for (const seg of segs) {
    if (seg.space) {
      if (extra > 0) flush();
      else if (pending && pending.face === seg.face && pending.size === seg.size) pending.text += " ";
      else flush();
      x += seg.width + extra;
      continue;
    }
    if (pending && pending.face === seg.face && pending.size === seg.size) pending.text += seg.text;
    else {
      flush();
      pending = { text: seg.text, face: seg.face, size: seg.size, x };
    }
    x += seg.width;
  }
  flush();
  return items;
}

type PageItemFace = ReturnType<typeof faceOf>;

/** Positions are rounded to 1/1000 pt so that output bytes do not depend on floating-point noise. */
export function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
