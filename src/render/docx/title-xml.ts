import { AFTER_TITLE_PT, KINH_GUI, TITLE_RULE_GAP_PT } from "../../document/conventions.ts";
/** The title (tên loại, trích yếu and the short line under them), "Kính gửi:" and căn cứ lines. */
import type { AdminDocument } from "../../document/model.ts";
import { linesWidthTw, ptToTwips, ruleParagraph, SHORT_RULE_FRACTION, type RenderContext } from "./layout.ts";
import { STYLE } from "../../document/style-roles.ts";
import { textWidthPt } from "./text-width.ts";
import { paragraphXml, runXml, textParagraph } from "./wml.ts";

/** Space between the line under the title and what follows. */
const AFTER_TITLE_TW = ptToTwips(AFTER_TITLE_PT);

export function titleXml(title: NonNullable<AdminDocument["title"]>, ctx: RenderContext): string {
  const s = ctx.style.styles;
  const summary = title.summary.filter((l) => l !== "");
  // The line goes under the trích yếu; without one, under the type name.
  const width =
    summary.length > 0
      ? linesWidthTw(summary, s.summary.sizePt, s.summary.bold)
      : linesWidthTw([title.type], s.docType.sizePt, s.docType.bold);
  return [
    title.type !== "" ? textParagraph({ style: STYLE.docType }, title.type) : "",
    ...summary.map((line) => textParagraph({ style: STYLE.summary }, line)),
    ruleParagraph(width * SHORT_RULE_FRACTION, ctx.textWidthTw, AFTER_TITLE_TW, ptToTwips(TITLE_RULE_GAP_PT)),
  ].join("");
}

export { KINH_GUI };

/**
 * One recipient: "Kính gửi: X" centred. Several: "Kính gửi:" then the first item on
 * the same line, the others aligned under it; the block is centred on its widest line
 * (at most a third of the width from the left margin).
 */
export function kinhGuiXml(recipients: readonly string[], ctx: RenderContext): string {
  const first = recipients[0];
  if (first === undefined) return "";
  if (recipients.length === 1) return textParagraph({ style: STYLE.addressee }, `${KINH_GUI} ${first}`);
  const size = ctx.style.styles.addressee.sizePt;
  const label = ptToTwips(textWidthPt(`${KINH_GUI} `, size)) + 60;
  const widest = Math.max(...recipients.map((r) => ptToTwips(textWidthPt(r, size))));
  const start = Math.max(0, Math.min(Math.round(ctx.textWidthTw / 3), Math.round((ctx.textWidthTw - label - widest) / 2)));
  const left = start + label;
  const last = recipients.length - 1;
  return recipients
    .map((r, i) => {
      // Spacing of the style above the first and below the last line only.
      const spacing = { ...(i > 0 ? { before: 0 } : {}), ...(i < last ? { after: 0 } : {}) };
      return i === 0
        ? paragraphXml(
            { style: STYLE.addressee, tabs: [{ val: "left", pos: left }], spacing, ind: { left, hanging: label }, jc: "left" },
            runXml(`${KINH_GUI}\t${r}`),
          )
        : paragraphXml({ style: STYLE.addressee, spacing, ind: { left, firstLine: 0 }, jc: "left" }, runXml(r));
    })
    .join("");
}

/** Căn cứ lines, italic by their style; punctuation is in the data. */
export function basesXml(bases: readonly string[]): string {
  return bases.map((b) => textParagraph({ style: STYLE.basis }, b)).join("");
}
