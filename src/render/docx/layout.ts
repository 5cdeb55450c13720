/**
 * Geometry shared by the DOCX parts: the render context, drawn lines (a paragraph of
 * the Rule style whose bottom border is the line, its length set by left and right
 * indents) and the borderless two-column layout tables of the header and signature.
 * What goes where and how long the lines are comes from the arrangement (src/arrange/).
 */
import { LAYOUT_CELL_MARGIN_PT } from "../../document/conventions.ts";
import { STYLE } from "../../document/style-roles.ts";
import type { ShellStyle } from "./style.ts";
import { ptToTwips } from "./units.ts";
import { paragraphXml } from "./wml.ts";

/** Shortest drawn line. */
/** Left and right cell margins of the layout tables. */
export const LAYOUT_CELL_MARGIN_TW = ptToTwips(LAYOUT_CELL_MARGIN_PT);

export interface RenderContext {
  style: ShellStyle;
  /** Width of the text area of the current section. */
  textWidthTw: number;
}

export { mmToTwips, ptToTwips } from "./units.ts";

/** A drawn line `lineTw` long (the arrangement's length), centred in `availableTw`. */
export function ruleParagraph(lineTw: number, availableTw: number, spaceAfterTw?: number, spaceBeforeTw?: number): string {
  const length = Math.min(availableTw, Math.round(lineTw));
  const side = Math.max(0, Math.floor((availableTw - length) / 2));
  return paragraphXml({
    style: STYLE.rule,
    ...(spaceAfterTw !== undefined || spaceBeforeTw !== undefined
      ? { spacing: { ...(spaceBeforeTw !== undefined ? { before: spaceBeforeTw } : {}), ...(spaceAfterTw !== undefined ? { after: spaceAfterTw } : {}) } }
      : {}),
    ind: { left: side, right: side, firstLine: 0 },
  });
}

/** Splits `totalTw` by relative widths; the parts add up to the total exactly. */
export function splitWidths(totalTw: number, relative: readonly number[]): number[] {
  const positive = relative.map((r) => (Number.isFinite(r) && r > 0 ? r : 0));
  const sum = positive.reduce((a, b) => a + b, 0);
  // No usable widths: equal columns.
  const weights = sum > 0 ? positive : relative.map(() => 1);
  const total = sum > 0 ? sum : relative.length;
  const widths = weights.map((r) => Math.floor((totalTw * r) / total));
  const last = widths.length - 1;
  if (last >= 0) widths[last] = totalTw - widths.slice(0, last).reduce((a, b) => a + b, 0);
  return widths;
}

const NO_BORDERS =
  "<w:tblBorders>" +
  ["top", "left", "bottom", "right", "insideH", "insideV"].map((s) => `<w:${s} w:val="nil"/>`).join("") +
  "</w:tblBorders>";

/**
 * A borderless table of fixed column widths; each cell holds ready paragraphs.
 * Rows do not split across pages when `cantSplit` is set.
 */
export function layoutTableXml(widthsTw: readonly number[], rows: readonly (readonly string[])[], cantSplit = false): string {
  const total = widthsTw.reduce((a, b) => a + b, 0);
  const m = LAYOUT_CELL_MARGIN_TW;
  const tblPr =
    `<w:tblPr><w:tblW w:w="${total}" w:type="dxa"/><w:tblInd w:w="0" w:type="dxa"/>${NO_BORDERS}` +
    '<w:tblLayout w:type="fixed"/>' +
    `<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="${m}" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="${m}" w:type="dxa"/></w:tblCellMar>` +
    '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>';
  const grid = `<w:tblGrid>${widthsTw.map((w) => `<w:gridCol w:w="${w}"/>`).join("")}</w:tblGrid>`;
  const trPr = cantSplit ? "<w:trPr><w:cantSplit/></w:trPr>" : "";
  const body = rows
    .map(
      (cells) =>
        `<w:tr>${trPr}` +
        cells
          .map((content, i) => `<w:tc><w:tcPr><w:tcW w:w="${widthsTw[i] ?? 0}" w:type="dxa"/></w:tcPr>${content || "<w:p/>"}</w:tc>`)
          .join("") +
        "</w:tr>",
    )
    .join("");
  return `<w:tbl>${tblPr}${grid}${body}</w:tbl>`;
}

/** Width available to paragraphs inside a layout-table cell. */
export function cellInnerTw(cellTw: number): number {
  return cellTw - 2 * LAYOUT_CELL_MARGIN_TW;
}
