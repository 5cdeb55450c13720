/** Appendices (Phụ lục): label, title, "(Kèm theo ...)" line, then the blocks. */
import type { Appendix } from "../../document/model.ts";
import { blocksXml } from "./blocks-xml.ts";
import type { RenderContext } from "./layout.ts";
import { STYLE } from "../../document/style-roles.ts";
import { paragraphXml, textParagraph } from "./wml.ts";

/** Space under the appendix heading when it has no "(Kèm theo ...)" line. */
const AFTER_HEADING_TW = 240;

/** `newPage`: start on a new page by a page break (not needed after a section break). */
export function appendixXml(appendix: Appendix, ctx: RenderContext, newPage: boolean): string {
  const hasAttached = appendix.attachedTo !== undefined && appendix.attachedTo !== "";
  const title = appendix.title.filter((l) => l !== "");
  const lastTitle = title.length - 1;
  return [
    textParagraph({ style: STYLE.appendixLabel, pageBreakBefore: newPage || undefined }, appendix.label),
    ...title.map((line, i) =>
      textParagraph(
        { style: STYLE.appendixTitle, ...(i === lastTitle && !hasAttached ? { spacing: { after: AFTER_HEADING_TW } } : {}) },
        line,
      ),
    ),
    hasAttached ? textParagraph({ style: STYLE.appendixAttachedTo }, appendix.attachedTo ?? "") : "",
    blocksXml(appendix.body, ctx),
  ].join("");
}

/** An empty, one-point-high paragraph that ends a section. */
export function sectionBreakXml(sectPr: string): string {
  return paragraphXml({
    spacing: { before: 0, after: 0, line: 20, lineRule: "exact" },
    ind: { firstLine: 0 },
    markSizePt: 1,
    sectPr,
  });
}
