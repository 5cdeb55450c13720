import { NOI_NHAN, RECIPIENTS_AFTER_PAIR_PT, SIGNATURE_SPACE_LINES } from "../../document/conventions.ts";
import { ptToTwips } from "./units.ts";
/**
 * The end of the document: signature blocks and Nơi nhận.
 * "single": a borderless table, Nơi nhận left, the signer's block right.
 * "pair" (minutes): THƯ KÝ's block left, CHỦ TỌA's right, Nơi nhận below.
 * The table row never splits across pages.
 */
import type { SignatureBlock } from "../../document/model.ts";
import { layoutTableXml, SIGNATURE_LEFT_FRACTION, splitWidths, type RenderContext } from "./layout.ts";
import { STYLE } from "../../document/style-roles.ts";
import { paragraphXml, textParagraph } from "./wml.ts";

export { NOI_NHAN, SIGNATURE_SPACE_LINES };

/** Title lines, the space for the signature, the name; `padTo` adds empty title lines to level names. */
export function signatureBlockXml(sig: SignatureBlock, padTo = sig.lines.length): string {
  const pad = Math.max(0, padTo - sig.lines.length);
  return [
    ...sig.lines.map((line) => textParagraph({ style: STYLE.signatureTitle }, line)),
    ...Array.from({ length: pad }, () => paragraphXml({ style: STYLE.signatureTitle })),
    ...Array.from({ length: SIGNATURE_SPACE_LINES }, () => paragraphXml({ style: STYLE.signatureSpace })),
    sig.name !== "" ? textParagraph({ style: STYLE.signatureName }, sig.name) : paragraphXml({ style: STYLE.signatureName }),
  ].join("");
}

export function recipientsXml(recipients: readonly string[], spaceBeforeTw?: number): string {
  return [
    textParagraph(
      { style: STYLE.recipientsLabel, keepNext: true, ...(spaceBeforeTw !== undefined ? { spacing: { before: spaceBeforeTw } } : {}) },
      NOI_NHAN,
    ),
    ...recipients.map((r, i) => textParagraph({ style: STYLE.recipientsItem, keepNext: i < recipients.length - 1 }, r)),
  ].join("");
}

/** Left and right signatures of minutes: by role, else by order. */
export function pairSides(sigs: readonly SignatureBlock[]): [SignatureBlock | undefined, SignatureBlock | undefined] {
  const secretary = sigs.find((s) => s.role === "secretary");
  const chair = sigs.find((s) => s.role === "chair");
  const rest = sigs.filter((s) => s !== secretary && s !== chair);
  return [secretary ?? rest.shift(), chair ?? rest.shift()];
}

export function signatureXml(
  layout: "single" | "pair",
  sigs: readonly SignatureBlock[],
  recipients: readonly string[] | undefined,
  ctx: RenderContext,
): string {
  const noiNhan = recipients !== undefined && recipients.length > 0 ? recipientsXml(recipients) : "";
  if (layout === "single") {
    if (sigs.length === 0 && noiNhan === "") return "";
    const widths = splitWidths(ctx.textWidthTw, [SIGNATURE_LEFT_FRACTION, 1 - SIGNATURE_LEFT_FRACTION]);
    const right = sigs.map((s) => signatureBlockXml(s)).join(paragraphXml({ style: STYLE.signatureSpace }));
    return layoutTableXml(widths, [[noiNhan, right]], true);
  }
  const [left, right] = pairSides(sigs);
  const lines = Math.max(left?.lines.length ?? 0, right?.lines.length ?? 0);
  const table = layoutTableXml(
    splitWidths(ctx.textWidthTw, [1, 1]),
    [[left ? signatureBlockXml(left, lines) : "", right ? signatureBlockXml(right, lines) : ""]],
    true,
  );
  return table + (recipients !== undefined && recipients.length > 0 ? recipientsXml(recipients, ptToTwips(RECIPIENTS_AFTER_PAIR_PT)) : "");
}
