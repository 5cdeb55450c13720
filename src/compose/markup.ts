import type { Block, Run } from "../document/model.ts";
import { TABLE_END, TABLE_MARK, VALUE_CLOSE, VALUE_OPEN } from "./marks.ts";

export { TABLE_MARK } from "./marks.ts";

/**
 * The light Markdown of document bodies, one block per non-blank line:
 *   "# I. MỤC ĐÍCH"  level-1 heading      "## 1. Mục đích:"  level-2 heading
 *   "### a) ..."     level-3 heading      "- ..."            item
 *   any other line   body paragraph       "**b**", "*i*"     bold and italic runs
 * A line holding only a table marker (see TABLE_MARK) becomes that table.
 * Values from the data (marked, see marks.ts) never make structure: a value
 * that starts with "# " or "- " is a paragraph's text, not a heading or an item
 * (line breaks in values are gone before, see safe-context.ts).
 */
export function parseMarkup(text: string, tables: ReadonlyMap<string, Block[]>): Block[] {
  const blocks: Block[] = [];
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (!line) continue;
    if (line.startsWith(TABLE_MARK)) {
      const name = line.slice(TABLE_MARK.length).replace(TABLE_END, "");
      const table = tables.get(name);
      // {{bang}} checks the name against the same tables: a miss here is a bug of the tool, not of the data.
      if (!table) throw new Error(`parseMarkup: no table "${name}"`);
      blocks.push(...table);
      continue;
    }
    const h = /^(#{1,3})\s+(.*)$/.exec(line);
    if (h) {
      blocks.push({ kind: "heading", level: h[1]!.length as 1 | 2 | 3, runs: parseInline(h[2]!) });
    } else if (line.startsWith("- ")) {
      blocks.push({ kind: "item", runs: parseInline(line) });
    } else {
      blocks.push({ kind: "paragraph", runs: parseInline(line) });
    }
  }
  return blocks;
}

const MARKS = new RegExp(`[${VALUE_OPEN}${VALUE_CLOSE}]`, "g");

/**
 * "**bold**" and "*italic*" runs; unmatched markers stay as text. Emphasis may
 * come from a value (a criterion written “*Trong sạch vững mạnh*” in nam.yaml):
 * it stays inside its line.
 */
export function parseInline(marked: string): Run[] {
  const text = marked.replace(MARKS, "");
  const runs: Run[] = [];
  const re = /\*\*([^*]+)\*\*|\*([^*]+)\*/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) runs.push({ text: text.slice(last, m.index) });
    runs.push(m[1] !== undefined ? { text: m[1], bold: true } : { text: m[2]!, italic: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) runs.push({ text: text.slice(last) });
  return merge(runs);
}

function merge(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const r of runs) {
    const prev = out[out.length - 1];
    if (prev && !!prev.bold === !!r.bold && !!prev.italic === !!r.italic) prev.text += r.text;
    else out.push({ ...r });
  }
  return out;
}
