/**
 * A sheet's data validations with one rule per range and no cell under two rules. ExcelJS 4.4
 * groups the cells of one rule into ranges that overlap ("E10:E18" and "E9:E18" for one rule),
 * which Excel may report as needing repair. Here the rules are read back from the sheet's XML,
 * the same rule's cells are joined, and each rule is written once with ranges that do not overlap.
 */

/** "D8" → [col, row], 1-based. */
function cell(ref: string): [number, number] | undefined {
  const m = /^([A-Z]{1,3})(\d+)$/.exec(ref);
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return [col, Number(m[2])];
}

function colName(col: number): string {
  let s = "";
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** The cells of a sqref ("D6 D8:D10"), or undefined when it holds something this does not read. */
function cellsOf(sqref: string): Set<string> | undefined {
  const out = new Set<string>();
  for (const part of sqref.trim().split(/\s+/)) {
    const [a, b = a] = part.split(":");
    const from = cell(a!);
    const to = cell(b!);
    if (!from || !to) return undefined;
    // A form's rules cover a few hundred cells at most; a whole-column rule is not ours.
    if ((Math.abs(to[0] - from[0]) + 1) * (Math.abs(to[1] - from[1]) + 1) > 100_000) return undefined;
    for (let c = Math.min(from[0], to[0]); c <= Math.max(from[0], to[0]); c++)
      for (let r = Math.min(from[1], to[1]); r <= Math.max(from[1], to[1]); r++) out.add(`${colName(c)}${r}`);
  }
  return out;
}

/** Cells as ranges: each column's rows in runs, then neighbouring columns with the same run joined into rectangles. */
function rangesOf(cells: ReadonlySet<string>): string {
  const byCol = new Map<number, number[]>();
  for (const ref of cells) {
    const [c, r] = cell(ref)!;
    (byCol.get(c) ?? byCol.set(c, []).get(c)!).push(r);
  }
  const runs: { c1: number; c2: number; r1: number; r2: number }[] = [];
  for (const c of [...byCol.keys()].sort((a, b) => a - b)) {
    const rows = byCol.get(c)!.sort((a, b) => a - b);
    for (let i = 0; i < rows.length; ) {
      let j = i;
      while (j + 1 < rows.length && rows[j + 1] === rows[j]! + 1) j++;
      const run = { r1: rows[i]!, r2: rows[j]! };
      const left = runs.find((x) => x.c2 === c - 1 && x.r1 === run.r1 && x.r2 === run.r2);
      if (left) left.c2 = c;
      else runs.push({ c1: c, c2: c, ...run });
      i = j + 1;
    }
  }
  return runs
    .map(({ c1, c2, r1, r2 }) => (c1 === c2 && r1 === r2 ? `${colName(c1)}${r1}` : `${colName(c1)}${r1}:${colName(c2)}${r2}`))
    .join(" ");
}

const RULE = /<dataValidation\b([^>]*?)\ssqref="([^"]*)"([^>]*)>([\s\S]*?)<\/dataValidation>/g;

/** The sheet's XML with its data validations rewritten as one rule per range; unchanged when it has none or holds what this does not read. */
export function tidyValidations(xml: string): string {
  const block = /<dataValidations\b[^>]*>([\s\S]*?)<\/dataValidations>/.exec(xml);
  if (!block) return xml;
  const rules = new Map<string, Set<string>>();
  for (const m of block[1]!.matchAll(RULE)) {
    const key = `<dataValidation${m[1]}${m[3]}>${m[4]}</dataValidation>`;
    const cells = cellsOf(m[2]!);
    if (!cells) return xml;
    const all = rules.get(key) ?? rules.set(key, new Set()).get(key)!;
    for (const c of cells) all.add(c);
  }
  // A cell under two different rules keeps the first (ExcelJS gives each cell one rule; this is a guard).
  const taken = new Set<string>();
  const written: string[] = [];
  for (const [key, cells] of rules) {
    const own = new Set([...cells].filter((c) => !taken.has(c)));
    for (const c of own) taken.add(c);
    if (own.size) written.push(key.replace(/^<dataValidation/, `<dataValidation sqref="${rangesOf(own)}"`));
  }
  return xml.replace(block[0], `<dataValidations count="${written.length}">${written.join("")}</dataValidations>`);
}
