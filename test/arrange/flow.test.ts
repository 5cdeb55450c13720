/**
 * Body flow and tables, decided once by the arrangement (src/arrange/flow.ts)
 * and translated by each renderer: keep-with-next, keep-lines, widow control,
 * repeated header rows, rows that never split, merged cells, and a short row
 * (fewer cells than columns) in a table with a size of its own. That short
 * row was where the two renderings parted: the DOCX filled it with an empty
 * paragraph in the Table Text style's 13 pt, the PDF with a line of the
 * table's 12 pt, so LibreOffice put 28 such rows on a page where our PDF put 30.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { arrangeDocument } from "../../src/arrange/arrange.ts";
import type { Arrangement } from "../../src/arrange/types.ts";
import type { AdminDocument, Block, Run, TableBlock, TableRow } from "../../src/document/model.ts";
import { layoutDocument } from "../../src/pdf/layout/document.ts";
import type { TextItem } from "../../src/pdf/types.ts";
import { renderDocx } from "../../src/render/docx/render.ts";
import { SHELL_PATH } from "../../src/render/docx/shell.ts";
import { readShellStyle } from "../../src/render/docx/style.ts";
import { attr, parseXml, type XmlElement } from "../../src/render/docx/xml.ts";
import { testFonts } from "../helpers/render-docx.ts";
import { docxParts, findAll, part } from "../render/docx/docx-helpers.ts";
import { planDocument } from "../render/docx/fixtures.ts";

const shell = new Uint8Array(readFileSync(SHELL_PATH));
const style = readShellStyle(shell);
const t = (text: string): Run[] => [{ text }];
const textOf = (el: XmlElement) => findAll(el, "w:t").map((x) => x.children.join("")).join("");

/** STT | Đơn vị | Ghi chú in 12 pt; the body rows are short: no Ghi chú cell. */
function shortRowTable(rows = 45): TableBlock {
  const body: TableRow[] = Array.from({ length: rows }, (_, i) => ({ cells: [{ paragraphs: [t(String(i + 1))] }, { paragraphs: [t(`Đơn vị số ${i + 1}`)] }] }));
  return {
    kind: "table",
    columns: [{ width: 1, align: "center" }, { width: 6 }, { width: 3 }],
    headerRows: 1,
    fontSize: 12,
    rows: [{ cells: ["STT", "Đơn vị", "Ghi chú"].map((h) => ({ paragraphs: [t(h)] })) }, ...body],
  };
}

function docWith(body: Block[]): AdminDocument {
  return { ...planDocument(), body, appendices: [] };
}

const docx = (doc: AdminDocument, a: Arrangement) => parseXml(part(docxParts(renderDocx(doc, shell, a, style)), "word/document.xml")).root;
const pdf = (doc: AdminDocument, a: Arrangement) => layoutDocument(doc, style, testFonts, { arrangement: a });

describe("the arrangement decides the flow", () => {
  const table = shortRowTable(3);
  const doc = docWith([{ kind: "heading", level: 1, runs: t("I. BẢNG") }, { kind: "paragraph", runs: t("Bảng sau:") }, table, { kind: "paragraph", runs: t("Hết./.") }]);
  const a = arrangeDocument(doc, style, testFonts);

  it("keeps a heading (its style) and a paragraph introducing a table with what follows, and the last paragraph with the signature", () => {
    expect(a.body.map((f) => f.keepWithNext)).toEqual([true, true, false, true]);
    expect(arrangeDocument({ ...doc, signatures: [], recipients: [] }, style, testFonts).body.map((f) => f.keepWithNext)).toEqual([true, true, false, false]);
  });
  it("gives the paragraph after a table the space after tables, and widow control as the style says", () => {
    expect(a.body[3]!.spaceBefore).toBe(12);
    expect(a.body.map((f) => f.widowControl)).toEqual([style.styles.heading1.widowControl, style.styles.body.widowControl, false, style.styles.body.widowControl]);
    expect(a.body.every((f) => !f.keepLines)).toBe(true);
  });
  it("fills a short row with an empty cell, set like the others in the table's size", () => {
    const flow = a.body[2]!.table!;
    expect(flow.sizePt).toBe(12);
    expect(flow.rows.map((r) => r.cells.map((c) => `${c.kind}@${c.col}`))).toEqual(Array(4).fill(["cell@0", "cell@1", "cell@2"]));
    const filler = flow.rows[1]!.cells[2]!;
    expect(filler.kind === "cell" && filler.cell.paragraphs).toEqual([]);
  });
  it("repeats the header rows, keeps them with the first row under them, never splits a row", () => {
    const flow = a.body[2]!.table!;
    expect(flow.repeatHeaderRows).toBe(1);
    expect(flow.rows.map((r) => [r.header, r.keepWithNext, r.cantSplit])).toEqual([[true, true, true], ...Array(3).fill([false, false, true])]);
  });
  it("resolves merged cells into the grid: a restart with its span, then continuations", () => {
    const merged: TableBlock = {
      kind: "table",
      columns: [1, 1, 1, 1].map((width) => ({ width })),
      headerRows: 0,
      rows: [{ cells: [{ paragraphs: [t("a")] }, { paragraphs: [t("b")], colSpan: 2, rowSpan: 2 }, { paragraphs: [t("c")] }] }, { cells: [{ paragraphs: [t("d")] }] }],
    };
    const flow = arrangeDocument(docWith([merged]), style, testFonts).body[0]!.table!;
    expect(flow.rows.map((r) => r.cells.map((c) => (c.kind === "cell" ? `${textOf2(c.cell.paragraphs)}/${c.span}x${c.rowSpan}` : `cont/${c.span}`)))).toEqual([
      ["a/1x1", "b/2x2", "c/1x1"],
      ["d/1x1", "cont/2", "/1x1"],
    ]);
  });
});

const textOf2 = (p: Run[][]) => p.map((r) => r.map((x) => x.text).join("")).join("");

describe("the DOCX translates the arrangement's flow", () => {
  it("sets every paragraph of a 12 pt table in 12 pt, the empty cell of a short row included", () => {
    const doc = docWith([shortRowTable(2)]);
    const tbl = findAll(docx(doc, arrangeDocument(doc, style, testFonts)), "w:tbl").find((x) => textOf(x).includes("Đơn vị số 1"))!;
    const rows = findAll(tbl, "w:tr");
    const marks = findAll(rows[1]!, "w:p").map((p) => findAll(findAll(p, "w:pPr")[0]!, "w:sz").map((s) => attr(s, "w:val"))[0]);
    expect(marks).toEqual(["24", "24", "24"]);
    expect(rows.map((r) => [findAll(r, "w:tblHeader").length, findAll(r, "w:cantSplit").length])).toEqual([[1, 1], [0, 1], [0, 1]]);
    // The header row keeps with the next: w:keepNext on its paragraphs.
    expect(findAll(rows[0]!, "w:p").map((p) => findAll(p, "w:keepNext").length)).toEqual([1, 1, 1]);
  });
  it("states keep-lines, keep-with-next and widow control where the arrangement says otherwise than the style", () => {
    const doc = docWith([{ kind: "paragraph", runs: t("Một.") }, { kind: "paragraph", runs: t("Hai.") }]);
    const a = arrangeDocument(doc, style, testFonts);
    a.body[0] = { ...a.body[0]!, keepLines: true, keepWithNext: true, widowControl: !style.styles.body.widowControl };
    const paras = findAll(docx(doc, a), "w:p").filter((p) => ["Một.", "Hai."].includes(textOf(p)));
    const flags = (p: XmlElement) => ["w:keepNext", "w:keepLines", "w:widowControl"].map((n) => findAll(p, n).map((e) => attr(e, "w:val") ?? "on")[0] ?? "-");
    expect(flags(paras[0]!)).toEqual(["on", "on", style.styles.body.widowControl ? "0" : "on"]);
    // The last paragraph keeps with the signature; the rest as its style says.
    expect(flags(paras[1]!)).toEqual(["on", "-", "-"]);
  });
});

describe("the PDF honours the same flow", () => {
  it("makes a short row of a 12 pt table as tall as a full one, as LibreOffice does the DOCX", () => {
    const full = shortRowTable(40);
    full.rows = full.rows.map((r, i) => (i === 0 ? r : { cells: [...r.cells, { paragraphs: [t("x")] }] }));
    const starts = (table: TableBlock) => {
      const doc = docWith([table]);
      return pdf(doc, arrangeDocument(doc, style, testFonts)).pages.map((p) => p.items.filter((i) => i.kind === "text" && i.text.startsWith("Đơn vị số")).length);
    };
    expect(starts(shortRowTable(40))).toEqual(starts(full));
  });
  it("sets the cells in the arrangement's size", () => {
    const doc = docWith([shortRowTable(2)]);
    const a = arrangeDocument(doc, style, testFonts);
    a.body[0]!.table!.sizePt = 11;
    const sizes = pdf(doc, a).pages[0]!.items.filter((i): i is TextItem => i.kind === "text" && i.text.startsWith("Đơn vị số")).map((i) => i.size);
    expect(new Set(sizes)).toEqual(new Set([11]));
  });
  it("keeps a paragraph's lines on one page when the arrangement says keep-lines", () => {
    const long = (k: number): Block => ({ kind: "paragraph", runs: t(`Đầu${k} ${"phong trào thi đua yêu nước ".repeat(14)}cuối${k}.`) });
    const doc = docWith(Array.from({ length: 12 }, (_, k) => long(k)));
    const a = arrangeDocument(doc, style, testFonts);
    const pageOf = (laid: ReturnType<typeof pdf>, word: string) => laid.pages.findIndex((p) => p.items.some((i) => i.kind === "text" && i.text.includes(word)));
    const plain = pdf(doc, a);
    const split = Array.from({ length: 12 }, (_, k) => k).find((k) => pageOf(plain, `Đầu${k}`) !== pageOf(plain, `cuối${k}`))!;
    expect(split).toBeDefined();
    a.body[split] = { ...a.body[split]!, keepLines: true };
    const kept = pdf(doc, a);
    expect(pageOf(kept, `Đầu${split}`)).toBe(pageOf(kept, `cuối${split}`));
  });
});
