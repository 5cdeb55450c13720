import type { Block, Run } from "../document/model.ts";

/**
 * The light Markdown of document bodies, one block per non-blank line:
 *   "# I. MỤC ĐÍCH"  level-1 heading      "## 1. Mục đích:"  level-2 heading
 *   "### a) ..."     level-3 heading      "- ..."            item
 *   any other line   body paragraph       "**b**", "*i*"     bold and italic runs
 * A line holding only a table marker (see TABLE_MARK) becomes that table.
 */
export const TABLE_MARK = "\u0001table:";

export function parseMarkup(text: string, tables: ReadonlyMap<string, Block[]>): Block[] {
  const blocks: Block[] = [];
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (!line) continue;
    if (line.startsWith(TABLE_MARK)) {
      const name = line.slice(TABLE_MARK.length).replace(/\u0001$/, "");
      blocks.push(...(tables.get(name) ?? []));
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

/** "**bold**" and "*italic*" runs; unmatched markers stay as text. */
export function parseInline(text: string): Run[] {
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
