/** Table columns decided by the arrangement with the real font metrics (src/arrange/table-columns.ts). */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { arrangeDocument, Measurer, textWidthPt } from "../../src/arrange/arrange.ts";
import { arrangeColumns, raiseToMinimums } from "../../src/arrange/table-columns.ts";
import { TABLE_CELL_MARGIN_PT } from "../../src/document/conventions.ts";
import type { AdminDocument, TableBlock } from "../../src/document/model.ts";
import { layoutDocument } from "../../src/pdf/layout/document.ts";
import type { TextItem } from "../../src/pdf/types.ts";
import { checkProject } from "../../src/pipeline.ts";
import { renderDocx } from "../../src/render/docx/render.ts";
import { SHELL_PATH } from "../../src/render/docx/shell.ts";
import { readShellStyle } from "../../src/render/docx/style.ts";
import { exampleWorld } from "../helpers/example.ts";
import { testFonts } from "../helpers/render-docx.ts";
import { docxParts, part } from "../render/docx/docx-helpers.ts";

const shell = new Uint8Array(readFileSync(SHELL_PATH));
const style = readShellStyle(shell);
const width = textWidthPt(style.page, false);
const size = style.styles.tableText.sizePt;
const m = new Measurer(testFonts);

const target = "Hoàn thành 100% chỉ tiêu Tỉnh ủy, UBND tỉnh giao năm 2020; nghiệm thu 15 đề tài, dự án khoa học và công nghệ cấp tỉnh; hỗ trợ 10 doanh nghiệp đổi mới công nghệ";
const criterion = "Hoàn thành xuất sắc nhiệm vụ chính trị các chỉ tiêu, nhiệm vụ được giao";
const header = ["STT", "Nội dung, tiêu chí", "Chỉ tiêu đăng ký", "Ghi chú"];
const cell = (text: string) => ({ paragraphs: [[{ text }]] });

/** A registration table as compose makes it: STT fixed, the others fitted to their content. */
function registration(rows: string[][]): TableBlock {
  return {
    kind: "table",
    columns: [
      { width: 9, align: "center", fixed: true },
      { width: 36, align: "left" },
      { width: 34, align: "left" },
      { width: 21, align: "left" },
    ],
    headerRows: 1,
    rows: [header, ...rows].map((r) => ({ cells: r.map(cell) })),
    fitToContent: true,
  };
}

/** Lines a text takes at `w` points (greedy at spaces, the real metrics). */
function lines(text: string, w: number): number {
  let n = 1;
  let line = "";
  for (const word of text.split(" ")) {
    const next = line ? `${line} ${word}` : word;
    if (line && m.width(next, { bold: false, italic: false, sizePt: size }) > w) {
      n++;
      line = word;
    } else line = next;
  }
  return n;
}

describe("the columns of a table fitted to its content", () => {
  it("give an empty Ghi chú's room to long targets, keeping the width and the fixed STT column", () => {
    const rows = Array.from({ length: 10 }, (_, i) => [String(i + 1), criterion, target, ""]);
    const w = arrangeColumns(registration(rows), width, size, testFonts);
    const preferred = [9, 36, 34, 21].map((s) => (s / 100) * width);
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(width, 6);
    expect(w[0]).toBeCloseTo(preferred[0]!, 6);
    expect(w[3]).toBeLessThan(preferred[3]!);
    expect(w[3]).toBeGreaterThanOrEqual(20 * (72 / 25.4) - 1);
    expect(w[2]).toBeGreaterThan(preferred[2]!);
    const total = (ws: number[]) => Math.max(lines(criterion, ws[1]! - 2 * TABLE_CELL_MARGIN_PT), lines(target, ws[2]! - 2 * TABLE_CELL_MARGIN_PT));
    expect(total(w)).toBeLessThan(total(preferred));
  });

  it("keep the preferred widths when they are already the shortest", () => {
    const rows = Array.from({ length: 4 }, (_, i) => [String(i + 1), "Ngắn", "Ngắn", "Ngắn"]);
    const w = arrangeColumns(registration(rows), width, size, testFonts);
    [9, 36, 34, 21].forEach((s, i) => expect(w[i]).toBeCloseTo((s / 100) * width, 6));
  });

  it("never make a column narrower than its longest word", () => {
    const long = "Chuyên-đề-đặc-biệt-rất-dài-hơn-nữa";
    const w = arrangeColumns(registration([["1", "a", "b", long]]), width, size, testFonts);
    expect(w[3]! - 2 * TABLE_CELL_MARGIN_PT).toBeGreaterThanOrEqual(m.width(long, { bold: false, italic: false, sizePt: size }));
  });
});

describe("raiseToMinimums", () => {
  it("takes the room a narrow column needs from the others, in proportion to what they have to spare", () => {
    expect(raiseToMinimums([10, 50, 40], [20, 10, 40])).toEqual([20, 40, 40]);
    expect(raiseToMinimums([10, 50, 40], [0, 0, 0])).toEqual([10, 50, 40]);
    // Minimums wider than the table: scaled down to its width.
    expect(raiseToMinimums([10, 10], [30, 10])).toEqual([15, 5]);
  });
});

describe("the score table on a portrait page", async () => {
  const checked = await checkProject(exampleWorld());
  const report = checked.documents.find((d) => d.doc.stem === "bao-cao-tong-ket")!.doc;
  // The year-end report's score appendix, laid on a portrait page (as a report body inserting {{bang "tong-hop-diem"}} has it).
  const portrait: AdminDocument = { ...report, appendices: report.appendices.map((a) => ({ ...a, landscape: false })) };
  const a = arrangeDocument(portrait, style, testFonts);
  const table = portrait.appendices[0]!.body[0] as TableBlock;
  const headerWords = table.rows[0]!.cells.flatMap((c) => c.paragraphs.flatMap((p) => p.map((r) => r.text)));

  it("keeps every header word whole: no column narrower than its longest word", () => {
    const w = a.tables.appendices[0]![0]!;
    expect(w.reduce((x, y) => x + y, 0)).toBeCloseTo(width, 6);
    table.rows[0]!.cells.forEach((c, i) => {
      const words = c.paragraphs.flatMap((p) => p.flatMap((r) => r.text.split(" ")));
      const longest = Math.max(...words.map((x) => m.width(x, { bold: true, italic: false, sizePt: table.fontSize ?? size })));
      expect(w[i]! - 2 * TABLE_CELL_MARGIN_PT, c.paragraphs[0]![0]!.text).toBeGreaterThanOrEqual(longest);
    });
  });

  it("draws 'STT' whole in the PDF and sets the arranged grid in the DOCX", () => {
    const page = layoutDocument(portrait, style, testFonts, { arrangement: a }).pages.at(-1)!;
    const words = page.items.filter((i): i is TextItem => i.kind === "text").flatMap((i) => i.text.split(" "));
    expect(words).toContain("STT");
    expect(words).not.toContain("ST");
    for (const h of headerWords.flatMap((x) => x.split(" "))) expect(words).toContain(h);
    const xml = part(docxParts(renderDocx(portrait, shell, a, style)), "word/document.xml");
    const grids = [...xml.matchAll(/<w:tblGrid>(.*?)<\/w:tblGrid>/g)].map((g) => [...g[1]!.matchAll(/w:w="(\d+)"/g)].map((x) => Number(x[1]) / 20));
    const grid = grids.find((g) => g.length === 9)!;
    // Column edges agree to a twip (the DOCX's widths are whole twips).
    const edges = (ws: number[]) => ws.map((_, i) => ws.slice(0, i + 1).reduce((x, y) => x + y, 0));
    const arranged = edges(a.tables.appendices[0]![0]!);
    edges(grid).forEach((x, i) => expect(Math.abs(x - arranged[i]!)).toBeLessThan(0.1));
  });
});
