import ExcelJS from "exceljs";
import { IDENTITY_ROWS, IDENTITY_SHEET, type IdentityKey } from "../forms/identity.ts";
import { plainValue, type Plain } from "./cell-values.ts";

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
  values: Map<string, Plain>;
}

export interface ReadForm {
  book: string;
  identity: Map<IdentityKey, Plain>;
  sheets: Map<string, FormRow[]>;
}

const VALUE_COLUMNS = ["D", "E", "F"];

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
  wb.eachSheet((ws) => {
    if (ws.name === IDENTITY_SHEET) return;
    const rows: FormRow[] = [];
    ws.eachRow({ includeEmpty: false }, (row, n) => {
      const a = row.getCell(1);
      // Titles are merged across the row: their value is not the unit's.
      if (a.isMerged && a.master !== a) return;
      if (row.getCell(4).isMerged) return;
      const key = plainValue(a.value);
      const values = new Map<string, Plain>();
      for (const col of VALUE_COLUMNS) {
        const v = plainValue(ws.getCell(`${col}${n}`).value);
        if (v !== undefined) values.set(col, v);
      }
      rows.push({ row: n, key: key === undefined ? "" : String(key).trim(), values });
    });
    sheets.set(ws.name, rows);
  });
  return { book, identity, sheets };
}

/** A library's message without the web addresses it points to ("If it is, see https://…"). */
function withoutLinks(s: string): string {
  return s.replace(/\s*(If it is, )?see https?:\/\/\S+/gi, "").replace(/https?:\/\/\S+/g, "").trim();
}
