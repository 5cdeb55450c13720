import { ptToTwips } from "./units.ts";
import { AFTER_TABLE_PT } from "../../document/conventions.ts";
/** Body blocks: headings, paragraphs, "- " items, tables, page breaks. */
import type { TableColumns } from "../../arrange/types.ts";
import type { Block } from "../../document/model.ts";
import type { RenderContext } from "./layout.ts";
import { STYLE } from "../../document/style-roles.ts";
import { tableXml } from "./table-xml.ts";
import { paragraphXml, runsXml, type PPr } from "./wml.ts";

const HEADING_STYLE = { 1: STYLE.heading1, 2: STYLE.heading2, 3: STYLE.heading3 } as const;

/** Space between a table and the paragraph after it. */
const AFTER_TABLE_TW = ptToTwips(AFTER_TABLE_PT);

function blockXml(block: Block, ctx: RenderContext, keepNext: boolean, afterTable: boolean, columns: readonly number[] | undefined): string {
  const keep: PPr = {
    ...(keepNext ? { keepNext: true } : {}),
    ...(afterTable ? { spacing: { before: AFTER_TABLE_TW } } : {}),
  };
  switch (block.kind) {
    case "heading":
      return paragraphXml({ style: HEADING_STYLE[block.level], ...keep }, runsXml(block.runs));
    case "paragraph": {
      const p: PPr = { ...keep };
      if (block.indent === false) p.ind = { firstLine: 0 };
      if (block.align !== undefined && block.align !== ctx.style.styles.body.align) p.jc = block.align;
      return paragraphXml(p, runsXml(block.runs));
    }
    case "item":
      return paragraphXml({ style: STYLE.item, ...keep }, runsXml(block.runs));
    case "table":
      return tableXml(block, ctx, columns);
    case "pageBreak":
      // One point high, so the rest of the paragraph adds no empty line on the next page.
      return paragraphXml(
        { spacing: { before: 0, after: 0, line: 20, lineRule: "exact" }, ind: { firstLine: 0 }, markSizePt: 1 },
        '<w:r><w:br w:type="page"/></w:r>',
      );
  }
}

/**
 * The blocks in order, the tables at the arrangement's column widths. With `keepLastWithNext`, the last paragraph keeps with what
 * follows (the signature table), so a page never starts with the signature alone.
 */
export function blocksXml(blocks: readonly Block[], ctx: RenderContext, keepLastWithNext = false, tables: TableColumns = {}): string {
  return blocks
    // A paragraph introducing a table stays with its first rows.
    .map((b, i) => blockXml(b, ctx, (keepLastWithNext && i === blocks.length - 1) || blocks[i + 1]?.kind === "table", blocks[i - 1]?.kind === "table", tables[i]))
    .join("");
}
