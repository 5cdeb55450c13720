import type { Anchor, LaidOutPage, PageItem } from "../types.ts";
import { shift, type Box } from "./box.ts";

/** A page geometry: size and the text area. */
export interface PageFrame {
  width: number;
  height: number;
  left: number;
  top: number;
  /** Width and bottom of the text area. */
  textWidth: number;
  bottom: number;
}

/** What flows: boxes, and breaks that start a new page (possibly with another frame). */
export type FlowEntry = Box | { kind: "break"; frame?: PageFrame };

function isBreak(e: FlowEntry): e is { kind: "break"; frame?: PageFrame } {
  return "kind" in e && e.kind === "break";
}

/**
 * Places boxes on pages from top to bottom. A box that does not fit starts a
 * new page; a run of boxes that keep with the next moves together when it fits
 * on one page; space before a box is dropped at the top of every page but the
 * first; a table row starting a page brings its header rows with it. Lines
 * of a paragraph keep together except where widow and orphan control lets
 * the page break (src/pdf/layout/paragraph.ts).
 */
export function paginate(entries: readonly FlowEntry[], firstFrame: PageFrame): LaidOutPage[] {
  const pages: LaidOutPage[] = [];
  let frame = firstFrame;
  let page: { items: PageItem[]; anchors: Anchor[] } = { items: [], anchors: [] };
  let y = frame.top;
  let empty = true;
  let prevAfter = 0;
  const newPage = (next?: PageFrame) => {
    pages.push({ width: frame.width, height: frame.height, ...page });
    if (next) frame = next;
    page = { items: [], anchors: [] };
    y = frame.top;
    empty = true;
    prevAfter = 0;
  };
  const place = (b: Box) => {
    const gap = empty && pages.length > 0 ? 0 : between(prevAfter, b.spaceBefore);
    y += empty && pages.length === 0 ? b.spaceBefore : gap;
    const moved = shift(b, frame.left, y);
    page.items.push(...moved.items);
    page.anchors.push(...moved.anchors);
    y += b.height;
    prevAfter = b.spaceAfter;
    empty = false;
  };
  const boxes = entries;
  for (let i = 0; i < boxes.length; i++) {
    const e = boxes[i]!;
    if (isBreak(e)) {
      newPage(e.frame);
      continue;
    }
    // The chain this box keeps with: itself and following boxes while keepWithNext.
    let chain = 0;
    for (let k = i; k < boxes.length; k++) {
      const b = boxes[k]!;
      if (isBreak(b)) break;
      chain += (k === i ? 0 : prevSpace(boxes, k)) + b.height;
      if (!b.keepWithNext) break;
    }
    const need = (empty ? 0 : between(prevAfter, e.spaceBefore)) + e.height;
    const chainNeed = (empty ? 0 : between(prevAfter, e.spaceBefore)) + chain;
    const room = frame.bottom - y;
    const fitsAlone = need <= room + 0.01;
    const chainFitsOnEmptyPage = chain <= frame.bottom - frame.top;
    if (!empty && (!fitsAlone || (chainNeed > room + 0.01 && chainFitsOnEmptyPage))) {
      newPage();
      for (const h of e.repeatOnNewPage ?? []) place(h);
    }
    place(e);
  }
  pages.push({ width: frame.width, height: frame.height, ...page });
  return pages;
}

function prevSpace(entries: readonly FlowEntry[], k: number): number {
  const prev = entries[k - 1];
  const cur = entries[k];
  if (!prev || !cur || isBreak(prev) || isBreak(cur)) return 0;
  return between(prev.spaceAfter, cur.spaceBefore);
}

/**
 * The space between two paragraphs: the larger of the first one's space after
 * and the second one's space before, not their sum (ECMA-376 17.3.1.33, as
 * Word and LibreOffice lay out a DOCX: 12 pt after the title's line and 6 pt
 * before "Kính gửi" make 12 pt).
 */
export function between(after: number, before: number): number {
  return Math.max(after, before);
}
