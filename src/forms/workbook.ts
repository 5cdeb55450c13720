import ExcelJS from "exceljs";
import { FORM_VERSION, IDENTITY_ROWS, IDENTITY_SHEET, identityValues } from "./identity.ts";
import { valueAt, type FormInput } from "./form-input.ts";
import { writeInstructions } from "./instructions.ts";
import { fitRowHeights } from "../xlsx/table-sheet.ts";
import { STAGE_SPECS, type Column, type FieldRow, type Kind, type Table } from "./stages.ts";

const FONT = { name: "Times New Roman", size: 12 } as const;
const FILL_ME = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } } as const;
const HEAD_FILL = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E2F3" } } as const;
/** The bloc's own cells in a unit's form: grey, locked. */
const BLOC_FILL = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE7E6E6" } } as const;
const THIN = { style: "thin", color: { argb: "FF808080" } } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
/** Sheets are protected without a password: a unit fills the unlocked cells, and may unprotect to fix the layout. */
const PROTECTION = { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true, sort: true, autoFilter: true };

/** The workbook of one unit's form for one stage (an exceljs Workbook, not yet written). */
export async function buildWorkbook(input: FormInput): Promise<ExcelJS.Workbook> {
  const spec = STAGE_SPECS[input.stage];
  const wb = new ExcelJS.Workbook();
  // Fixed dates (no clock): the same data gives the same bytes.
  const fixed = new Date(Date.UTC(input.year, 0, 1));
  wb.creator = "khoi-thi-dua";
  wb.lastModifiedBy = "khoi-thi-dua";
  wb.created = fixed;
  wb.modified = fixed;
  wb.title = `${spec.label} ${input.year} – ${input.unit.name}`;
  wb.subject = `${input.bloc.code} ${input.year} ${input.unit.id} ${input.stage} v${FORM_VERSION}`;

  await writeInstructions(wb.addWorksheet("Hướng dẫn"), input, spec);
  const ws = wb.addWorksheet(spec.sheet.name, {
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.6, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } },
  });
  const widths = [12, 60, 10, 20, 20, 20];
  for (const t of spec.sheet.tables) for (const c of t.columns) widths[colIndex(c.col) - 1] = Math.max(widths[colIndex(c.col) - 1]!, c.width);
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (let i = 1; i <= 6; i++) ws.getColumn(i).font = FONT;

  title(ws, 1, `${spec.sheet.title} NĂM ${input.year}`, true, 14);
  title(ws, 2, input.unit.name, true, 13);
  title(ws, 3, `${input.bloc.name} – ${spec.label}`, false, 12);
  let row = 5;
  header(ws, row++, ["Mã", "Nội dung", "", "Giá trị"]);
  for (const f of spec.sheet.fields) fieldRow(ws, row++, f, valueAt(input.existing, f.path), input.year);
  ws.pageSetup.printTitlesRow = "1:3";
  for (const t of spec.sheet.tables) {
    row++;
    header(ws, row++, ["Mã", t.rows === "criteria" ? "Tiêu chí" : "Nội dung", t.rows === "criteria" ? "Điểm tối đa" : "", ...t.columns.map((c) => c.header)]);
    const items = (valueAt(input.existing, t.path) as unknown[] | undefined) ?? [];
    if (t.rows === "criteria") {
      for (const c of input.criteria) {
        const item = items.find((x) => (x as { tieu_chi?: unknown })?.tieu_chi === c.id);
        tableRow(ws, row++, t, c.id, plainText(c.content), c.max, item, input);
      }
    } else {
      const n = items.length + t.rows.emptyRows;
      for (let i = 0; i < n; i++) tableRow(ws, row++, t, t.rows.key, t.rows.label, undefined, items[i], input);
    }
  }
  fitRowHeights(ws, widths, 4);
  await ws.protect("", PROTECTION);
  await identitySheet(wb, input);
  return wb;
}

function title(ws: ExcelJS.Worksheet, row: number, text: string, bold: boolean, size: number): void {
  ws.mergeCells(`A${row}:F${row}`);
  const c = ws.getCell(`A${row}`);
  c.value = text;
  c.font = { ...FONT, bold, size };
  c.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
}

function header(ws: ExcelJS.Worksheet, row: number, labels: string[]): void {
  labels.forEach((l, i) => {
    const c = ws.getCell(row, i + 1);
    c.value = l;
    c.font = { ...FONT, bold: true };
    c.fill = HEAD_FILL;
    c.border = BORDER;
    c.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  });
}

function fixedCell(ws: ExcelJS.Worksheet, ref: string, value: ExcelJS.CellValue, center = false): void {
  const c = ws.getCell(ref);
  c.value = value;
  c.font = FONT;
  c.border = BORDER;
  c.alignment = { vertical: "top", wrapText: true, ...(center ? { horizontal: "center" } : {}) };
}

function fieldRow(ws: ExcelJS.Worksheet, row: number, f: FieldRow, value: unknown, year: number): void {
  fixedCell(ws, `A${row}`, f.key);
  fixedCell(ws, `B${row}`, f.label + (f.required ? " *" : ""));
  fixedCell(ws, `C${row}`, null);
  fillCell(ws, `D${row}`, f.kind, value, { year, max: undefined, required: f.required, suggestions: undefined });
  if (f.kind === "date") dateInWords(ws, row);
}

/**
 * Beside a date cell, the date the workbook understood, in words ("Ngày 5 tháng 1 năm 2021"):
 * on a computer set to English (US), 05/01/2021 typed is the 1st of May, and the unit sees it.
 * DAY, MONTH and YEAR give numbers whatever the locale; the result is stored for viewers that do
 * not calculate.
 */
function dateInWords(ws: ExcelJS.Worksheet, row: number): void {
  const c = ws.getCell(`E${row}`);
  const d = ws.getCell(`D${row}`).value;
  const result = d instanceof Date ? `Ngày ${d.getUTCDate()} tháng ${d.getUTCMonth() + 1} năm ${d.getUTCFullYear()}` : "";
  c.value = { formula: `IF(ISNUMBER(D${row}),"Ngày "&DAY(D${row})&" tháng "&MONTH(D${row})&" năm "&YEAR(D${row}),"")`, result };
  c.font = { ...FONT, italic: true };
  c.alignment = { vertical: "top", wrapText: true };
}

function tableRow(ws: ExcelJS.Worksheet, row: number, t: Table, key: string, label: string, max: number | undefined, item: unknown, input: FormInput): void {
  fixedCell(ws, `A${row}`, key);
  fixedCell(ws, `B${row}`, label);
  fixedCell(ws, `C${row}`, max ?? null, true);
  for (const c of t.columns) {
    const value = t.scalar ? item : c.field ? valueAt(item, [c.field]) : undefined;
    const bound = c.max === "criterion" ? max : typeof c.max === "string" ? input.caps[c.max] : c.max;
    const suggestions = t.suggestions ? input.collectiveTitles.length : undefined;
    fillCell(ws, `${c.col}${row}`, c.kind, value, { year: input.year, max: bound, required: c.required, suggestions });
    // The bloc's own column (its review score) is locked in a unit's form and shaded as not theirs;
    // the bloc's secretary unprotects the sheet (no password) to fill it in the bloc's copy.
    if (c.bloc === "column") {
      const cell = ws.getCell(`${c.col}${row}`);
      cell.protection = { locked: true };
      cell.fill = BLOC_FILL;
    }
  }
}

/** An unlocked cell for the unit, prefilled, with the validation of its kind. */
function fillCell(ws: ExcelJS.Worksheet, ref: string, kind: Kind, value: unknown, o: { year: number; max: number | undefined; required: boolean; suggestions: number | undefined }): void {
  const c = ws.getCell(ref);
  c.value = cellValue(kind, value);
  c.font = FONT;
  c.border = BORDER;
  c.fill = FILL_ME;
  c.protection = { locked: false };
  c.alignment = kind === "text" ? { vertical: "top", wrapText: true } : { vertical: "top", horizontal: "center" };
  if (kind === "date") c.numFmt = "dd/mm/yyyy";
  if (kind === "number") c.numFmt = "0.##";
  const dv = validation(kind, o);
  if (dv) c.dataValidation = dv;
}

function validation(kind: Kind, o: { year: number; max: number | undefined; suggestions: number | undefined }): ExcelJS.DataValidation | undefined {
  const common = { allowBlank: true, showErrorMessage: true, showInputMessage: true } as const;
  if (kind === "number")
    return o.max === undefined
      ? { ...common, type: "decimal", operator: "greaterThanOrEqual", formulae: [0], errorTitle: "Số không hợp lệ", error: "Nhập một số không âm, ví dụ 9,5." }
      : { ...common, type: "decimal", operator: "between", formulae: [0, o.max], errorTitle: "Số không hợp lệ", error: `Nhập một số từ 0 đến ${String(o.max).replace(".", ",")}, ví dụ 9,5.` };
  if (kind === "int") return { ...common, type: "whole", operator: "greaterThanOrEqual", formulae: [0], errorTitle: "Số không hợp lệ", error: "Nhập một số nguyên không âm." };
  if (kind === "date")
    return {
      ...common,
      type: "date",
      operator: "between",
      formulae: [new Date(Date.UTC(o.year - 1, 0, 1)), new Date(Date.UTC(o.year + 1, 11, 31))],
      errorTitle: "Ngày không hợp lệ",
      error: `Nhập ngày theo dạng ngày/tháng/năm, trong khoảng năm ${o.year - 1} đến ${o.year + 1}.`,
    };
  if (o.suggestions)
    return { ...common, type: "list", formulae: [`'${IDENTITY_SHEET}'!$E$1:$E$${o.suggestions}`], errorStyle: "information", errorTitle: "Danh hiệu khác", error: "Danh hiệu không có trong danh sách gợi ý; vẫn được ghi nhận." };
  return undefined;
}

function cellValue(kind: Kind, value: unknown): ExcelJS.CellValue {
  if (value === undefined || value === null) return null;
  if (kind === "date" && typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split("-").map(Number);
    return new Date(Date.UTC(y!, m! - 1, d!));
  }
  if (typeof value === "number" || typeof value === "string") return value;
  return String(value);
}

async function identitySheet(wb: ExcelJS.Workbook, input: FormInput): Promise<void> {
  const ws = wb.addWorksheet(IDENTITY_SHEET, { state: "veryHidden" });
  const values = identityValues({ bloc: input.bloc.code, year: input.year, unit: input.unit.id, stage: input.stage, version: FORM_VERSION });
  for (const r of IDENTITY_ROWS) {
    ws.getCell(`A${r.row}`).value = r.key;
    ws.getCell(`B${r.row}`).value = values[r.key];
    ws.getCell(`C${r.row}`).value = r.label;
  }
  input.collectiveTitles.forEach((t, i) => (ws.getCell(`E${i + 1}`).value = t));
  await ws.protect("", { selectLockedCells: true, selectUnlockedCells: true });
}

/** Row heights for wrapped text (LibreOffice does not grow rows it reads with no height). */
function colIndex(col: Column["col"]): number {
  return col.charCodeAt(0) - 64;
}

/** A criterion's content without the Markdown emphasis marks of nam.yaml. */
function plainText(s: string): string {
  return s.replace(/\*\*?|__?/g, "");
}
