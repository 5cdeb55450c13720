import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { TableBlock } from "../../../src/document/model.ts";
import { ruleParagraph, splitWidths, type RenderContext } from "../../../src/render/docx/layout.ts";
import { SHELL_PATH } from "../../../src/render/docx/shell.ts";
import { readShellStyle } from "../../../src/render/docx/style.ts";
import { tableXml } from "../../../src/render/docx/table-xml.ts";
import { Measurer } from "../../../src/arrange/arrange.ts";
import { arrangeFlow } from "../../../src/arrange/flow.ts";
import { testFonts } from "../../helpers/render-docx.ts";
import { kinhGuiXml } from "../../../src/render/docx/title-xml.ts";
import { runXml } from "../../../src/render/docx/wml.ts";
import { attr, parseXml } from "../../../src/render/docx/xml.ts";
import { findAll, paragraphTexts } from "./docx-helpers.ts";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const ctx: RenderContext = { style: readShellStyle(new Uint8Array(readFileSync(SHELL_PATH))), textWidthTw: 9354 };
/** A table as the arrangement lays out its grid and flow. */
const arranged = (table: TableBlock): string => tableXml(table, arrangeFlow([table], ctx.style, false)[0]!.table!, ctx);
const wrap = (xml: string) => parseXml(`<w:body ${W}>${xml}</w:body>`).root;
const mm = (pt: number) => (pt / 72) * 25.4;

/** The one text measurer (real font metrics), as the arrangement uses it. */
const measurer = new Measurer(testFonts);
const textWidthPt = (text: string, sizePt: number, bold = false) => measurer.width(text, { sizePt, bold, italic: false });

describe("text widths (the arrangement's measurer, real font metrics)", () => {
  it("measures the header lines close to their real widths", () => {
    // Measured in LibreOffice with Liberation Serif: 56.1 mm and 88.3 mm.
    expect(mm(textWidthPt("Độc lập - Tự do - Hạnh phúc", 13, true))).toBeCloseTo(56.1, 0);
    expect(mm(textWidthPt("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, true))).toBeCloseTo(88.3, 0);
  });

  it("treats decomposed and precomposed Vietnamese alike", () => {
    expect(textWidthPt("Trường", 14)).toBe(textWidthPt("Trường".normalize("NFD"), 14));
    expect(textWidthPt("ư", 10)).toBeGreaterThan(textWidthPt("u", 10));
  });
});

describe("layout helpers", () => {
  it("splits widths exactly", () => {
    expect(splitWidths(1000, [1, 1, 1])).toEqual([333, 333, 334]);
    expect(splitWidths(100, [0, 0])).toEqual([50, 50]);
  });

  it("centres a drawn line with indents and keeps it inside the cell", () => {
    const ind = findAll(wrap(ruleParagraph(1000, 3000)), "w:ind")[0]!;
    expect([attr(ind, "w:left"), attr(ind, "w:right")]).toEqual(["1000", "1000"]);
    const wide = findAll(wrap(ruleParagraph(5000, 3000)), "w:ind")[0]!;
    expect(attr(wide, "w:left")).toBe("0");
  });

  it("turns line breaks and tabs into w:br and w:tab", () => {
    expect(runXml("a\nb\tc", { bold: true })).toBe(
      '<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">a</w:t><w:br/><w:t xml:space="preserve">b</w:t><w:tab/><w:t xml:space="preserve">c</w:t></w:r>',
    );
  });
});

describe("Kính gửi", () => {
  it("puts one recipient on the label's line, centred", () => {
    const xml = `<w:body ${W}>${kinhGuiXml({ kind: "line", text: "Kính gửi: Ủy ban nhân dân tỉnh Trà Vinh." })}</w:body>`;
    const root = parseXml(xml).root;
    expect(paragraphTexts(xml)).toEqual(["Kính gửi: Ủy ban nhân dân tỉnh Trà Vinh."]);
    expect(findAll(root, "w:jc")).toHaveLength(0); // the Addressee style centres
  });
});

describe("tables", () => {
  const t = (text: string) => ({ paragraphs: [[{ text }]] });
  it("rebuilds the cells a rowSpan covers as vMerge continuations, spanning like the first", () => {
    const table: TableBlock = {
      kind: "table",
      columns: [{ width: 1 }, { width: 1 }, { width: 1 }, { width: 1 }],
      headerRows: 0,
      rows: [
        { cells: [t("a"), { ...t("b"), colSpan: 2, rowSpan: 3 }, t("c")] },
        { cells: [t("d"), t("e")] },
        { cells: [t("f"), t("g")] },
        { cells: [t("h"), t("i"), t("j"), t("k")] },
      ],
    };
    const root = wrap(arranged(table));
    const rows = findAll(root, "w:tr").map((tr) =>
      findAll(tr, "w:tc").map((tc) => {
        const merge = findAll(tc, "w:vMerge")[0];
        const span = findAll(tc, "w:gridSpan")[0];
        const text = findAll(tc, "w:t").map((x) => x.children.join("")).join("");
        return `${text || "·"}${span ? `/${attr(span, "w:val")}` : ""}${merge ? `:${attr(merge, "w:val") ?? "cont"}` : ""}`;
      }),
    );
    expect(rows).toEqual([
      ["a", "b/2:restart", "c"],
      ["d", "·/2:cont", "e"],
      ["f", "·/2:cont", "g"],
      ["h", "i", "j", "k"],
    ]);
  });

  it("refuses a row with more cells than columns", () => {
    const table: TableBlock = { kind: "table", columns: [{ width: 1 }], headerRows: 0, rows: [{ cells: [t("a"), t("b")] }] };
    expect(() => arranged(table)).toThrow(/more cells/);
  });
});
