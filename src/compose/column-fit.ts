/**
 * Column widths that follow a table's content: the shares of the text width
 * (the model's relative column widths, which the DOCX and the PDF renderer
 * both scale to the same widths) that make the table shortest, so that a
 * mostly empty "Ghi chú" does not take the room a long "Chỉ tiêu" needs.
 *
 * Compose has no fonts: text is measured with average Times New Roman
 * advances, which is enough to choose shares (the renderers then break lines
 * with the real metrics, both at the same widths).
 */

/** Text width of Decree 30's A4 page (210 mm less 30 mm and 15 mm margins) and the table text size. */
const TEXT_WIDTH_PT = (165 * 72) / 25.4;
const TABLE_SIZE_PT = 13;
/** No free column narrower than this share (20 mm): a typist leaves room to write a note by hand. */
const MIN_SHARE = 12;
/** Left and right cell margins (TABLE_CELL_MARGIN_PT, twice). */
const CELL_MARGINS_PT = 8.5;

/** Average advance of a character in em (Times New Roman): enough to compare column widths. */
function charEm(ch: string): number {
  if (ch === " ") return 0.25;
  if (/[0-9]/.test(ch)) return 0.5;
  if (/[.,;:!'’()\-–“”"/%]/.test(ch)) return 0.3;
  if (ch === ch.toUpperCase() && ch !== ch.toLowerCase()) return 0.7;
  return 0.47;
}

const wordsOf = (text: string) => text.normalize("NFC").split(/\s+/).filter(Boolean);
const widthPt = (word: string, bold: boolean) => [...word].reduce((s, c) => s + charEm(c), 0) * TABLE_SIZE_PT * (bold ? 1.08 : 1);

/** Lines a text takes in a column `inner` points wide, breaking greedily at spaces. */
export function estimateLines(text: string, inner: number, bold = false): number {
  return linesOfWords(
    wordsOf(text).map((w) => widthPt(w, bold)),
    inner,
  );
}

const SPACE_PT = 0.25 * TABLE_SIZE_PT;

function linesOfWords(widths: readonly number[], inner: number): number {
  let lines = 1;
  let x = 0;
  for (const ww of widths) {
    if (x > 0 && x + SPACE_PT + ww > inner) {
      lines++;
      x = ww;
    } else x += (x > 0 ? SPACE_PT : 0) + ww;
  }
  return lines;
}

export interface FitInput {
  /** The default shares, in per cent; a column marked fixed keeps its share. */
  shares: readonly number[];
  fixed: readonly boolean[];
  header: readonly string[];
  /** Each row's cell texts (paragraphs joined by a line break count as one paragraph each). */
  rows: readonly (readonly string[])[];
}

/**
 * The shares (whole per cent, summing to the same total) that give the
 * fewest lines over all rows, each row counting its tallest cell; a column is
 * never narrower than its longest word, nor than MIN_SHARE. Ties go to the shares nearest the
 * defaults. Deterministic; searches the splits of the free columns in 2 %
 * steps, then in 1 % steps near the best (at most three free columns are
 * searched; more keep their defaults).
 */
export function fitShares(input: FitInput): number[] {
  const { shares, fixed, header, rows } = input;
  const free = shares.map((_, i) => i).filter((i) => !fixed[i]);
  if (free.length < 2 || free.length > 3) return [...shares];
  const budget = free.reduce((s, i) => s + shares[i]!, 0);
  const pt = (share: number) => (share / 100) * TEXT_WIDTH_PT - CELL_MARGINS_PT;
  const minShare = (col: number) => {
    const words = [...wordsOf(header[col] ?? "").map((w) => widthPt(w, true)), ...rows.flatMap((r) => wordsOf(r[col] ?? "").map((w) => widthPt(w, false)))];
    return Math.max(MIN_SHARE, Math.ceil(((Math.max(0, ...words) + CELL_MARGINS_PT) / TEXT_WIDTH_PT) * 100));
  };
  const mins = free.map(minShare);
  // Lines of each cell at each share, measured once: the header is row 0.
  const table = [header, ...rows];
  // Word widths of each paragraph of each cell, measured once.
  const words = table.map((r, k) => shares.map((_, col) => (r[col] ?? "").split("\n").map((p) => wordsOf(p).map((w) => widthPt(w, k === 0)))));
  const memo: Int32Array[][] = shares.map(() => []);
  const cellLines = (col: number, share: number): Int32Array => {
    let v = memo[col]![share];
    if (!v) {
      const inner = pt(share);
      v = Int32Array.from(words, (r) => r[col]!.reduce((n, p) => n + linesOfWords(p, inner), 0));
      memo[col]![share] = v;
    }
    return v;
  };
  // The fixed columns' lines per row, then each candidate adds the free ones.
  const base = new Int32Array(table.length);
  shares.forEach((share, col) => {
    if (!fixed[col]) return;
    const l = cellLines(col, share);
    for (let k = 0; k < table.length; k++) base[k] = Math.max(base[k]!, l[k]!);
  });
  const cost = (vals: readonly number[]) => {
    const cols = vals.map((share, k) => cellLines(free[k]!, share));
    let total = 0;
    for (let k = 0; k < table.length; k++) {
      let m = base[k]!;
      for (const c of cols) if (c[k]! > m) m = c[k]!;
      total += m;
    }
    return total;
  };
  const dist = (vals: readonly number[]) => vals.reduce((s, v, k) => s + (v - shares[free[k]!]!) ** 2, 0);
  let bestVals = free.map((col) => shares[col]!);
  let bestCost = cost(bestVals);
  let bestDist = 0;
  const consider = (vals: number[]) => {
    const c = cost(vals);
    if (c > bestCost) return;
    const d = dist(vals);
    if (c < bestCost || d < bestDist) {
      bestVals = vals;
      bestCost = c;
      bestDist = d;
    }
  };
  if (free.length === 2) {
    for (let x = mins[0]!; budget - x >= mins[1]!; x++) consider([x, budget - x]);
  } else {
    // Every split in 2 % steps, then every 1 % split near the best one.
    for (let x = mins[0]!; x <= budget; x += 2) for (let y = mins[1]!; budget - x - y >= mins[2]!; y += 2) consider([x, y, budget - x - y]);
    const [bx, by] = bestVals as [number, number, number];
    for (let x = Math.max(mins[0]!, bx - 2); x <= bx + 2; x++) for (let y = Math.max(mins[1]!, by - 2); y <= by + 2 && budget - x - y >= mins[2]!; y++) consider([x, y, budget - x - y]);
  }
  const best = [...shares];
  free.forEach((col, k) => (best[col] = bestVals[k]!));
  return best;
}
