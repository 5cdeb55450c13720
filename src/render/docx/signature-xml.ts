/**
 * The end of the document, as arranged: signature blocks and Nơi nhận.
 * "single": a borderless table, Nơi nhận left, the signer's block right.
 * "pair" (minutes): the left side's block (THƯ KÝ) left, the right side's
 * (CHỦ TỌA) right, Nơi nhận below. The table row never splits across pages.
 */
import type { RecipientsArrangement, SignatureArrangement, SignatureSide } from "../../arrange/types.ts";
import { NOI_NHAN, SIGNATURE_SPACE_LINES } from "../../document/conventions.ts";
import { layoutTableXml, ptToTwips, splitWidths, type RenderContext } from "./layout.ts";
import { STYLE } from "../../document/style-roles.ts";
import { paragraphXml, textParagraph } from "./wml.ts";

export { NOI_NHAN, SIGNATURE_SPACE_LINES };

/**
 * Title lines, then the name, whose space before is the room for the signature
 * (and, in a pair, levels the names): spacing, no empty paragraphs.
 */
export function signatureBlockXml(sig: SignatureSide): string {
  return [
    ...sig.lines.map((line, i) => {
      const p = { style: STYLE.signatureTitle, ...(i === 0 && sig.spaceBefore !== undefined ? { spacing: { before: ptToTwips(sig.spaceBefore) } } : {}) };
      return line !== "" ? textParagraph(p, line) : paragraphXml(p);
    }),
    (sig.name !== "" ? textParagraph : paragraphXml)({ style: STYLE.signatureName, spacing: { before: ptToTwips(sig.nameSpaceBefore) } }, sig.name),
  ].join("");
}

export function recipientsXml(r: RecipientsArrangement, spaceBeforeTw?: number): string {
  // Wrapped lines of an item start after its "- " (the arrangement's indent).
  const itemInd = { left: ptToTwips(r.itemIndent.left), hanging: ptToTwips(r.itemIndent.hanging) };
  return [
    textParagraph({ style: STYLE.recipientsLabel, keepNext: true, ...(spaceBeforeTw !== undefined ? { spacing: { before: spaceBeforeTw } } : {}) }, r.label),
    ...r.items.map((item, i) => textParagraph({ style: STYLE.recipientsItem, keepNext: i < r.items.length - 1 || undefined, ind: itemInd }, item)),
  ].join("");
}

export function signatureXml(a: SignatureArrangement, ctx: RenderContext): string {
  const widths = splitWidths(ctx.textWidthTw, a.columns);
  if (a.layout === "single") {
    const right = a.signers.map((s) => signatureBlockXml(s)).join("");
    return layoutTableXml(widths, [[a.recipients ? recipientsXml(a.recipients) : "", right]], true);
  }
  const table = layoutTableXml(widths, [[a.left ? signatureBlockXml(a.left) : "", a.right ? signatureBlockXml(a.right) : ""]], true);
  return table + (a.recipients ? recipientsXml(a.recipients, ptToTwips(a.recipientsSpaceBefore)) : "");
}
