/**
 * Column widths of the data tables, decided once with the real font metrics at
 * the text width of the table's own page (portrait or landscape): both
 * renderers set the widths given here.
 *
 * A table's columns come from compose as preferences (relative widths; a
 * column may be fixed). Every column is at least as wide as its longest word
 * (header included), so "STT" never breaks into "ST/T"; the room a column
 * needs is taken from the columns that have room to spare. A table that asks
 * for it (`fitToContent`) has the room of its free columns shared out so that
 * the table is shortest: a mostly empty "Ghi chú" gives its room to the long
 * targets.
 */
import { TABLE_CELL_MARGIN_PT } from "../document/conventions.ts";
import type { Run, TableBlock } from "../document/model.ts";
import type { FaceKey, FontMetrics } from "../pdf/types.ts";

const MM = 72 / 25.4;
/** No free column of a fitted table narrower than this: a typist leaves room to write a note by hand. */
const MIN_FREE_PT = 20 * MM;
/** Left and right cell margins. */
const CELL_MARGINS_PT = 2 * TABLE_CELL_MARGIN_PT;
/** Room left beside the longest word, so that rounding in either renderer never breaks it. */
const WORD_SLACK_PT = 1;

/** A paragraph of a cell as the widths of its words and of a space. */
interface Paragraph {
  words: number[];
  space: number;
}

const faceOf = (bold: boolean, italic: boolean): FaceKey => (bold ? (italic ? "boldItalic" : "bold") : italic ? "italic" : "regular");

/** The words of a paragraph of runs, each measured in its runs' faces (a word may span runs). */
function measureParagraph(runs: readonly Run[], header: boolean, size: number, metrics: FontMetrics): Paragraph {
  const words: number[] = [];
  let current = 0;
  let open = false;
  for (const run of runs) {
    const face = faceOf(header || run.bold === true, run.italic === true);
    for (const piece of run.text.normalize("NFC").split(/(\s+)/)) {
      if (piece === "") continue;
      if (/^\s+$/.test(piece)) {
        if (open) words.push(current);
        current = 0;
        open = false;
      } else {
        current += metrics.width(piece, face, size);
        open = true;
      }
    }
  }
  if (open) words.push(current);
  return { words, space: metrics.width(" ", header ? "bold" : "regular", size) };
}

/** Lines a paragraph takes in `inner` points, breaking greedily at spaces. */
function linesOf(p: Paragraph, inner: number): number {
  let lines = 1;
  let x = 0;
  for (const w of p.words) {
    if (x > 0 && x + p.space + w > inner) {
      lines++;
      x = w;
    } else x += (x > 0 ? p.space : 0) + w;
  }
  return lines;
}

/** The cells of each row by grid column (a cell spanning columns counts for none: it sets no column's width). */
function cellsByColumn(t: TableBlock, size: number, metrics: FontMetrics): (Paragraph[] | undefined)[][] {
  const n = t.columns.length;
  return t.rows.map((row, r) => {
    const out: (Paragraph[] | undefined)[] = Array(n).fill(undefined);
    let col = 0;
    for (const cell of row.cells) {
      const span = Math.max(1, cell.colSpan ?? 1);
      if (col < n && span === 1) out[col] = cell.paragraphs.map((runs) => measureParagraph(runs, r < t.headerRows, size, metrics));
      col += span;
    }
    return out;
  });
}

/** The preferred widths scaled to `width`. */
function preferred(t: TableBlock, width: number): number[] {
  const w = t.columns.map((c) => (Number.isFinite(c.width) && c.width > 0 ? c.width : 0));
  const sum = w.reduce((a, b) => a + b, 0);
  return sum > 0 ? w.map((x) => (width * x) / sum) : t.columns.map(() => width / t.columns.length);
}

/**
 * Raises each column below its minimum to it, taking the room from the
 * others in proportion to what they have above their own minimum. When the
 * minimums do not fit the width at all, the widths are the minimums scaled
 * down (a word then breaks, as it must).
 */
export function raiseToMinimums(widths: readonly number[], mins: readonly number[]): number[] {
  const total = widths.reduce((a, b) => a + b, 0);
  const minTotal = mins.reduce((a, b) => a + b, 0);
  if (minTotal >= total) return mins.map((m) => (total * m) / minTotal);
  const need = widths.reduce((s, w, i) => s + Math.max(0, mins[i]! - w), 0);
  if (need === 0) return [...widths];
  const spare = widths.map((w, i) => Math.max(0, w - mins[i]!));
  const spareTotal = spare.reduce((a, b) => a + b, 0);
  return widths.map((w, i) => (w < mins[i]! ? mins[i]! : w - (need * spare[i]!) / spareTotal));
}

/**
 * The widths of the free columns (whole per cent of the width) that give the
 * fewest lines over all rows, each row counting its tallest cell; ties go to
 * the widths nearest the preferred ones. Searches the splits of two or three
 * free columns (in 2 % steps, then 1 % steps near the best); with more, the
 * preferred widths stay.
 */
function fitFree(t: TableBlock, width: number, start: readonly number[], mins: readonly number[], cells: (Paragraph[] | undefined)[][]): number[] {
  const free = t.columns.map((_, i) => i).filter((i) => !t.columns[i]!.fixed);
  if (free.length < 2 || free.length > 3) return [...start];
  const pct = (w: number) => (w / width) * 100;
  const budget = Math.round(free.reduce((s, i) => s + pct(start[i]!), 0));
  const shares = free.map((i) => pct(start[i]!));
  const minShare = free.map((i) => Math.ceil(pct(Math.max(MIN_FREE_PT, mins[i]!))));
  const memo: Int32Array[][] = t.columns.map(() => []);
  const cellLines = (col: number, inner: number): Int32Array => Int32Array.from(cells, (r) => (r[col] ?? []).reduce((n, p) => n + linesOf(p, inner), 0));
  const freeLines = (k: number, share: number): Int32Array => {
    const col = free[k]!;
    let v = memo[col]![share];
    if (!v) memo[col]![share] = v = cellLines(col, (share / 100) * width - CELL_MARGINS_PT);
    return v;
  };
  // The fixed columns' lines per row, then each candidate adds the free ones.
  const base = new Int32Array(cells.length);
  t.columns.forEach((c, col) => {
    if (!c.fixed) return;
    const l = cellLines(col, start[col]! - CELL_MARGINS_PT);
    for (let r = 0; r < cells.length; r++) base[r] = Math.max(base[r]!, l[r]!);
  });
  const cost = (vals: readonly number[]) => {
    const cols = vals.map((share, k) => freeLines(k, share));
    let total = 0;
    for (let r = 0; r < cells.length; r++) {
      let m = base[r]!;
      for (const c of cols) if (c[r]! > m) m = c[r]!;
      total += m;
    }
    return total;
  };
  const dist = (vals: readonly number[]) => vals.reduce((s, v, k) => s + (v - shares[k]!) ** 2, 0);
  let best: { vals: number[]; cost: number; dist: number } | undefined;
  const consider = (vals: number[]) => {
    const c = cost(vals);
    const d = dist(vals);
    if (!best || c < best.cost || (c === best.cost && d < best.dist)) best = { vals, cost: c, dist: d };
  };
  if (free.length === 2) {
    for (let x = minShare[0]!; budget - x >= minShare[1]!; x++) consider([x, budget - x]);
  } else {
    for (let x = minShare[0]!; x <= budget; x += 2) for (let y = minShare[1]!; budget - x - y >= minShare[2]!; y += 2) consider([x, y, budget - x - y]);
    if (best) {
      const [bx, by] = best.vals as [number, number, number];
      for (let x = Math.max(minShare[0]!, bx - 2); x <= bx + 2; x++) for (let y = Math.max(minShare[1]!, by - 2); y <= by + 2 && budget - x - y >= minShare[2]!; y++) consider([x, y, budget - x - y]);
    }
  }
  if (!best) return [...start];
  // The free columns share exactly the room the preferred ones had (the budget's rounding goes to the last).
  const room = free.reduce((s, i) => s + start[i]!, 0);
  const out = [...start];
  let used = 0;
  free.forEach((col, k) => {
    const w = k === free.length - 1 ? room - used : (best!.vals[k]! / 100) * width;
    out[col] = w;
    used += w;
  });
  return out;
}

/** The widths in points of a table's columns, adding up to `width`. */
export function arrangeColumns(t: TableBlock, width: number, sizePt: number, metrics: FontMetrics): number[] {
  const size = t.fontSize ?? sizePt;
  const cells = cellsByColumn(t, size, metrics);
  const mins = t.columns.map((_, col) => Math.max(0, ...cells.flatMap((r) => (r[col] ?? []).flatMap((p) => p.words))) + CELL_MARGINS_PT + WORD_SLACK_PT);
  const start = raiseToMinimums(preferred(t, width), mins);
  return t.fitToContent ? fitFree(t, width, start, mins, cells) : start;
}
