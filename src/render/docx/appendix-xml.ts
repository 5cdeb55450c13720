/** Appendices (Phụ lục): label, title, "(Kèm theo ...)" line, then the blocks. */
import type { AppendixHeading, BlockFlow, TableColumns } from "../../arrange/types.ts";
import type { Appendix } from "../../document/model.ts";
import { blocksXml } from "./blocks-xml.ts";
import type { RenderContext } from "./layout.ts";
import { STYLE } from "../../document/style-roles.ts";
import { ptToTwips } from "./units.ts";
import { paragraphXml, textParagraph } from "./wml.ts";

/** `newPage`: start on a new page by a page break (not needed after a section break); `flows`: the arranged flow of its blocks; `tables`: its tables' column widths. */
export function appendixXml(h: AppendixHeading, appendix: Appendix, flows: readonly BlockFlow[], ctx: RenderContext, newPage: boolean, tables: TableColumns = {}): string {
  const lastTitle = h.title.length - 1;
  return [
    textParagraph({ style: STYLE.appendixLabel, pageBreakBefore: newPage || undefined }, h.label),
    ...h.title.map((line, i) =>
      textParagraph(
        { style: STYLE.appendixTitle, ...(i === lastTitle && h.titleSpaceAfter !== undefined ? { spacing: { after: ptToTwips(h.titleSpaceAfter) } } : {}) },
        line,
      ),
    ),
    h.attachedTo !== undefined ? textParagraph({ style: STYLE.appendixAttachedTo }, h.attachedTo) : "",
    blocksXml(appendix.body, flows, ctx, tables),
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
