/**
 * Data tables: single borders, the arrangement's column widths (fitted to the
 * text width, src/arrange/table-columns.ts). The grid and the flow are the
 * arrangement's (src/arrange/flow.ts): header rows bold and repeated on every
 * page (w:tblHeader), kept with the next row (w:keepNext on their paragraphs),
 * rows that never split (w:cantSplit), merged cells as gridSpan and vMerge (a
 * restart cell, then its continuations).
 */
import type { GridCell, TableFlow } from "../../arrange/types.ts";
import type { Align, TableBlock } from "../../document/model.ts";
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
export function tableXml(table: TableBlock, flow: TableFlow, ctx: RenderContext, columns?: readonly number[]): string {
  const widths = columns ? twipWidths(ctx.textWidthTw, columns) : splitWidths(ctx.textWidthTw, table.columns.map((c) => c.width));
  const spanWidth = (col: number, span: number): number => widths.slice(col, col + span).reduce((a, b) => a + b, 0);
  // The table's size on the runs, and on the paragraph marks when the style's differs (an empty cell is that tall).
  const sizePt = flow.sizePt;
  const mark = sizePt !== ctx.style.styles.tableText.sizePt ? { markSizePt: sizePt } : {};

  const cellXml = (g: GridCell, header: boolean, keepNext: boolean): string => {
    if (g.kind === "continue") return `<w:tc>${tcPr(spanWidth(g.col, g.span), g.span, "continue")}${paragraphXml({ style: STYLE.tableText, ...mark })}</w:tc>`;
    const cell = g.cell;
    const align: Align = cell.align ?? table.columns[g.col]?.align ?? (header ? "center" : "left");
    const paragraphs = cell.paragraphs.length > 0 ? cell.paragraphs : [[]];
    const content = paragraphs
      .map((runs) => paragraphXml({ style: STYLE.tableText, ...(keepNext ? { keepNext: true } : {}), jc: align, ...mark }, runsXml(runs, { bold: header || undefined, sizePt: table.fontSize })))
      .join("");
    return `<w:tc>${tcPr(spanWidth(g.col, g.span), g.span, g.rowSpan > 1 ? "restart" : undefined)}${content}</w:tc>`;
  };

  const rows = flow.rows.map((row) => {
    const trPr = `<w:trPr>${row.cantSplit ? "<w:cantSplit/>" : ""}${row.header ? "<w:tblHeader/>" : ""}</w:trPr>`;
    return `<w:tr>${trPr}${row.cells.map((g) => cellXml(g, row.header, row.keepWithNext)).join("")}</w:tr>`;
  });

  const total = widths.reduce((a, b) => a + b, 0);
  const tblPr =
    `<w:tblPr><w:tblW w:w="${total}" w:type="dxa"/><w:jc w:val="center"/>${BORDERS}<w:tblLayout w:type="fixed"/>` +
    `<w:tblCellMar><w:top w:w="${CELL_PADDING_V_TW}" w:type="dxa"/><w:left w:w="${CELL_MARGIN_TW}" w:type="dxa"/><w:bottom w:w="${CELL_PADDING_V_TW}" w:type="dxa"/><w:right w:w="${CELL_MARGIN_TW}" w:type="dxa"/></w:tblCellMar>` +
    '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>';
  const grid = `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join("")}</w:tblGrid>`;
  return `<w:tbl>${tblPr}${grid}${rows.join("")}</w:tbl>`;
}
