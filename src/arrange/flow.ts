/**
 * How the body flows across pages, decided once for both renderers: which
 * block keeps with the next, where widow and orphan control applies, the
 * table's grid (every cell of every row, spans and merges resolved, a short
 * row filled), its repeated header rows and rows that never split. The DOCX
 * renderer translates the flags into w:keepNext, w:keepLines, w:widowControl,
 * w:tblHeader, w:cantSplit, w:gridSpan and w:vMerge; the PDF layout honours
 * the same flags when it paginates. Pure; lengths in points.
 */
import { AFTER_TABLE_PT } from "../document/conventions.ts";
import type { Block, TableBlock, TableCell } from "../document/model.ts";
import type { ParagraphStyle, ShellStyle } from "../document/style.ts";
import type { BlockFlow, GridCell, TableFlow } from "./types.ts";

function styleOf(b: Block, s: ShellStyle["styles"]): ParagraphStyle | undefined {
  switch (b.kind) {
    case "heading":
      return [s.heading1, s.heading2, s.heading3][b.level - 1];
    case "paragraph":
      return s.body;
    case "item":
      return s.item;
    default:
      return undefined;
  }
}

/**
 * The grid of a table: each row lists the cells that start in it and the
 * continuations of the cells merged from above, column by column. A row with
 * fewer cells than columns is filled with empty cells; more cells than the
 * columns hold is a bug of the caller.
 */
export function tableGrid(t: TableBlock): GridCell[][] {
  const n = t.columns.length;
  const pending: ({ remaining: number; span: number } | undefined)[] = new Array(n).fill(undefined);
  return t.rows.map((row, r) => {
    const cells: GridCell[] = [];
    let next = 0;
    for (let col = 0; col < n; ) {
      const p = pending[col];
      if (p && p.remaining > 0) {
        cells.push({ kind: "continue", col, span: p.span });
        p.remaining -= 1;
        if (p.remaining === 0) pending[col] = undefined;
        col += p.span;
        continue;
      }
      const cell: TableCell = row.cells[next++] ?? { paragraphs: [] };
      const span = Math.max(1, Math.min(cell.colSpan ?? 1, n - col));
      const rowSpan = Math.max(1, cell.rowSpan ?? 1);
      if (rowSpan > 1) pending[col] = { remaining: rowSpan - 1, span };
      cells.push({ kind: "cell", col, span, rowSpan, cell });
      col += span;
    }
    if (next < row.cells.length) throw new Error(`table row ${r + 1} has more cells than the ${n} columns hold`);
    return cells;
  });
}

/** The flow of a table whose text is set in `tableTextPt` unless it has a size of its own. */
export function arrangeTable(t: TableBlock, tableTextPt: number): TableFlow {
  const repeat = Math.min(t.headerRows, t.rows.length);
  return {
    // Every paragraph of a cell, an empty one included, is set in the table's size.
    sizePt: t.fontSize ?? tableTextPt,
    repeatHeaderRows: repeat,
    rows: tableGrid(t).map((cells, r) => ({
      header: r < repeat,
      // The header rows stay with the first row under them.
      keepWithNext: r < repeat && r < t.rows.length - 1,
      cantSplit: true,
      cells,
    })),
  };
}

/**
 * The flow of a run of blocks. A paragraph introducing a table keeps with its
 * first rows; with `keepLastWithNext`, the last block keeps with what follows
 * (the signature), so a page never starts with the signature alone; the
 * paragraph after a table gets the space after tables.
 */
export function arrangeFlow(blocks: readonly Block[], style: ShellStyle, keepLastWithNext: boolean): BlockFlow[] {
  const s = style.styles;
  return blocks.map((b, i) => {
    const st = styleOf(b, s);
    const introducesTable = blocks[i + 1]?.kind === "table";
    const last = keepLastWithNext && i === blocks.length - 1;
    const flow: BlockFlow = {
      // Only paragraphs keep with the next: a table's rows decide for themselves.
      keepWithNext: st !== undefined && (st.keepNext || introducesTable || last),
      keepLines: false,
      widowControl: st?.widowControl ?? false,
      ...(blocks[i - 1]?.kind === "table" && st ? { spaceBefore: AFTER_TABLE_PT } : {}),
    };
    return b.kind === "table" ? { ...flow, table: arrangeTable(b, s.tableText.sizePt) } : flow;
  });
}
