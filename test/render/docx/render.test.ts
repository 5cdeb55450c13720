import { readFileSync } from "node:fs";
import PizZip from "pizzip";
import { describe, expect, it } from "vitest";
import { renderArranged } from "../../helpers/render-docx.ts";
import { SHELL_PATH } from "../../../src/render/docx/shell.ts";
import { repackZip } from "../../helpers/repack-zip.ts";
import { child, childElements, parseXml, attr } from "../../../src/render/docx/xml.ts";
import { docxParts, findAll, firstOutOfOrder, paragraphTexts, part } from "./docx-helpers.ts";
import { minutesDocument, planDocument, proposalDocument } from "./fixtures.ts";

const shell = new Uint8Array(readFileSync(SHELL_PATH));

describe("renderDocx: a plan", () => {
  const bytes = renderArranged(planDocument(), shell);
  const parts = docxParts(bytes);
  const documentXml = part(parts, "word/document.xml");
  const root = parseXml(documentXml).root;
  const texts = paragraphTexts(documentXml);

  it("is a ZIP whose XML parts are well-formed", () => {
    for (const [name, text] of parts) if (/\.(xml|rels)$/.test(name)) expect(() => parseXml(text), name).not.toThrow();
    expect([...parts.keys()][0]).toBe("[Content_Types].xml");
  });

  it("has the texts in order", () => {
    expect(
      firstOutOfOrder(texts, [
        "UBND TỈNH TRÀ VINH",
        "KHỐI THI ĐUA CÁC CƠ QUAN",
        "VĂN HÓA - XÃ HỘI",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 05/KH-K8",
        "Trà Vinh, ngày 05 tháng 02 năm 2020",
        "KẾ HOẠCH",
        "Tổ chức và phát động phong trào thi đua năm 2020",
        "Để thực hiện thắng lợi",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Mục đích:",
        "- Nhằm tạo khí thế",
        "STT",
        "Đạt 100%",
        "Tổng cộng: 2 tiêu chí",
        "./.",
        "Nơi nhận:",
        "- Lưu: VT.",
        "TM. KHỐI 8",
        "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH",
        "Dương Hoàng Sum",
        "Phụ lục",
        "BẢNG TỔNG HỢP ĐIỂM THI ĐUA",
        "(Kèm theo Kế hoạch số 05/KH-K8",
        "Xếp hạng",
      ]),
    ).toBeUndefined();
    expect(documentXml).not.toContain("undefined");
    expect(documentXml).not.toContain("{@body}");
    expect(documentXml).not.toMatch(/_{3,}/);
  });

  it("escapes text", () => {
    expect(texts).toContain("- Xây dựng tổ chức cơ sở Đảng “Trong sạch vững mạnh” & công sở đạt chuẩn <văn hóa>;");
    expect(documentXml).toContain("&amp; công sở đạt chuẩn &lt;văn hóa&gt;;");
  });

  it("has an A4 portrait section with Decree 30 margins, then a landscape one for the appendix", () => {
    const sections = findAll(root, "w:sectPr");
    expect(sections).toHaveLength(2);
    const [inner, final] = sections;
    expect(child(inner, "w:pgSz")?.attrs).toEqual([["w:w", "11906"], ["w:h", "16838"]]);
    expect(child(inner, "w:pgMar")?.attrs).toEqual([
      ["w:top", "1134"], ["w:right", "850"], ["w:bottom", "1134"], ["w:left", "1701"],
      ["w:header", "567"], ["w:footer", "567"], ["w:gutter", "0"],
    ]);
    expect(child(inner, "w:titlePg")).toBeDefined();
    // The last section is the landscape appendix: sizes swapped, margins kept, number on its first page.
    expect(child(final, "w:pgSz")?.attrs).toEqual([["w:w", "16838"], ["w:h", "11906"], ["w:orient", "landscape"]]);
    expect(child(final, "w:pgMar")?.attrs).toEqual(child(inner, "w:pgMar")?.attrs);
    expect(child(final, "w:titlePg")).toBeUndefined();
    expect(childElements(child(root, "w:body")!).at(-1)).toBe(final);
  });

  it("lays the header, the signature and the tables out as tables", () => {
    const tables = findAll(root, "w:tbl");
    // header, data table, signature, appendix table
    expect(tables).toHaveLength(4);
    const [header, data, signature, appendix] = tables;
    expect(findAll(header!, "w:tblBorders")[0]?.children.every((b) => typeof b !== "string" && attr(b, "w:val") === "nil")).toBe(true);
    expect(findAll(header!, "w:pBdr")).toHaveLength(0);
    expect(findAll(header!, "w:pStyle").filter((s) => attr(s, "w:val") === "Rule")).toHaveLength(2);
    expect(findAll(data!, "w:tblHeader")).toHaveLength(1);
    expect(findAll(data!, "w:gridSpan").map((g) => attr(g, "w:val"))).toEqual(["3"]);
    expect(findAll(data!, "w:vMerge").map((v) => attr(v, "w:val") ?? "continue")).toEqual(["restart", "continue"]);
    // Data table rows never split across pages (each row carries cantSplit).
    expect(findAll(data!, "w:cantSplit")).toHaveLength(findAll(data!, "w:tr").length);
    expect(findAll(signature!, "w:cantSplit")).toHaveLength(1);
    expect(findAll(appendix!, "w:tblHeader")).toHaveLength(2);
    // Grid widths fill the text width: 165 mm portrait, 252 mm landscape.
    const gridSum = (t: typeof data) => findAll(t!, "w:gridCol").reduce((a, g) => a + Number(attr(g, "w:w")), 0);
    expect(gridSum(data)).toBe(9354);
    expect(gridSum(appendix)).toBe(14287);
    expect(gridSum(header)).toBe(9354);
  });

  it("keeps the last paragraph of the body with the signature", () => {
    const body = child(root, "w:body")!;
    const kids = childElements(body);
    const sigIndex = kids.indexOf(findAll(root, "w:tbl")[2]!);
    expect(findAll(kids[sigIndex - 1]!, "w:keepNext")).toHaveLength(1);
  });

  it("writes the metadata from the document, not the clock", () => {
    const core = part(parts, "docProps/core.xml");
    expect(core).toContain("<dc:title>Kế hoạch tổ chức và phát động phong trào thi đua năm 2020</dc:title>");
    expect(core).toContain("<dc:creator>Sở Văn hóa, Thể thao và Du lịch</dc:creator>");
    expect(core).toContain("<cp:keywords>thi đua, Khối 8, 2020</cp:keywords>");
    expect(core).toContain("<dc:language>vi-VN</dc:language>");
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2020-02-05T00:00:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2020-02-05T00:00:00Z</dcterms:modified>');
  });

  it("gives byte-identical output for the same input", () => {
    const again = renderArranged(planDocument(), shell);
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
    const zip = new PizZip(bytes);
    for (const file of Object.values(zip.files)) {
      expect(file.date.getFullYear()).toBe(1980);
    }
  });
});

describe("renderDocx: minutes", () => {
  const parts = docxParts(renderArranged(minutesDocument(), shell));
  const documentXml = part(parts, "word/document.xml");
  const texts = paragraphTexts(documentXml);

  it("has no place-and-date line", () => {
    expect(texts.some((t) => t.includes("ngày") && t.includes("Trà Vinh"))).toBe(false);
    expect(documentXml).not.toContain('w:val="PlaceDate"');
  });

  it("puts THƯ KÝ left, CHỦ TỌA right, Nơi nhận below", () => {
    expect(firstOutOfOrder(texts, ["THƯ KÝ", "Nguyễn Văn A", "CHỦ TỌA", "Dương Hoàng Sum", "Nơi nhận:", "- Lưu: VT, Hồ sơ."])).toBeUndefined();
    const root = parseXml(documentXml).root;
    const signature = findAll(root, "w:tbl")[1]!;
    const cells = findAll(signature, "w:tc");
    expect(cells).toHaveLength(2);
    expect(findAll(cells[0]!, "w:t").map((t) => t.children.join(""))).toEqual(["THƯ KÝ", "Nguyễn Văn A"]);
    expect(findAll(cells[1]!, "w:t").map((t) => t.children.join(""))).toEqual(["CHỦ TỌA", "Dương Hoàng Sum"]);
    expect(findAll(root, "w:sectPr")).toHaveLength(1);
  });
});

describe("renderDocx: a proposal with three appendices", () => {
  const documentXml = part(docxParts(renderArranged(proposalDocument(), shell)), "word/document.xml");
  const root = parseXml(documentXml).root;
  const texts = paragraphTexts(documentXml);

  it("lists several Kính gửi recipients under one label, then the căn cứ lines", () => {
    expect(texts).toContain("Kính gửi:\t- Ủy ban nhân dân tỉnh Trà Vinh;");
    expect(firstOutOfOrder(texts, ["Kính gửi:", "- Hội đồng Thi đua", "Căn cứ Luật", "Căn cứ Biên bản", "Khối 8 kính trình"])).toBeUndefined();
  });

  it("starts portrait appendices on a new page and landscape ones in a section of their own", () => {
    const sections = findAll(root, "w:sectPr");
    const orient = (i: number) => attr(child(sections[i], "w:pgSz")!, "w:orient") ?? "portrait";
    expect(sections.map((_, i) => orient(i))).toEqual(["portrait", "landscape", "portrait"]);
    expect(sections.map((s) => child(s, "w:titlePg") !== undefined)).toEqual([true, false, false]);
    const labels = findAll(root, "w:p").filter((p) => findAll(p, "w:pStyle").some((s) => attr(s, "w:val") === "AppendixLabel"));
    expect(labels.map((p) => findAll(p, "w:pageBreakBefore").length)).toEqual([1, 0, 0]);
    expect(findAll(root, "w:br").filter((b) => attr(b, "w:type") === "page")).toHaveLength(1);
  });

  it("leaves an empty name line when the name is blank", () => {
    const names = findAll(root, "w:p").filter((p) => findAll(p, "w:pStyle").some((s) => attr(s, "w:val") === "SignatureName"));
    expect(names).toHaveLength(1);
    expect(findAll(names[0]!, "w:t")).toHaveLength(0);
  });
});

describe("renderDocx: errors", () => {
  it("fails on a tag the shell has and the data does not", () => {
    const zip = new PizZip(shell);
    const doc = zip.file("word/document.xml")?.asText() ?? "";
    zip.file("word/document.xml", doc.replace("<w:sectPr>", "<w:p><w:r><w:t>{unknownTag}</w:t></w:r></w:p><w:sectPr>"));
    expect(() => renderArranged(planDocument(), repackZip(zip))).toThrow(/unknownTag/);
  });

  it("leaves braces in the text alone", () => {
    const doc = planDocument();
    doc.body.push({ kind: "paragraph", runs: [{ text: "Mẫu {tên} và {@raw}" }] });
    expect(paragraphTexts(part(docxParts(renderArranged(doc, shell)), "word/document.xml"))).toContain("Mẫu {tên} và {@raw}");
  });

  it("rejects a metadata date that is not YYYY-MM-DD", () => {
    const doc = planDocument();
    doc.meta.date = "05/02/2020";
    expect(() => renderArranged(doc, shell)).toThrow(/YYYY-MM-DD/);
  });
});
