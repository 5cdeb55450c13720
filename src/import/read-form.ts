import ExcelJS from "exceljs";
import { IDENTITY_ROWS, IDENTITY_SHEET, type IdentityKey } from "../forms/identity.ts";
import { plainValue, readCell, type CellRead, type Plain } from "./cell-values.ts";

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

/** Reads a returned form: its identity cells and, for every sheet, the rows with their column-A key and values. */
export async function readForm(book: string, bytes: Uint8Array): Promise<ReadForm | { error: string } | { notAForm: true }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch (err) {
    return { error: withoutLinks((err instanceof Error ? err.message : String(err)).split("\n")[0]!) };
  }
  const idSheet = wb.getWorksheet(IDENTITY_SHEET);
  if (!idSheet) return { notAForm: true };
  const identity = new Map<IdentityKey, Plain>();
  for (const r of IDENTITY_ROWS) identity.set(r.key, plainValue(idSheet.getCell(`B${r.row}`).value));
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
      const key = plainValue(a.value);
      const values = new Map<string, CellRead>();
      for (const col of VALUE_COLUMNS) {
        const cell = ws.getCell(`${col}${n}`);
        const v = readCell(cell.value, cell.numFmt);
        if (!("value" in v) || v.value !== undefined) values.set(col, v);
      }
      rows.push({ row: n, key: key === undefined ? "" : String(key).trim(), values, hidden: row.hidden === true });
    });
    sheets.set(ws.name, rows);
    hiddenColumns.set(ws.name, VALUE_COLUMNS.filter((c) => ws.getColumn(c).hidden === true));
  });
  return { book, identity, sheets, hiddenColumns };
}

/** A library's message without the web addresses it points to ("If it is, see https://…"). */
function withoutLinks(s: string): string {
  return s.replace(/\s*(If it is, )?see https?:\/\/\S+/gi, "").replace(/https?:\/\/\S+/g, "").trim();
}
