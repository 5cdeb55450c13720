/**
 * Data tables: single borders, the arrangement's column widths (fitted to the text width), header
 * rows bold and repeated on every page (w:tblHeader), rows never split across
 * pages, merged cells as gridSpan (colSpan) and vMerge (rowSpan). The model omits
 * the cells a rowSpan covers; here they come back as vMerge continuation cells.
 */
import type { Align, TableBlock, TableCell } from "../../document/model.ts";
import { TABLE_CELL_MARGIN_PT, TABLE_CELL_PADDING_V_PT } from "../../document/conventions.ts";
import { ptToTwips } from "./units.ts";
import { splitWidths, type RenderContext } from "./layout.ts";
import { STYLE } from "../../document/style-roles.ts";
import { paragraphXml, runsXml } from "./wml.ts";

const BORDERS =
  "<w:tblBorders>" +
  ["top", "left", "bottom", "right", "insideH", "insideV"]
    .map((s) => `<w:${s} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`)
    .join("") +
  "</w:tblBorders>";

const CELL_MARGIN_TW = ptToTwips(TABLE_CELL_MARGIN_PT);
const CELL_PADDING_V_TW = ptToTwips(TABLE_CELL_PADDING_V_PT);

interface Pending {
  remaining: number;
  span: number;
}

function tcPr(widthTw: number, span: number, vMerge?: "restart" | "continue"): string {
  return (
    `<w:tcPr><w:tcW w:w="${widthTw}" w:type="dxa"/>` +
    (span > 1 ? `<w:gridSpan w:val="${span}"/>` : "") +
    (vMerge === "restart" ? '<w:vMerge w:val="restart"/>' : vMerge === "continue" ? "<w:vMerge/>" : "") +
    '<w:vAlign w:val="center"/></w:tcPr>'
  );
}

/**
 * The arrangement's widths (points) in whole twips adding up to `totalTw`: each
 * column edge rounded where the PDF draws it, so no edge is off by more than half a twip.
 */
export function twipWidths(totalTw: number, columnsPt: readonly number[]): number[] {
  const sum = columnsPt.reduce((a, b) => a + b, 0);
  if (!(sum > 0)) return splitWidths(totalTw, columnsPt);
  let edge = 0;
  let prev = 0;
  return columnsPt.map((w, i) => {
    edge += w;
    const at = i === columnsPt.length - 1 ? totalTw : Math.round((totalTw * edge) / sum);
    const tw = at - prev;
    prev = at;
    return tw;
  });
}

/** `columns`: the arrangement's widths in points (without them, the columns' relative widths). */
export function tableXml(table: TableBlock, ctx: RenderContext, columns?: readonly number[]): string {
  const widths = columns ? twipWidths(ctx.textWidthTw, columns) : splitWidths(ctx.textWidthTw, table.columns.map((c) => c.width));
  const n = widths.length;
  const spanWidth = (col: number, span: number): number => widths.slice(col, col + span).reduce((a, b) => a + b, 0);
  const sizePt = table.fontSize;

  const cellXml = (cell: TableCell, col: number, span: number, header: boolean): string => {
    const align: Align = cell.align ?? table.columns[col]?.align ?? (header ? "center" : "left");
    const paragraphs = cell.paragraphs.length > 0 ? cell.paragraphs : [[]];
    const content = paragraphs
      .map((runs) => paragraphXml({ style: STYLE.tableText, jc: align }, runsXml(runs, { bold: header || undefined, sizePt })))
      .join("");
    const vMerge = (cell.rowSpan ?? 1) > 1 ? "restart" : undefined;
    return `<w:tc>${tcPr(spanWidth(col, span), span, vMerge)}${content}</w:tc>`;
  };
  const continuation = (col: number, span: number): string =>
    `<w:tc>${tcPr(spanWidth(col, span), span, "continue")}${paragraphXml({ style: STYLE.tableText })}</w:tc>`;

  const pending: (Pending | undefined)[] = new Array<Pending | undefined>(n).fill(undefined);
  const rows = table.rows.map((row, r) => {
    const header = r < table.headerRows;
    const cells: string[] = [];
    let next = 0;
    for (let col = 0; col < n; ) {
      const p = pending[col];
      if (p && p.remaining > 0) {
        cells.push(continuation(col, p.span));
        p.remaining -= 1;
        if (p.remaining === 0) pending[col] = undefined;
        col += p.span;
        continue;
      }
      const cell = row.cells[next++];
      if (!cell) {
        // A short row: fill the grid with empty cells.
        cells.push(cellXml({ paragraphs: [] }, col, 1, header));
        col += 1;
        continue;
      }
      const span = Math.max(1, Math.min(cell.colSpan ?? 1, n - col));
      if ((cell.rowSpan ?? 1) > 1) pending[col] = { remaining: (cell.rowSpan ?? 1) - 1, span };
      cells.push(cellXml(cell, col, span, header));
      col += span;
    }
    if (next < row.cells.length) {
      throw new Error(`table row ${r + 1} has more cells than the ${n} columns hold`);
    }
    const trPr = header ? "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" : "<w:trPr><w:cantSplit/></w:trPr>";
    return `<w:tr>${trPr}${cells.join("")}</w:tr>`;
  });

  const total = widths.reduce((a, b) => a + b, 0);
  const tblPr =
    `<w:tblPr><w:tblW w:w="${total}" w:type="dxa"/><w:jc w:val="center"/>${BORDERS}<w:tblLayout w:type="fixed"/>` +
    `<w:tblCellMar><w:top w:w="${CELL_PADDING_V_TW}" w:type="dxa"/><w:left w:w="${CELL_MARGIN_TW}" w:type="dxa"/><w:bottom w:w="${CELL_PADDING_V_TW}" w:type="dxa"/><w:right w:w="${CELL_MARGIN_TW}" w:type="dxa"/></w:tblCellMar>` +
    '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>';
  const grid = `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join("")}</w:tblGrid>`;
  return `<w:tbl>${tblPr}${grid}${rows.join("")}</w:tbl>`;
}
