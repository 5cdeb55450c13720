import type { Kind } from "../forms/stages.ts";

/** A cell's value as exceljs gives it, reduced to a string, a number, a date or nothing. */
export type Plain = string | number | Date | undefined;

export function plainValue(v: unknown): Plain {
  if (v === null || v === undefined) return undefined;
  if (v instanceof Date) return v;
  if (typeof v === "number") return v;
  if (typeof v === "string") return v.trim() === "" ? undefined : v;
  if (typeof v === "boolean") return String(v);
  if (typeof v === "object") {
    const o = v as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: unknown };
    if (Array.isArray(o.richText)) return plainValue(o.richText.map((r) => r.text).join(""));
    if ("result" in o) return plainValue(o.result);
    if (typeof o.text === "string") return plainValue(o.text);
    if (o.error !== undefined) return String(o.error);
  }
  return String(v);
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
