import type { Code } from "../diagnostics/catalogue.ts";
import type { Params } from "../diagnostics/diagnostic.ts";
import type { Column, Kind } from "../forms/stages.ts";

/** A cell's value as exceljs gives it, reduced to a string, a number, a date or nothing. */
export type Plain = string | number | Date | undefined;

/** A cell that holds no value the unit meant (a formula never computed, an error value): said at the cell. */
export interface CellProblem {
  code: Code;
  params: Params;
}

/** What a value cell holds: its value, whether it is shown as a percentage, or why it has no value. */
export type CellRead = { value: Plain; percent: boolean } | { problem: CellProblem };

/**
 * A cell's value as the unit sees it: the text of rich text and of a link,
 * a formula's saved result. A formula saved without its result (some
 * programs write them so) and an error value (#DIV/0!) are problems, never
 * a value. `percent`: the number is shown with a percent format (55% is
 * kept as 0.55).
 */
export function readCell(v: unknown, numFmt: string | undefined): CellRead {
  const plain = (value: Plain): CellRead => ({ value, percent: typeof value === "number" && isPercentFormat(numFmt) });
  if (v === null || v === undefined) return plain(undefined);
  if (v instanceof Date || typeof v === "number") return plain(v);
  if (typeof v === "string") return plain(v.trim() === "" ? undefined : v);
  if (typeof v === "boolean") return plain(String(v));
  if (typeof v === "object") {
    const o = v as { richText?: { text: string }[]; formula?: unknown; sharedFormula?: unknown; result?: unknown; text?: unknown; hyperlink?: unknown; error?: unknown };
    if (Array.isArray(o.richText)) return readCell(o.richText.map((r) => r.text).join(""), numFmt);
    if (o.formula !== undefined || o.sharedFormula !== undefined) {
      const whole = `=${String(o.formula ?? o.sharedFormula)}`;
      const formula = whole.length > 60 ? `${whole.slice(0, 59)}…` : whole;
      if (o.result === undefined || o.result === null) return { problem: { code: "import/formula-no-value", params: { formula } } };
      const r = readCell(o.result, numFmt);
      return "problem" in r ? { problem: { code: "import/cell-error", params: { ...r.problem.params, formula } } } : r;
    }
    if (o.error !== undefined) return { problem: { code: "import/cell-error", params: { error: String(o.error), formula: "" } } };
    if (o.text !== undefined) return readCell(o.text, numFmt);
  }
  return plain(String(v));
}

/** A cell's plain value, for cells read as they are (the identity sheet): a problem cell is empty. */
export function plainValue(v: unknown): Plain {
  const r = readCell(v, undefined);
  return "problem" in r ? undefined : r.value;
}

/** A number format that shows a percentage: a % outside quoted text, escapes and [colour] sections. */
export function isPercentFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  return numFmt.replace(/"[^"]*"/g, "").replace(/\\./g, "").replace(/\[[^\]]*\]/g, "").includes("%");
}

/**
 * The YAML value of a cell for a column or field, or why it cannot have one.
 * A percent field takes 67,7% as 67.7 (a percent-formatted 0.677, or text
 * "67,7%"); a percent-formatted number in another number field is a problem
 * (a score is not a percentage); a text field shows it as typed ("55%").
 */
export function cellYaml(target: { kind: Kind; percent?: Column["percent"] }, cell: CellRead | undefined): { value: string | number | undefined } | { problem: CellProblem } {
  if (!cell) return { value: undefined };
  if ("problem" in cell) return cell;
  const v = cell.value;
  if (cell.percent && typeof v === "number") {
    const percent = Number((v * 100).toFixed(10));
    if (target.percent) return { value: percent };
    if (target.kind === "text") return { value: `${String(percent).replace(".", ",")}%` };
    return { problem: { code: "import/percent-not-expected", params: { shown: `${String(percent).replace(".", ",")}%` } } };
  }
  if (target.percent && typeof v === "string") {
    const m = /^\s*([+-]?\d+(?:[.,]\d+)?)\s*%\s*$/.exec(v);
    if (m) return { value: Number(m[1]!.replace(",", ".")) };
  }
  return { value: yamlValue(target.kind, v) };
}

/**
 * The YAML value of a cell of a kind: numbers typed with a decimal comma
 * (LibreOffice may keep "9,5" as text) become numbers, dates (real date
 * cells, date serials, text dd/mm/yyyy) become YYYY-MM-DD. Anything else is
 * kept as written, so that validation reports it as it would in a YAML file.
 */
export function yamlValue(kind: Kind, v: Plain): string | number | undefined {
  if (v === undefined) return undefined;
  if (kind === "text") return v instanceof Date ? isoDate(v) : String(v).trim();
  if (kind === "number" || kind === "int") {
    if (typeof v === "number") return v;
    if (v instanceof Date) return isoDate(v);
    const s = v.trim().replace(/\s/g, "");
    if (/^[+-]?\d+([.,]\d+)?$/.test(s)) return Number(s.replace(",", "."));
    return v.trim();
  }
  // date
  if (v instanceof Date) return isoDate(v);
  if (typeof v === "number") {
    // A date serial without a date format; one outside Excel's dates stays as typed (validation says where and what to type).
    const d = new Date(Math.round((v - 25569) * 86400) * 1000);
    return v >= 0 && v < 2958466 ? isoDate(d) : String(v);
  }
  const s = v.trim();
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) return `${m[3]}-${m[2]!.padStart(2, "0")}-${m[1]!.padStart(2, "0")}`;
  return s;
}

/** The calendar day of a date cell (exceljs gives them at midnight UTC; a time part is rounded away). */
function isoDate(d: Date): string {
  const days = Math.floor(Math.round(d.getTime() / 1000) / 86400);
  return new Date(days * 86400000).toISOString().slice(0, 10);
}
