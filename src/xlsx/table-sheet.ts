/**
 * Workbooks of tables for people (the results, the register): a sheet is a title line, a header
 * row repeated on every printed page, then the rows, in Times New Roman with borders; fixed
 * dates and our own deterministic zip, so the same data gives the same bytes.
 */
import ExcelJS from "exceljs";

const FONT = { name: "Times New Roman", size: 12 } as const;
const HEAD_FILL = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E2F3" } } as const;
const THIN = { style: "thin", color: { argb: "FF808080" } } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

export type Cell = string | number | null;

/** A sheet: a title line, a header row, then the rows; widths in characters. */
export function sheet(wb: ExcelJS.Workbook, name: string, title: string, widths: number[], head: string[], rows: Cell[][]): void {
  const ws = wb.addWorksheet(name, {
    views: [{ state: "frozen", ySplit: 3 }],
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.mergeCells(1, 1, 1, head.length);
  const t = ws.getCell(1, 1);
  t.value = title;
  t.font = { ...FONT, bold: true, size: 13 };
  t.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  ws.getRow(1).height = Math.max(36, 20 * title.split("\n").length);
  head.forEach((h, i) => {
    const c = ws.getCell(3, i + 1);
    c.value = h;
    c.font = { ...FONT, bold: true };
    c.fill = HEAD_FILL;
    c.border = BORDER;
    c.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  });
  rows.forEach((r, y) =>
    r.forEach((v, x) => {
      const c = ws.getCell(4 + y, x + 1);
      c.value = v;
      c.font = FONT;
      c.border = BORDER;
      c.alignment = { vertical: "top", wrapText: typeof v === "string", ...(typeof v === "number" ? { horizontal: "right" as const } : {}) };
      if (typeof v === "number" && !Number.isInteger(v)) c.numFmt = "0.0#";
    }),
  );
  ws.pageSetup.printTitlesRow = "3:3";
  fitRowHeights(ws, widths, 3);
}

/**
 * Row heights for wrapped text, from row `from` on: spreadsheet programs do not grow a row to its
 * wrapped text when the file sets none, so each row gets the lines its longest cell needs at its
 * column's width (about one character a unit of width).
 */
export function fitRowHeights(ws: ExcelJS.Worksheet, widths: number[], from: number): void {
  ws.eachRow((row, n) => {
    if (n < from) return;
    let lines = 1;
    row.eachCell((cell, col) => {
      const text = cell.value === null || cell.value === undefined || cell.value instanceof Date ? "" : String(cell.value);
      lines = Math.max(lines, Math.ceil((text.length * 1.05) / Math.max(4, widths[col - 1]! - 1)));
    });
    row.height = 16 * lines;
  });
}

/** A workbook dated 1 January of its year (no clock), by the tool. */
export function tableWorkbook(year: number, title: string, subject: string): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const fixed = new Date(Date.UTC(year, 0, 1));
  wb.creator = "khoi-thi-dua";
  wb.lastModifiedBy = "khoi-thi-dua";
  wb.created = fixed;
  wb.modified = fixed;
  wb.title = title;
  wb.subject = subject;
  return wb;
}
