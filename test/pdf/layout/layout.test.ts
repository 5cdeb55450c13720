import { describe, expect, it } from "vitest";
import type { ParagraphStyle } from "../../../src/render/docx/style.ts";
import { paginate, type FlowEntry } from "../../../src/pdf/layout/flow.ts";
import { layoutParagraph } from "../../../src/pdf/layout/paragraph.ts";
import { arrangeTable } from "../../../src/arrange/flow.ts";
import type { TableBlock } from "../../../src/document/model.ts";
import { layoutTable as layoutArranged } from "../../../src/pdf/layout/table.ts";
import { breakLines, segmentsOf } from "../../../src/pdf/layout/text-lines.ts";
import type { TextItem } from "../../../src/pdf/types.ts";
import { fakeMetrics } from "./fake-metrics.ts";

/** A table laid out on the grid and flow the arrangement gives it. */
const layoutTable = (t: TableBlock, width: number, st: ParagraphStyle, m: typeof fakeMetrics) => layoutArranged(t, arrangeTable(t, st.sizePt), width, st, m);

const style: ParagraphStyle = {
  id: "Normal", name: "Normal", font: "Times New Roman", sizePt: 10, bold: false, italic: false, align: "justify",
  indentLeftPt: 0, indentRightPt: 0, firstLinePt: 10, spaceBeforePt: 0, spaceAfterPt: 6, line: { rule: "auto", multiple: 1 },
  keepNext: false, widowControl: true, contextualSpacing: false,
};
const texts = (items: { kind: string }[]) => (items.filter((i) => i.kind === "text") as TextItem[]).map((t) => t.text);

describe("line breaking", () => {
  it("breaks greedily at spaces, never leaving a space at a line start", () => {
    // 5 pt per character at 10 pt: a 50 pt line holds 10 characters.
    const lines = breakLines(segmentsOf([{ text: "aaaa bbbb cccc dd" }], 10, fakeMetrics), 50, 50, fakeMetrics);
    expect(lines.map((l) => l.segments.map((s) => s.text).join(""))).toEqual(["aaaa bbbb ", "cccc dd"]);
    expect(lines[0]!.width).toBe(45);
  });
  it("allows a break after a hyphen inside a word, before a letter or a digit, as LibreOffice does", () => {
    const pieces = (text: string) => segmentsOf([{ text }], 10, fakeMetrics).map((u) => u.map((s) => s.text).join(""));
    expect(pieces("TĐ-KT COVID-19")).toEqual(["TĐ-", "KT", " ", "COVID-", "19"]);
    expect(pieces("2020-2021 1-A a--b Kinh–Tế")).toEqual(["2020-", "2021", " ", "1-", "A", " ", "a--", "b", " ", "Kinh–", "Tế"]);
    // Not at a word's start, nor before punctuation that closes or follows.
    expect(pieces("-5 --5 a-, a-) x-")).toEqual(["-5", " ", "--5", " ", "a-,", " ", "a-)", " ", "x-"]);
    expect(pieces("a—b")).toEqual(["a", "—", "b"]);
  });
  it("ends a line after the hyphen of COVID-19 when the whole word does not fit", () => {
    // 5 pt per character: "dịch COVID-" (11 characters) fits a 60 pt line, "dịch COVID-19." (14) does not.
    const lines = breakLines(segmentsOf([{ text: "dịch COVID-19." }], 10, fakeMetrics), 60, 60, fakeMetrics);
    expect(lines.map((l) => l.segments.map((s) => s.text).join(""))).toEqual(["dịch COVID-", "19."]);
  });
  it("ends a line at a line break in the text (the DOCX's w:br), as given", () => {
    const lines = breakLines(segmentsOf([{ text: "aa bb\ncc" }], 10, fakeMetrics), 100, 100, fakeMetrics);
    expect(lines.map((l) => l.segments.map((s) => s.text).join(""))).toEqual(["aa bb", "cc"]);
  });
  it("honours the first-line indent and splits a word longer than a line", () => {
    const lines = breakLines(segmentsOf([{ text: "abcdefghijkl" }], 10, fakeMetrics), 30, 50, fakeMetrics);
    expect(lines.map((l) => l.segments.map((s) => s.text).join(""))).toEqual(["abcdef", "ghijkl"]);
  });
});

describe("paragraphs", () => {
  it("justifies all lines but the last by widening spaces", () => {
    const boxes = layoutParagraph({ runs: [{ text: "aa bb cc dd ee ff gg" }], style: { ...style, firstLinePt: 0 } }, 50, fakeMetrics);
    expect(boxes.map((b) => texts(b.items))).toEqual([["aa", "bb", "cc"], ["dd", "ee", "ff"], ["gg"]]);
    const xs = (boxes[0]!.items as TextItem[]).map((t) => t.x);
    expect(xs[0]).toBe(0);
    expect(xs[2]! + 10).toBeCloseTo(50); // last word ends at the right edge
    expect(boxes[2]!.spaceAfter).toBe(6);
  });
  it("keeps bold and italic runs as separate items", () => {
    const [box] = layoutParagraph({ runs: [{ text: "a " }, { text: "b", bold: true }], style: { ...style, align: "left", firstLinePt: 0 } }, 200, fakeMetrics);
    expect((box!.items as TextItem[]).map((t) => [t.text, t.face])).toEqual([["a ", "regular"], ["b", "bold"]]);
  });
});

describe("pagination", () => {
  const frame = { width: 200, height: 200, left: 10, top: 10, textWidth: 180, bottom: 100 };
  const box = (h: number, keep = false) => ({ height: h, items: [{ kind: "text" as const, x: 0, y: h, text: `h${h}`, face: "regular" as const, size: 10 }], anchors: [], spaceBefore: 0, spaceAfter: 0, keepWithNext: keep });
  it("moves a box that does not fit to a new page", () => {
    const pages = paginate([box(50), box(30), box(30)], frame);
    expect(pages.map((p) => texts(p.items))).toEqual([["h50", "h30"], ["h30"]]);
  });
  it("moves a keep-with-next chain together", () => {
    const pages = paginate([box(40), box(20, true), box(35)], frame);
    expect(pages.map((p) => texts(p.items))).toEqual([["h40"], ["h20", "h35"]]);
  });
  it("puts the larger of space after and space before between two boxes, not their sum (as Word and LibreOffice)", () => {
    const a = { ...box(10), spaceAfter: 12 };
    const b = { ...box(20), spaceBefore: 6 };
    const [page] = paginate([a, b], frame);
    const ys = (page!.items as TextItem[]).map((t) => t.y);
    expect(ys).toEqual([10 + 10, 10 + 10 + 12 + 20]);
  });
  it("honours page breaks", () => {
    const entries: FlowEntry[] = [box(10), { kind: "break" }, box(10)];
    expect(paginate(entries, frame)).toHaveLength(2);
  });
  // 10 pt lines of 11.5 pt (fake metrics); the frame's text area is 90 pt tall: 7 lines.
  const para = (n: number, extra: Partial<ParagraphStyle> = {}) =>
    layoutParagraph({ runs: [{ text: Array.from({ length: n }, (_, i) => `l${i + 1}aaaaa`).join(" ") }], style: { ...style, align: "left", firstLinePt: 0, spaceAfterPt: 0, ...extra } }, 40, fakeMetrics);
  const linesOf = (pages: ReturnType<typeof paginate>) => pages.map((p) => texts(p.items).filter((t) => t.startsWith("l")));
  it("splits a paragraph across pages where it does not fit, keeping two lines on each page (widow and orphan control)", () => {
    expect(para(5)).toHaveLength(5);
    // Room for 4 lines after a 40 pt box: 4 + 1 would leave a widow, so 3 + 2.
    expect(linesOf(paginate([box(40), ...para(5)], frame))).toEqual([["l1aaaaa", "l2aaaaa", "l3aaaaa"], ["l4aaaaa", "l5aaaaa"]]);
    // Room for 4 lines of an 8-line paragraph: 4 + 4.
    expect(linesOf(paginate([box(40), ...para(8)], frame)).map((p) => p.length)).toEqual([4, 4]);
    // Room for one line: no orphan, the paragraph starts the next page.
    expect(linesOf(paginate([box(75), ...para(5)], frame)).map((p) => p.length)).toEqual([0, 5]);
    // Three lines cannot split 2 + 2: they move whole.
    expect(linesOf(paginate([box(60), ...para(3)], frame)).map((p) => p.length)).toEqual([0, 3]);
  });
  it("without widow control, splits a paragraph after as many lines as fit", () => {
    expect(linesOf(paginate([box(40), ...para(5, { widowControl: false })], frame)).map((p) => p.length)).toEqual([4, 1]);
  });
  it("keeps a heading with the first two lines of the next paragraph", () => {
    const heading = layoutParagraph({ runs: [{ text: "hd" }], style: { ...style, firstLinePt: 0, spaceAfterPt: 0, keepNext: true } }, 40, fakeMetrics);
    // After 60 pt: the heading and one line would fit (23 pt of 30), not the heading and two.
    const pages = paginate([box(60), ...heading, ...para(6)], frame);
    expect(pages.map((p) => texts(p.items))).toEqual([["h60"], ["hd", "l1aaaaa", "l2aaaaa", "l3aaaaa", "l4aaaaa", "l5aaaaa", "l6aaaaa"]]);
    // After 50 pt: heading and two lines fit (34.5 of 40), the rest follows on the next page.
    expect(linesOf(paginate([box(50), ...heading, ...para(6)], frame)).map((p) => p.length)).toEqual([2, 4]);
  });
  it("makes a table row as tall as its lines, its two paddings and one border, as LibreOffice measures it", () => {
    const rows = layoutTable({ kind: "table", columns: [{ width: 1 }], headerRows: 0, rows: [{ cells: [{ paragraphs: [[{ text: "a" }], [{ text: "b" }]] }] }] }, 100, { ...style, firstLinePt: 0, spaceAfterPt: 0 }, fakeMetrics);
    expect(rows[0]!.height).toBeCloseTo(2 * 11.5 + 2 * 2 + 0.5, 6);
  });
  it("repeats a table's header row on the next page", () => {
    const table = layoutTable(
      { kind: "table", columns: [{ width: 1 }], headerRows: 1, rows: Array.from({ length: 12 }, (_, i) => ({ cells: [{ paragraphs: [[{ text: `r${i}` }]] }] })) },
      100,
      { ...style, firstLinePt: 0, spaceAfterPt: 0 },
      fakeMetrics,
    );
    const pages = paginate(table, frame);
    expect(pages.length).toBeGreaterThan(1);
    for (const p of pages) expect(texts(p.items)[0]).toBe("r0");
  });
});
