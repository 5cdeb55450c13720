/**
 * The header block: a borderless two-column table.
 * Row 1: left Cơ quan chủ quản (regular) over Cơ quan ban hành (bold) and a short
 * centred line; right Quốc hiệu over Tiêu ngữ and a line as long as the Tiêu ngữ.
 * Row 2: left the number line (and "V/v ..." of a công văn); right the place and date,
 * level with the number. Minutes have no place-and-date line: the cell stays empty.
 */
import { MOTTO, NATIONAL_TITLE } from "../../document/conventions.ts";
import type { DocHeader } from "../../document/model.ts";
import {
  cellInnerTw,
  HEADER_LEFT_FRACTION,
  layoutTableXml,
  linesWidthTw,
  ruleParagraph,
  SHORT_RULE_FRACTION,
  type RenderContext,
} from "./layout.ts";
import { STYLE } from "../../document/style-roles.ts";
import { paragraphXml, textParagraph } from "./wml.ts";

export { MOTTO, NATIONAL_TITLE };

export function headerXml(header: DocHeader, ctx: RenderContext): string {
  const s = ctx.style.styles;
  const left = Math.round(ctx.textWidthTw * HEADER_LEFT_FRACTION);
  const right = ctx.textWidthTw - left;

  const issuerWidth = linesWidthTw(header.issuer, s.issuer.sizePt, s.issuer.bold);
  const leftTop = [
    header.parentBody !== undefined && header.parentBody !== "" ? textParagraph({ style: STYLE.parentBody }, header.parentBody) : "",
    ...header.issuer.map((line) => textParagraph({ style: STYLE.issuer }, line)),
    ruleParagraph(issuerWidth * SHORT_RULE_FRACTION, cellInnerTw(left)),
  ].join("");

  const mottoWidth = linesWidthTw([MOTTO], s.motto.sizePt, s.motto.bold);
  const rightTop = [
    textParagraph({ style: STYLE.nationalTitle }, NATIONAL_TITLE),
    textParagraph({ style: STYLE.motto }, MOTTO),
    ruleParagraph(mottoWidth, cellInnerTw(right)),
  ].join("");

  const leftBottom = [
    textParagraph({ style: STYLE.number }, header.number),
    header.abstract !== undefined && header.abstract !== "" ? textParagraph({ style: STYLE.abstract }, header.abstract) : "",
  ].join("");
  const rightBottom =
    header.placeDate !== undefined && header.placeDate !== ""
      ? textParagraph({ style: STYLE.placeDate }, header.placeDate)
      : paragraphXml({ style: STYLE.number });

  return layoutTableXml(
    [left, right],
    [
      [leftTop, rightTop],
      [leftBottom, rightBottom],
    ],
    true,
  );
}
