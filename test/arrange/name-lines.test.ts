/** Agency names in the header broken where a typist would, the same lines in the DOCX and the PDF. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { arrangeDocument, Measurer } from "../../src/arrange/arrange.ts";
import { breakName, breaksCompound, nameLines, withCompounds } from "../../src/arrange/name-lines.ts";
import type { AdminDocument } from "../../src/document/model.ts";
import { layoutDocument } from "../../src/pdf/layout/document.ts";
import type { TextItem } from "../../src/pdf/types.ts";
import { renderDocx } from "../../src/render/docx/render.ts";
import { SHELL_PATH } from "../../src/render/docx/shell.ts";
import { readShellStyle } from "../../src/render/docx/style.ts";
import { attr, parseXml } from "../../src/render/docx/xml.ts";
import { testFonts } from "../helpers/render-docx.ts";
import { docxParts, findAll, part } from "../render/docx/docx-helpers.ts";
import { planDocument } from "../render/docx/fixtures.ts";
import { AGENCY_NAMES, splitCompound } from "./agency-names.ts";

const shell = new Uint8Array(readFileSync(SHELL_PATH));
const style = readShellStyle(shell);
const m = new Measurer(testFonts);
const issuer = style.styles.issuer;
const arrangeIssuer = (lines: string[]) => arrangeDocument({ ...planDocument(), header: { ...planDocument().header, issuer: lines } }, style, testFonts).header;
const column = () => {
  const h = arrangeIssuer(["X"]);
  return h.columns[0] - 2 * 2.85;
};

describe("agency names in the header", () => {
  it(`never break inside a compound, and every line fits the column (${AGENCY_NAMES.length} real names)`, () => {
    expect(AGENCY_NAMES.length).toBeGreaterThanOrEqual(30);
    const width = column();
    for (const name of AGENCY_NAMES) {
      const lines = arrangeIssuer([name]).issuer;
      expect(lines.join(" "), name).toBe(name);
      expect(splitCompound(lines), `${name} → ${JSON.stringify(lines)}`).toBeUndefined();
      for (const l of lines) expect(m.width(l, issuer), l).toBeLessThanOrEqual(width);
      // A line never ends with "VÀ"/"CỦA" nor starts with a dash.
      for (const l of lines.slice(0, -1)) expect(l, name).not.toMatch(/ (VÀ|CỦA)$/u);
      for (const l of lines.slice(1)) expect(l, name).not.toMatch(/^[-–]/u);
    }
  });

  it("break the names the issue quotes as a typist would, lines balanced", () => {
    expect(arrangeIssuer(["SỞ KHOA HỌC VÀ CÔNG NGHỆ"]).issuer).toEqual(["SỞ KHOA HỌC", "VÀ CÔNG NGHỆ"]);
    expect(arrangeIssuer(["KHO BẠC NHÀ NƯỚC KHU VỰC XX"]).issuer).toEqual(["KHO BẠC NHÀ NƯỚC", "KHU VỰC XX"]);
    expect(arrangeIssuer(["SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"]).issuer).toEqual(["SỞ LAO ĐỘNG -", "THƯƠNG BINH VÀ XÃ HỘI"]);
    expect(arrangeIssuer(["SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG"]).issuer).toEqual(["SỞ TÀI NGUYÊN", "VÀ MÔI TRƯỜNG"]);
    expect(arrangeIssuer(["BẢO HIỂM XÃ HỘI TỈNH TRÀ VINH"]).issuer).toEqual(["BẢO HIỂM XÃ HỘI", "TỈNH TRÀ VINH"]);
    expect(arrangeIssuer(["SỞ Y TẾ"]).issuer).toEqual(["SỞ Y TẾ"]);
  });

  it("leave no word alone on a line (the synthetic bloc's copies of the example's units)", () => {
    expect(arrangeIssuer(["SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI (BẢN SAO 4)"]).issuer).toEqual(["SỞ LAO ĐỘNG -", "THƯƠNG BINH", "VÀ XÃ HỘI (BẢN SAO 4)"]);
    for (const name of ["SỞ KHOA HỌC VÀ CÔNG NGHỆ (BẢN SAO 3)", "ĐÀI PHÁT THANH VÀ TRUYỀN HÌNH TRÀ VINH (BẢN SAO 12)", "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH (BẢN SAO 39)"]) {
      const lines = arrangeIssuer([name]).issuer;
      expect(lines.filter((l) => !l.includes(" ")), name).toEqual([]);
      expect(splitCompound(lines), name).toBeUndefined();
    }
  });

  it("keep the lines the data fixes by hand (the bloc's co_quan_ban_hanh), even where one line would fit", () => {
    expect(arrangeIssuer(["KHỐI THI ĐUA CÁC CƠ QUAN", "VĂN HÓA – XÃ HỘI"]).issuer).toEqual(["KHỐI THI ĐUA CÁC CƠ QUAN", "VĂN HÓA – XÃ HỘI"]);
    expect(arrangeIssuer(["SỞ Y", "TẾ"]).issuer).toEqual(["SỞ Y TẾ"]);
    expect(arrangeIssuer(["SỞ", "Y TẾ"]).issuer).toEqual(["SỞ", "Y TẾ"]);
  });

  it("mend lines given with a break inside a compound (as a 26-character split makes them)", () => {
    expect(breaksCompound("SỞ LAO ĐỘNG - THƯƠNG", "BINH VÀ XÃ HỘI")).toBe(true);
    expect(breaksCompound("SỞ KHOA HỌC", "VÀ CÔNG NGHỆ")).toBe(false);
    expect(arrangeIssuer(["SỞ LAO ĐỘNG - THƯƠNG", "BINH VÀ XÃ HỘI"]).issuer).toEqual(["SỞ LAO ĐỘNG -", "THƯƠNG BINH VÀ XÃ HỘI"]);
    expect(arrangeIssuer(["KHO BẠC NHÀ", "NƯỚC KHU VỰC XX"]).issuer).toEqual(["KHO BẠC NHÀ NƯỚC", "KHU VỰC XX"]);
  });

  it("when a bloc's own compound is too wide for a line, break inside it, never inside the compounds that fit", () => {
    const name = "ĐÀI PHÁT THANH VÀ TRUYỀN HÌNH TRÀ VINH";
    for (const own of [["Đài Phát thanh và Truyền hình Trà Vinh"], ["Phát thanh và Truyền hình"], [name], ["Thanh và Truyền hình"]]) {
      const compounds = withCompounds(own);
      const lines = breakName(name, (l) => m.width(l, issuer), column(), compounds);
      expect(lines.join(" "), own[0]).toBe(name);
      expect(lines.length, own[0]).toBeGreaterThan(1);
      for (let i = 1; i < lines.length; i++) expect(breaksCompound(lines[i - 1]!, lines[i]!), `${own[0]}: ${lines.join(" / ")}`).toBe(false);
      for (const l of lines) expect(m.width(l, issuer)).toBeLessThanOrEqual(column());
      // The rules outside compounds still hold where a compound gave way: no line ends with VÀ, no word alone.
      for (const l of lines.slice(0, -1)) expect(l, `${own[0]}: ${lines.join(" / ")}`).not.toMatch(/ VÀ$/u);
      for (const l of lines) expect(l.split(" ").length, `${own[0]}: ${lines.join(" / ")}`).toBeGreaterThan(1);
    }
  });

  it("compare words without regard to old or new tone placement", () => {
    expect(breaksCompound("SỞ VĂN HOÁ, THỂ THAO VÀ VĂN", "HOÁ")).toBe(true);
    expect(breaksCompound("ỦY", "BAN")).toBe(breaksCompound("UỶ", "BAN"));
  });

  it("stay linear on a pasted paragraph", () => {
    const long = Array.from({ length: 400 }, (_, i) => (i % 3 ? "CÔNG NGHỆ" : "VÀ")).join(" ");
    const t = performance.now();
    const lines = breakName(long, (l) => m.width(l, issuer), 180);
    expect(performance.now() - t).toBeLessThan(2000);
    expect(lines.join(" ")).toBe(long);
    expect(nameLines([], (l) => l.length, 10)).toEqual([]);
  });

  it("in a signature's title lines too: a line wider than the column is broken by the same rule", () => {
    const long = "GIÁM ĐỐC SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI TỈNH TRÀ VINH";
    const doc: AdminDocument = { ...planDocument(), signatures: [{ role: "signer", lines: ["KT. GIÁM ĐỐC", long], name: "Nguyễn Văn A" }] };
    const a = arrangeDocument(doc, style, testFonts).signature!;
    expect(a.layout).toBe("single");
    if (a.layout !== "single") return;
    const lines = a.signers[0]!.lines;
    expect(lines[0]).toBe("KT. GIÁM ĐỐC");
    expect(lines.slice(1).join(" ")).toBe(long);
    expect(lines.length).toBeGreaterThan(2);
    expect(splitCompound(lines.slice(1)), JSON.stringify(lines)).toBeUndefined();
    const inner = a.columns[1] - 2 * 2.85;
    for (const l of lines) expect(m.width(l, style.styles.signatureTitle), l).toBeLessThanOrEqual(inner);
  });

  it("are the same lines in the DOCX and the PDF", () => {
    const doc: AdminDocument = { ...planDocument(), header: { ...planDocument().header, issuer: ["SỞ KHOA HỌC VÀ CÔNG NGHỆ"] } };
    const arrangement = arrangeDocument(doc, style, testFonts);
    const xml = part(docxParts(renderDocx(doc, shell, arrangement, style)), "word/document.xml");
    const issuerParas = findAll(parseXml(xml).root, "w:p").filter((p) => findAll(p, "w:pStyle").some((s) => attr(s, "w:val") === "Issuer"));
    const docxLines = issuerParas.map((p) => findAll(p, "w:t").map((t) => t.children.join("")).join(""));
    expect(docxLines).toEqual(["SỞ KHOA HỌC", "VÀ CÔNG NGHỆ"]);
    // The PDF: the bold 12 pt lines of the left column, top to bottom.
    const page = layoutDocument(doc, style, testFonts).pages[0]!;
    const bold = page.items.filter((i): i is TextItem => i.kind === "text" && i.face === "bold" && i.size === issuer.sizePt && i.x < 200);
    const byLine = new Map<number, string[]>();
    for (const i of bold) byLine.set(i.y, [...(byLine.get(i.y) ?? []), i.text]);
    expect([...byLine.values()].map((w) => w.join(" "))).toEqual(docxLines);
  });
});
