import { TABLE_CELL_MARGIN_PT, TABLE_CELL_PADDING_V_PT } from "../../document/conventions.ts";
import type { TableFlow } from "../../arrange/types.ts";
import type { TableBlock } from "../../document/model.ts";
import type { ParagraphStyle } from "../../document/style.ts";
import type { FontMetrics, PageItem } from "../types.ts";
import { shift, stack, type Box } from "./box.ts";
import { layoutParagraph } from "./paragraph.ts";

const BORDER_PT = 0.5;

/** Splits a width by relative weights (as the DOCX renderer does). */
export function splitWidthsPt(total: number, relative: readonly number[]): number[] {
  const w = relative.map((r) => (Number.isFinite(r) && r > 0 ? r : 0));
  const sum = w.reduce((a, b) => a + b, 0);
  return sum > 0 ? w.map((r) => (total * r) / sum) : relative.map(() => total / relative.length);
}

/**
 * A bordered data table as one box per row, on the arrangement's grid and
 * flow (src/arrange/flow.ts) and at its column widths `columns` (points,
 * src/arrange/table-columns.ts; without them, the columns' relative widths):
 * header rows bold, repeated at the top of every page the table continues on
 * and kept with the next row; a row never splits: it moves whole to the next
 * page when it does not fit. Every cell paragraph, an empty one included, is
 * set in the flow's size. Cell text is vertically centred, with a small
 * padding above and below.
 */
export function layoutTable(t: TableBlock, flow: TableFlow, width: number, style: ParagraphStyle, metrics: FontMetrics, columns?: readonly number[]): Box[] {
  const widths = splitWidthsPt(width, columns ?? t.columns.map((c) => c.width));
  const xs = widths.map((_, i) => widths.slice(0, i).reduce((a, b) => a + b, 0));
  const rows: Box[] = [];
  const header: Box[] = [];
  for (const row of flow.rows) {
    const placed = row.cells.filter((g) => g.kind === "cell");
    const contents = placed.map((p) => {
      const w = widths.slice(p.col, p.col + p.span).reduce((a, b) => a + b, 0);
      const align = p.cell.align ?? t.columns[p.col]?.align ?? (row.header ? "center" : "left");
      const paras = (p.cell.paragraphs.length ? p.cell.paragraphs : [[]]).flatMap((runs) =>
        layoutParagraph({ runs, style, align, sizePt: flow.sizePt, ...(row.header ? { bold: true } : {}) }, w - 2 * TABLE_CELL_MARGIN_PT, metrics),
      );
      return { p, w, content: stack(paras) };
    });
    // A row is as tall as its tallest cell, its paddings and one border (rows share a border), as LibreOffice and Word measure it.
    const height = Math.max(...contents.map((c) => c.content.height), 0) + 2 * TABLE_CELL_PADDING_V_PT + BORDER_PT;
    const items: PageItem[] = [];
    for (const c of contents) {
      const x = xs[c.p.col]!;
      const moved = shift(c.content, x + TABLE_CELL_MARGIN_PT, (height - c.content.height) / 2);
      items.push(...moved.items);
      items.push(...cellBorders(x, c.w, height, true));
    }
    // A continuation of a merged cell: its column borders, without the line between the rows.
    for (const g of row.cells) if (g.kind === "continue") for (let k = g.col; k < g.col + g.span; k++) items.push(...cellBorders(xs[k]!, widths[k]!, height, false));
    const box: Box = { height, items, anchors: [], spaceBefore: 0, spaceAfter: 0, keepWithNext: row.keepWithNext };
    if (row.header) header.push(box);
    else if (header.length) box.repeatOnNewPage = header;
    rows.push(box);
  }
  return rows;
}

function cellBorders(x: number, w: number, h: number, top: boolean): PageItem[] {
  const line = (x1: number, y1: number, x2: number, y2: number): PageItem => ({ kind: "line", x1, y1, x2, y2, width: BORDER_PT });
  return [...(top ? [line(x, 0, x + w, 0)] : []), line(x, h, x + w, h), line(x, 0, x, h), line(x + w, 0, x + w, h)];
}
