/**
 * The header block: a borderless two-column table.
 * Row 1: left Cơ quan chủ quản (regular) over Cơ quan ban hành (bold) and a short
 * centred line; right Quốc hiệu over Tiêu ngữ and a line as long as the Tiêu ngữ.
 * Row 2: left the number line (and "V/v ..." of a công văn); right the place and date,
 * level with the number. Minutes have no place-and-date line: the cell stays empty.
 * The lines and lengths come from the arrangement (src/arrange/).
 */
import type { HeaderArrangement } from "../../arrange/types.ts";
import { MOTTO, NATIONAL_TITLE } from "../../document/conventions.ts";
import { cellInnerTw, layoutTableXml, ptToTwips, ruleParagraph, type RenderContext } from "./layout.ts";
import { STYLE } from "../../document/style-roles.ts";
import { paragraphXml, textParagraph } from "./wml.ts";

export { MOTTO, NATIONAL_TITLE };

export function headerXml(h: HeaderArrangement, ctx: RenderContext): string {
  const total = h.columns[0] + h.columns[1];
  const left = Math.round((ctx.textWidthTw * h.columns[0]) / total);
  const right = ctx.textWidthTw - left;

  const leftTop = [
    ...h.parentBody.map((line) => textParagraph({ style: STYLE.parentBody }, line)),
    ...h.issuer.map((line) => textParagraph({ style: STYLE.issuer }, line)),
    ruleParagraph(ptToTwips(h.issuerRule), cellInnerTw(left)),
  ].join("");

  const rightTop = [
    textParagraph({ style: STYLE.nationalTitle }, h.nationalTitle),
    textParagraph({ style: STYLE.motto }, h.motto),
    ruleParagraph(ptToTwips(h.mottoRule), cellInnerTw(right)),
  ].join("");

  const leftBottom = [
    textParagraph({ style: STYLE.number }, h.number),
    h.abstract !== undefined && h.abstract !== "" ? textParagraph({ style: STYLE.abstract }, h.abstract) : "",
  ].join("");
  const rightBottom =
    h.placeDate !== undefined && h.placeDate !== "" ? textParagraph({ style: STYLE.placeDate }, h.placeDate) : paragraphXml({ style: STYLE.number });

  return layoutTableXml(
    [left, right],
    [
      [leftTop, rightTop],
      [leftBottom, rightBottom],
    ],
    true,
  );
}
