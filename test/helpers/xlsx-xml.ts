import PizZip from "pizzip";

/**
 * A workbook edited at the XML level with pizzip, not with exceljs (which wrote
 * it): what another program would do when a unit fills the form. Cells are
 * read and written by sheet name and reference ("Tự chấm", "D7").
 */
export interface XmlBook {
  get(sheet: string, ref: string): string | undefined;
  /** A number, or a text (inline string), in a cell, keeping its style. */
  set(sheet: string, ref: string, value: number | string | undefined, as?: "text"): void;
  /** The rows whose column A is not empty, with that key. */
  keys(sheet: string): { row: number; key: string }[];
  /** Swaps two rows' places (a re-sort). */
  swapRows(sheet: string, a: number, b: number): void;
  /** Inserts an empty row before row `at`, moving the rows below down. */
  insertEmptyRow(sheet: string, at: number): void;
  setIdentity(ref: string, value: string | number): void;
  /** A cell written as a program other than Excel may write it: its attributes after the style (t="e") and its inner XML (<f>…</f>). */
  setRaw(sheet: string, ref: string, attrs: string, inner: string): void;
  /** A number shown as a percentage (typing 55% in Excel keeps 0.55 with the built-in format 0%). */
  setPercent(sheet: string, ref: string, value: number): void;
  hideRow(sheet: string, row: number): void;
  hideColumn(sheet: string, col: string): void;
  /** Edits a sheet's XML as text (for what the other methods do not do). */
  editXml(sheet: string, edit: (xml: string) => string): void;
  bytes(): Uint8Array;
}

const decode = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
const encode = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export function openXmlBook(bytes: Uint8Array): XmlBook {
  const zip = new PizZip(bytes);
  const text = (p: string) => zip.file(p)!.asText();
  const rels = new Map<string, string>();
  for (const m of text("xl/_rels/workbook.xml.rels").matchAll(/<Relationship [^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"/g)) rels.set(m[1]!, m[2]!);
  for (const m of text("xl/_rels/workbook.xml.rels").matchAll(/<Relationship [^>]*?Target="([^"]+)"[^>]*?Id="([^"]+)"/g)) rels.set(m[2]!, m[1]!);
  const sheets = new Map<string, string>();
  for (const m of text("xl/workbook.xml").matchAll(/<sheet [^>]*?name="([^"]+)"[^>]*?r:id="([^"]+)"/g)) sheets.set(decode(m[1]!), "xl/" + rels.get(m[2]!)!.replace(/^\/?xl\//, ""));
  const shared: string[] = [];
  if (zip.file("xl/sharedStrings.xml"))
    for (const m of text("xl/sharedStrings.xml").matchAll(/<si>([\s\S]*?)<\/si>/g)) shared.push(decode([...m[1]!.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join("")));
  const xml = (sheet: string) => sheets.get(sheet) ?? fail(`no sheet ${sheet}`);
  const cellRe = (ref: string) => new RegExp(`<c r="${ref}"(?: [^>]*?)?(?:/>|>([\\s\\S]*?)</c>)`);
  const get = (sheet: string, ref: string) => {
    const m = cellRe(ref).exec(text(xml(sheet)));
    if (!m) return undefined;
    const whole = m[0];
    const inner = m[1] ?? "";
    if (/ t="s"/.test(whole)) return shared[Number(/<v>(\d+)<\/v>/.exec(inner)![1])];
    if (/ t="inlineStr"/.test(whole)) return decode([...inner.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join(""));
    const v = /<v>([\s\S]*?)<\/v>/.exec(inner);
    return v ? decode(v[1]!) : undefined;
  };
  const set = (sheet: string, ref: string, value: number | string | undefined, as?: "text") => {
    const path = xml(sheet);
    const s = text(path);
    const m = cellRe(ref).exec(s) ?? fail(`no cell ${sheet}!${ref}`);
    const style = / s="(\d+)"/.exec(m[0])?.[1];
    const st = style ? ` s="${style}"` : "";
    const cell =
      value === undefined
        ? `<c r="${ref}"${st}/>`
        : typeof value === "number" && as !== "text"
          ? `<c r="${ref}"${st}><v>${value}</v></c>`
          : `<c r="${ref}"${st} t="inlineStr"><is><t xml:space="preserve">${encode(String(value))}</t></is></c>`;
    zip.file(path, s.replace(m[0], cell));
  };
  const rowRe = /<row r="(\d+)"[^>]*?(?:\/>|>[\s\S]*?<\/row>)/g;
  const renumber = (row: string, to: number) => row.replace(/<row r="\d+"/, `<row r="${to}"`).replace(/<c r="([A-Z]+)\d+"/g, `<c r="$1${to}"`);
  return {
    get,
    set,
    keys(sheet) {
      const out: { row: number; key: string }[] = [];
      for (const m of text(xml(sheet)).matchAll(rowRe)) {
        const row = Number(m[1]);
        const key = get(sheet, `A${row}`);
        if (key) out.push({ row, key });
      }
      return out;
    },
    swapRows(sheet, a, b) {
      const path = xml(sheet);
      const s = text(path);
      const rows = [...s.matchAll(rowRe)];
      const ra = rows.find((m) => Number(m[1]) === a)![0];
      const rb = rows.find((m) => Number(m[1]) === b)![0];
      zip.file(path, s.replace(ra, "\u0000A").replace(rb, renumber(ra, b)).replace("\u0000A", renumber(rb, a)));
    },
    insertEmptyRow(sheet, at) {
      const path = xml(sheet);
      const s = text(path);
      let out = s.replace(rowRe, (row, r: string) => (Number(r) >= at ? renumber(row, Number(r) + 1) : row));
      const before = [...out.matchAll(rowRe)].find((m) => Number(m[1]) === at + 1)![0];
      out = out.replace(before, `<row r="${at}"/>` + before);
      zip.file(path, out);
    },
    setIdentity(ref, value) {
      set("Mã biểu mẫu", ref, value, typeof value === "string" ? "text" : undefined);
    },
    setRaw(sheet, ref, attrs, inner) {
      const path = xml(sheet);
      const s = text(path);
      const m = cellRe(ref).exec(s) ?? fail(`no cell ${sheet}!${ref}`);
      const style = / s="(\d+)"/.exec(m[0])?.[1];
      zip.file(path, s.replace(m[0], `<c r="${ref}"${style ? ` s="${style}"` : ""}${attrs ? ` ${attrs}` : ""}>${inner}</c>`));
    },
    setPercent(sheet, ref, value) {
      const path = xml(sheet);
      const s = text(path);
      const m = cellRe(ref).exec(s) ?? fail(`no cell ${sheet}!${ref}`);
      const style = Number(/ s="(\d+)"/.exec(m[0])?.[1] ?? 0);
      const styles = text("xl/styles.xml");
      const xfs = /<cellXfs count="(\d+)">([\s\S]*?)<\/cellXfs>/.exec(styles) ?? fail("no cellXfs");
      const list = [...xfs[2]!.matchAll(/<xf [^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)].map((x) => x[0]);
      const percent = list[style]!.replace(/numFmtId="\d+"/, 'numFmtId="9"').replace(/ applyNumberFormat="\d"/, "").replace(/<xf /, '<xf applyNumberFormat="1" ');
      zip.file("xl/styles.xml", styles.replace(xfs[0], `<cellXfs count="${list.length + 1}">${xfs[2]}${percent}</cellXfs>`));
      zip.file(path, s.replace(m[0], `<c r="${ref}" s="${list.length}"><v>${value}</v></c>`));
    },
    hideRow(sheet, row) {
      const path = xml(sheet);
      zip.file(path, text(path).replace(new RegExp(`<row r="${row}"`), `<row r="${row}" hidden="1"`));
    },
    hideColumn(sheet, col) {
      const path = xml(sheet);
      const n = col.charCodeAt(0) - 64;
      const s = text(path);
      const cols = [...s.matchAll(/<col min="(\d+)" max="(\d+)"[^>]*?\/>/g)];
      const m = cols.find((c) => Number(c[1]) <= n && n <= Number(c[2])) ?? fail(`no <col> for ${col}`);
      // Split a <col> range so that only this column is hidden.
      const part = (min: number, max: number, hidden: boolean) => m[0].replace(/min="\d+" max="\d+"/, `min="${min}" max="${max}"${hidden ? ' hidden="1"' : ""}`);
      const parts = [Number(m[1]) < n ? part(Number(m[1]), n - 1, false) : "", part(n, n, true), n < Number(m[2]) ? part(n + 1, Number(m[2]), false) : ""];
      zip.file(path, s.replace(m[0], parts.join("")));
    },
    editXml(sheet, edit) {
      const path = xml(sheet);
      zip.file(path, edit(text(path)));
    },
    bytes: () => zip.generate({ type: "uint8array", compression: "DEFLATE" }),
  };
}

function fail(msg: string): never {
  throw new Error(msg);
}
