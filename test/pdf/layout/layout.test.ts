import { describe, expect, it } from "vitest";
import type { ParagraphStyle } from "../../../src/render/docx/style.ts";
import { paginate, type FlowEntry } from "../../../src/pdf/layout/flow.ts";
import { layoutParagraph } from "../../../src/pdf/layout/paragraph.ts";
import { layoutTable } from "../../../src/pdf/layout/table.ts";
import { breakLines, segmentsOf } from "../../../src/pdf/layout/text-lines.ts";
import type { TextItem } from "../../../src/pdf/types.ts";
import { fakeMetrics } from "./fake-metrics.ts";

const style: ParagraphStyle = {
  id: "Normal", name: "Normal", font: "Times New Roman", sizePt: 10, bold: false, italic: false, align: "justify",
  indentLeftPt: 0, indentRightPt: 0, firstLinePt: 10, spaceBeforePt: 0, spaceAfterPt: 6, line: { rule: "auto", multiple: 1 },
  keepNext: false, contextualSpacing: false,
};
const texts = (items: { kind: string }[]) => (items.filter((i) => i.kind === "text") as TextItem[]).map((t) => t.text);

describe("line breaking", () => {
  it("breaks greedily at spaces, never leaving a space at a line start", () => {
    // 5 pt per character at 10 pt: a 50 pt line holds 10 characters.
    const lines = breakLines(segmentsOf([{ text: "aaaa bbbb cccc dd" }], 10, fakeMetrics), 50, 50, fakeMetrics);
    expect(lines.map((l) => l.segments.map((s) => s.text).join(""))).toEqual(["aaaa bbbb ", "cccc dd"]);
    expect(lines[0]!.width).toBe(45);
  });
  it("allows a break after a hyphen between letters, not before a digit", () => {
    const units = segmentsOf([{ text: "TĐ-KT COVID-19" }], 10, fakeMetrics);
    expect(units.map((u) => u.map((s) => s.text).join(""))).toEqual(["TĐ-", "KT", " ", "COVID-19"]);
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
  it("honours page breaks", () => {
    const entries: FlowEntry[] = [box(10), { kind: "break" }, box(10)];
    expect(paginate(entries, frame)).toHaveLength(2);
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
