import type { Anchor, PageItem } from "../types.ts";

/**
 * A piece of the flow that is placed whole: a line of a paragraph, a table row,
 * a layout table (header, signatures). Items are relative to the box's top-left.
 */
export interface Box {
  height: number;
  items: PageItem[];
  anchors: Anchor[];
  /** Space above the box (dropped at the top of a page, except the first). */
  spaceBefore: number;
  spaceAfter: number;
  /** Keep on the same page as the next box. */
  keepWithNext: boolean;
  /** Boxes to place first when this box starts a new page (a table's header rows). */
  repeatOnNewPage?: Box[];
}

/** Moves items and anchors by (dx, dy). */
export function shift<T extends { items: PageItem[]; anchors: Anchor[] }>(b: T, dx: number, dy: number): { items: PageItem[]; anchors: Anchor[] } {
  return {
    items: b.items.map((it) => {
      switch (it.kind) {
        case "text":
          return { ...it, x: it.x + dx, y: it.y + dy };
        case "line":
          return { ...it, x1: it.x1 + dx, x2: it.x2 + dx, y1: it.y1 + dy, y2: it.y2 + dy };
        case "rect":
          return { ...it, x: it.x + dx, y: it.y + dy };
      }
    }),
    anchors: b.anchors.map((a) => ({ ...a, x: a.x + dx, y: a.y + dy })),
  };
}

/**
 * Stacks boxes vertically into one, for table cells and layout columns. As in
 * Word's table cells, the first box's space before and the last's space after
 * count too.
 */
export function stack(boxes: readonly Box[]): { height: number; items: PageItem[]; anchors: Anchor[] } {
  let y = 0;
  const items: PageItem[] = [];
  const anchors: Anchor[] = [];
  for (const b of boxes) {
    y += b.spaceBefore;
    const moved = shift(b, 0, y);
    items.push(...moved.items);
    anchors.push(...moved.anchors);
    y += b.height + b.spaceAfter;
  }
  return { height: y, items, anchors };
}

/** One box from stacked parts, for the flow. */
export function boxOf(parts: { height: number; items: PageItem[]; anchors: Anchor[] }, keepWithNext = false, spaceBefore = 0, spaceAfter = 0): Box {
  return { ...parts, spaceBefore, spaceAfter, keepWithNext };
}
