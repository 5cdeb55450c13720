import PizZip from "pizzip";
import { MAX_CELLS, MAX_ELEMENTS, MAX_MERGES, MAX_SHEET_ROWS } from "./size-limits.ts";

/**
 * The parts of a returned workbook that import reads, counted and cut down
 * before exceljs parses them: the workbook's list of sheets and its date
 * system, the shared strings, the styles (number formats tell dates), and of
 * each sheet only its cells and merged ranges. Everything else (defined
 * names, data validations, conditional formats, drawings, links…) is left
 * out: exceljs expands some of them cell by cell, and the import needs none.
 * Pure: entries in, a clean archive (or what is over a limit) out.
 */

/** The entries read from the archive (any other entry is not even inflated). */
export function isReadPart(name: string): boolean {
  return name === "xl/workbook.xml" || name === "xl/_rels/workbook.xml.rels" || name === "xl/sharedStrings.xml" || name === "xl/styles.xml" || SHEET_PART.test(name);
}

const SHEET_PART = /^xl\/worksheets\/sheet\d+\.xml$/;

export type OverLimit =
  | { code: "import/too-many-rows"; sheet: string; count: number; max: number }
  | { code: "import/too-many-merges"; sheet: string; count: number; max: number }
  | { code: "import/too-many-cells"; sheet: string; count: number; here: number; max: number }
  | { code: "import/too-complex"; part: string; count: number; max: number };

export type Cleaned = { bytes: Uint8Array } | { over: OverLimit };

export function cleanWorkbook(entries: Map<string, Uint8Array>): Cleaned {
  const dec = new TextDecoder("utf-8");
  const text = new Map<string, string>();
  for (const [name, data] of entries) text.set(name, dec.decode(data));
  const names = sheetNames(text.get("xl/workbook.xml") ?? "", text.get("xl/_rels/workbook.xml.rels") ?? "");

  const out = new Map<string, string>();
  const workbook = text.get("xl/workbook.xml");
  if (workbook !== undefined) out.set("xl/workbook.xml", keepOnly(workbook, "workbook", ["workbookPr", "sheets"]));
  for (const part of ["xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml", "xl/styles.xml"]) {
    const t = text.get(part);
    if (t !== undefined) out.set(part, t);
  }
  let cells = 0;
  const sheets = [...text.keys()].filter((n) => SHEET_PART.test(n));
  for (const part of sheets) {
    // Column definitions are kept for what they say of hidden columns (import warns of content hidden there).
    const xml = keepOnly(text.get(part)!, "worksheet", ["cols", "sheetData", "mergeCells"]);
    const sheet = names.get(part) ?? part;
    const rows = countTags(xml, "row");
    if (rows > MAX_SHEET_ROWS) return { over: { code: "import/too-many-rows", sheet, count: rows, max: MAX_SHEET_ROWS } };
    const merges = [...xml.matchAll(/<mergeCell\s[^>]*>/g)].map((m) => attr(m[0], "ref") ?? "");
    if (merges.length > MAX_MERGES) return { over: { code: "import/too-many-merges", sheet, count: merges.length, max: MAX_MERGES } };
    // A merged range becomes a cell object for each of its cells, a column definition an object for each column it spans.
    const spans = [...xml.matchAll(/<col\s[^>]*>/g)].reduce((n, m) => n + Math.max(1, Number(attr(m[0], "max") ?? 1) - Number(attr(m[0], "min") ?? 1) + 1), 0);
    const here = countTags(xml, "c") + merges.reduce((n, ref) => n + rangeArea(ref), 0) + (Number.isFinite(spans) ? spans : MAX_CELLS + 1);
    cells += here;
    if (cells > MAX_CELLS) return { over: { code: "import/too-many-cells", sheet, count: cells, here, max: MAX_CELLS } };
    out.set(part, xml);
  }
  for (const [part, xml] of out) {
    const count = countTags(xml, "");
    if (count > MAX_ELEMENTS) return { over: { code: "import/too-complex", part, count, max: MAX_ELEMENTS } };
  }
  const zip = new PizZip();
  for (const [part, xml] of out) zip.file(part, xml);
  return { bytes: zip.generate({ type: "uint8array", compression: "STORE" }) };
}

/** The root element with only the children named (as found, unprefixed as exceljs reads them), in the order found. */
function keepOnly(xml: string, root: string, children: string[]): string {
  const start = new RegExp(`<${root}(?=[\\s>/])[^>]*>`).exec(xml);
  if (!start) return xml.slice(0, 0);
  const kept = children.map((tag) => element(xml, tag, start.index + start[0].length)).filter((e) => e.text);
  kept.sort((a, b) => a.at - b.at);
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${start[0]}${kept.map((e) => e.text).join("")}</${root}>`;
}

/** The first element with that tag from `from` on: self-closed, or up to its first closing tag. */
function element(xml: string, tag: string, from: number): { at: number; text: string } {
  const open = new RegExp(`<${tag}(?=[\\s>/])[^>]*?(/?)>`, "g");
  open.lastIndex = from;
  const m = open.exec(xml);
  if (!m) return { at: -1, text: "" };
  if (m[1] === "/") return { at: m.index, text: m[0] };
  const close = xml.indexOf(`</${tag}>`, open.lastIndex);
  if (close < 0) return { at: -1, text: "" };
  return { at: m.index, text: xml.slice(m.index, close + tag.length + 3) };
}

/** Start tags named `tag` (any tag when empty). */
function countTags(xml: string, tag: string): number {
  const re = tag ? new RegExp(`<${tag}[\\s>/]`, "g") : /<[^/?!]/g;
  let n = 0;
  while (re.exec(xml)) n++;
  return n;
}

/** How many cells a range like "A1:F1" covers (1 for one cell or a reference not understood). */
function rangeArea(ref: string): number {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7}):\$?([A-Z]{1,3})\$?(\d{1,7})$/i.exec(ref.trim());
  if (!m) return 1;
  const cols = Math.abs(column(m[3]!) - column(m[1]!)) + 1;
  const rows = Math.abs(Number(m[4]) - Number(m[2])) + 1;
  return cols * rows;
}

function column(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** The sheet's name for each sheet part ("xl/worksheets/sheet2.xml" → "Tự chấm"), from the workbook and its links. */
function sheetNames(workbook: string, rels: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\s[^>]*>/g)) {
    const id = attr(m[0], "Id");
    const target = attr(m[0], "Target");
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const out = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\s[^>]*>/g)) {
    const name = attr(m[0], "name");
    const target = targets.get(attr(m[0], "r:id") ?? "");
    if (name !== undefined && target) out.set(target, name);
  }
  return out;
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name.replace(":", "\\:")}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? decodeXml(m[1] ?? m[2]!) : undefined;
}

function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|quot|apos|amp);/gi, (_, e: string) => {
    const k = e.toLowerCase();
    if (k[0] === "#") {
      const code = k[1] === "x" ? parseInt(k.slice(2), 16) : Number(k.slice(1));
      return code <= 0x10ffff ? String.fromCodePoint(code) : `&${e};`;
    }
    return { lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" }[k]!;
  });
}
