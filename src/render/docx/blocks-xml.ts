/**
 * Body blocks: headings, paragraphs, "- " items, tables, page breaks. How they
 * flow across pages is the arrangement's (src/arrange/flow.ts): its flags
 * become w:keepNext, w:keepLines and w:widowControl where they differ from
 * what the paragraph's style already says, and its space after a table the
 * paragraph's space before. Tables take the arrangement's column widths.
 */
import type { BlockFlow, TableColumns } from "../../arrange/types.ts";
import type { Block } from "../../document/model.ts";
import type { ParagraphStyle } from "../../document/style.ts";
import { STYLE } from "../../document/style-roles.ts";
import type { RenderContext } from "./layout.ts";
import { tableXml } from "./table-xml.ts";
import { ptToTwips } from "./units.ts";
import { paragraphXml, runsXml, type PPr } from "./wml.ts";

const HEADING_STYLE = { 1: STYLE.heading1, 2: STYLE.heading2, 3: STYLE.heading3 } as const;
const HEADING_ROLE = { 1: "heading1", 2: "heading2", 3: "heading3" } as const;

/** The flow's flags as paragraph properties, stated only where the style says otherwise. */
function flowPPr(flow: BlockFlow, style: ParagraphStyle): PPr {
  return {
    ...(flow.keepWithNext !== style.keepNext ? { keepNext: flow.keepWithNext } : {}),
    ...(flow.keepLines ? { keepLines: true } : {}),
    ...(flow.widowControl !== style.widowControl ? { widowControl: flow.widowControl } : {}),
    ...(flow.spaceBefore !== undefined ? { spacing: { before: ptToTwips(flow.spaceBefore) } } : {}),
  };
}

function blockXml(block: Block, flow: BlockFlow, ctx: RenderContext, columns: readonly number[] | undefined): string {
  const s = ctx.style.styles;
  switch (block.kind) {
    case "heading":
      return paragraphXml({ style: HEADING_STYLE[block.level], ...flowPPr(flow, s[HEADING_ROLE[block.level]]) }, runsXml(block.runs));
    case "paragraph": {
      const p: PPr = flowPPr(flow, s.body);
      if (block.indent === false) p.ind = { firstLine: 0 };
      if (block.align !== undefined && block.align !== s.body.align) p.jc = block.align;
      return paragraphXml(p, runsXml(block.runs));
    }
    case "item":
      return paragraphXml({ style: STYLE.item, ...flowPPr(flow, s.item) }, runsXml(block.runs));
    case "table":
      if (!flow.table) throw new Error("a table without its arranged flow");
      return tableXml(block, flow.table, ctx, columns);
    case "pageBreak":
      // One point high, so the rest of the paragraph adds no empty line on the next page.
      return paragraphXml(
        { spacing: { before: 0, after: 0, line: 20, lineRule: "exact" }, ind: { firstLine: 0 }, markSizePt: 1 },
        '<w:r><w:br w:type="page"/></w:r>',
      );
  }
}

/** The blocks in order, each with its arranged flow (one per block), the tables at the arrangement's column widths. */
export function blocksXml(blocks: readonly Block[], flows: readonly BlockFlow[], ctx: RenderContext, tables: TableColumns = {}): string {
  if (flows.length !== blocks.length) throw new Error(`${blocks.length} blocks but ${flows.length} arranged flows`);
  return blocks.map((b, i) => blockXml(b, flows[i]!, ctx, tables[i])).join("");
}
