/** The title (tên loại, trích yếu and the short line under them), "Kính gửi:" and căn cứ lines, as arranged. */
import type { KinhGuiArrangement, TitleArrangement } from "../../arrange/types.ts";
import { KINH_GUI } from "../../document/conventions.ts";
import { ptToTwips, ruleParagraph, type RenderContext } from "./layout.ts";
import { STYLE } from "../../document/style-roles.ts";
import { paragraphXml, runXml, textParagraph } from "./wml.ts";

export function titleXml(t: TitleArrangement, ctx: RenderContext): string {
  return [
    // The arrangement's lines, one paragraph each block, a line break (w:br) between lines.
    t.type.length ? textParagraph({ style: STYLE.docType }, t.type.join("\n")) : "",
    t.summary.length ? textParagraph({ style: STYLE.summary }, t.summary.join("\n")) : "",
    ruleParagraph(ptToTwips(t.rule), ctx.textWidthTw, ptToTwips(t.ruleSpaceAfter), ptToTwips(t.ruleSpaceBefore)),
  ].join("");
}

export { KINH_GUI };

/**
 * One recipient: "Kính gửi: X" centred. Several: "Kính gửi:" then the first item on
 * the same line (a tab to the items' indent), the others aligned under it.
 */
export function kinhGuiXml(k: KinhGuiArrangement): string {
  if (k.kind === "line") return textParagraph({ style: STYLE.addressee }, k.text);
  const left = ptToTwips(k.textX);
  const label = left - ptToTwips(k.labelX);
  const last = k.items.length - 1;
  return k.items
    .map((r, i) => {
      // Spacing of the style above the first and below the last line only.
      const spacing = { ...(i > 0 ? { before: 0 } : {}), ...(i < last ? { after: 0 } : {}) };
      return i === 0
        ? paragraphXml(
            { style: STYLE.addressee, tabs: [{ val: "left", pos: left }], spacing, ind: { left, hanging: label }, jc: "left" },
            runXml(`${k.label}\t${r}`),
          )
        : paragraphXml({ style: STYLE.addressee, spacing, ind: { left, firstLine: 0 }, jc: "left" }, runXml(r));
    })
    .join("");
}

/** Căn cứ lines, italic by their style; punctuation is in the data. */
export function basesXml(bases: readonly string[]): string {
  return bases.map((b) => textParagraph({ style: STYLE.basis }, b)).join("");
}
