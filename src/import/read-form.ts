import ExcelJS from "exceljs";
import type { Diagnostic, Params } from "../diagnostics/diagnostic.ts";
import { IDENTITY_ROWS, IDENTITY_SHEET, type IdentityKey } from "../forms/identity.ts";
import { plainValue, readCell, type CellRead, type Plain } from "./cell-values.ts";
import { cleanWorkbook, isReadPart } from "./clean-workbook.ts";
import { MAX_UNZIPPED_BYTES, MAX_ZIP_ENTRIES, mib } from "./size-limits.ts";
import { readZipEntries } from "./zip-entries.ts";

/** A place in a workbook as the unit sees it. */
export interface CellRef {
  book: string;
  sheet: string;
  ref?: string;
}

export function cellLabel(c: CellRef): string {
  return [c.book, c.sheet, c.ref].filter(Boolean).join(" › ");
}

export interface FormRow {
  row: number;
  key: string;
  /** The value cells that are not empty (a cell without a value the unit meant is here too, as its problem). */
  values: Map<string, CellRead>;
  /** The row is hidden in the workbook. */
  hidden: boolean;
}

export interface ReadForm {
  book: string;
  identity: Map<IdentityKey, Plain>;
  sheets: Map<string, FormRow[]>;
  /** For every sheet, its value columns (D, E, F) that are hidden. */
  hiddenColumns: Map<string, string[]>;
}

export const VALUE_COLUMNS = ["D", "E", "F"] as const;

/**
 * Reads a returned form: its identity cells and, for every sheet, the rows
 * with their column-A key and values. The archive is read within the limits
 * (size-limits.ts) and only a clean copy of the parts read reaches exceljs;
 * what is over a limit, damaged, not a form or a cell that cannot be read is
 * a located error (problems), never a crash.
 */
export async function readForm(book: string, bytes: Uint8Array): Promise<ReadForm | { problems: Diagnostic[] }> {
  const error = (code: Diagnostic["code"], params: Params, sheet?: string, ref?: string): { problems: Diagnostic[] } => ({
    problems: [{ code, severity: "error", pos: { file: cellLabel({ book, sheet: sheet ?? "", ref }), line: 0, column: 0 }, params }],
  });
  const zip = readZipEntries(bytes, isReadPart, { maxInflated: MAX_UNZIPPED_BYTES, maxEntries: MAX_ZIP_ENTRIES });
  if ("damaged" in zip) return error("import/unreadable", { detail: zip.damaged });
  if ("declaredTooLarge" in zip) return error("import/too-large", unzippedTooLarge(mib(zip.declaredTooLarge)));
  if ("inflatedTooLarge" in zip) return error("import/too-large", unzippedTooLarge(`> ${mib(MAX_UNZIPPED_BYTES)}`));
  const clean = cleanWorkbook(zip.entries);
  if ("over" in clean) {
    const { code, ...params } = clean.over;
    return error(code, params, "sheet" in clean.over ? clean.over.sheet : undefined);
  }

  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(clean.bytes) as unknown as ExcelJS.Buffer);
  } catch (err) {
    return error("import/unreadable", { detail: withoutLinks((err instanceof Error ? err.message : String(err)).split("\n")[0]!) });
  }
  const idSheet = wb.getWorksheet(IDENTITY_SHEET);
  if (!idSheet) return error("import/not-a-form", { sheet: IDENTITY_SHEET });
  const problems: Diagnostic[] = [];
  /** A cell's value; a date outside what a date cell can hold is a problem at the cell. */
  const valueOf = (ws: ExcelJS.Worksheet, ref: string): Plain => {
    const v = plainValue(ws.getCell(ref).value);
    if (!(v instanceof Date) || inDateRange(v)) return v;
    problems.push(...error("import/date-out-of-range", dateFound(v), ws.name, ref).problems);
    return undefined;
  };
  const identity = new Map<IdentityKey, Plain>();
  for (const r of IDENTITY_ROWS) identity.set(r.key, valueOf(idSheet, `B${r.row}`));
  const sheets = new Map<string, FormRow[]>();
  const hiddenColumns = new Map<string, string[]>();
  wb.eachSheet((ws) => {
    if (ws.name === IDENTITY_SHEET) return;
    const rows: FormRow[] = [];
    ws.eachRow({ includeEmpty: false }, (row, n) => {
      const a = row.getCell(1);
      // Titles are merged across the row: their value is not the unit's.
      if (a.isMerged && a.master !== a) return;
      if (row.getCell(4).isMerged) return;
      const key = valueOf(ws, `A${n}`);
      const values = new Map<string, CellRead>();
      for (const col of VALUE_COLUMNS) {
        const cell = ws.getCell(`${col}${n}`);
        const v = readCell(cell.value, cell.numFmt);
        if ("value" in v && v.value instanceof Date && !inDateRange(v.value)) {
          problems.push(...error("import/date-out-of-range", dateFound(v.value), ws.name, `${col}${n}`).problems);
          continue;
        }
        if (!("value" in v) || v.value !== undefined) values.set(col, v);
      }
      rows.push({ row: n, key: key === undefined ? "" : String(key).trim(), values, hidden: row.hidden === true });
    });
    sheets.set(ws.name, rows);
    hiddenColumns.set(ws.name, VALUE_COLUMNS.filter((c) => ws.getColumn(c).hidden === true));
  });
  return problems.length ? { problems } : { book, identity, sheets, hiddenColumns };
}

/** The params of import/too-large for the unzipped content, in both languages. */
export function unzippedTooLarge(size: string): Params {
  return { whatVi: "Nội dung giải nén của tệp", whatEn: "The file's unzipped content", size, max: mib(MAX_UNZIPPED_BYTES) };
}

/** The days a date cell can hold: Excel's serials 0 (30/12/1899) to 2958465 (31/12/9999). */
const FIRST_DAY = Date.UTC(1899, 11, 30);
const AFTER_LAST_DAY = Date.UTC(10000, 0, 1);

function inDateRange(d: Date): boolean {
  const t = d.getTime();
  return Number.isFinite(t) && t >= FIRST_DAY && t < AFTER_LAST_DAY;
}

/** What a date cell out of range holds, as the unit would read it. */
function dateFound(d: Date): Params {
  if (!Number.isFinite(d.getTime())) return { foundVi: "một số ngày quá lớn", foundEn: "a date number too large" };
  const y = d.getUTCFullYear();
  const shown = `${String(d.getUTCDate()).padStart(2, "0")}/${String(d.getUTCMonth() + 1).padStart(2, "0")}/${y}`;
  return { foundVi: `ngày ${shown}`, foundEn: `the date ${shown}` };
}

/** A library's message without the web addresses it points to ("If it is, see https://…"). */
function withoutLinks(s: string): string {
  return s.replace(/\s*(If it is, )?see https?:\/\/\S+/gi, "").replace(/https?:\/\/\S+/g, "").trim();
}
