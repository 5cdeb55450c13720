/**
 * Titles (tên loại, trích yếu, appendix titles) broken as a typist would, the
 * same lines in the DOCX (w:br) and the PDF, and the short line under a
 * wrapped trích yếu 1/3–1/2 of its longest line as set.
 */
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { arrangeDocument, Measurer, textWidthPt } from "../../src/arrange/arrange.ts";
import { MIN_RULE_PT, SHORT_RULE_FRACTION } from "../../src/document/conventions.ts";
import { breaksCompound } from "../../src/arrange/name-lines.ts";
import { breakTitle } from "../../src/arrange/title-lines.ts";
import type { AdminDocument } from "../../src/document/model.ts";
import { memoryWorld } from "../../src/io/memory-world.ts";
import { layoutDocument } from "../../src/pdf/layout/document.ts";
import type { LineItem, TextItem } from "../../src/pdf/types.ts";
import { checkProject } from "../../src/pipeline.ts";
import { renderDocx } from "../../src/render/docx/render.ts";
import { SHELL_PATH } from "../../src/render/docx/shell.ts";
import { readShellStyle } from "../../src/render/docx/style.ts";
import { attr, parseXml, type XmlElement } from "../../src/render/docx/xml.ts";
import { exampleWorld } from "../helpers/example.ts";
import { FIXTURES, readTree, repoTemplates } from "../helpers/fixture-world.ts";
import { testFonts } from "../helpers/render-docx.ts";
import { docxParts, findAll, part } from "../render/docx/docx-helpers.ts";
import { planDocument } from "../render/docx/fixtures.ts";

const shell = new Uint8Array(readFileSync(SHELL_PATH));
const style = readShellStyle(shell);
const m = new Measurer(testFonts);
const width = textWidthPt(style.page);
const summaryWidth = (l: string) => m.width(l, style.styles.summary);

function secondBlocWorld() {
  const data: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(readTree(join(FIXTURES, "kinh-te-ky-thuat", "data")))) data[`data/${k}`] = v;
  return memoryWorld({ ...repoTemplates(), ...data }, { outside: async (p) => new Uint8Array(await readFile(p)) });
}
const docs: AdminDocument[] = [...(await checkProject(exampleWorld())).documents, ...(await checkProject(secondBlocWorld())).documents].map((d) => d.doc);

/** Names a title must never split across lines. */
const NAMES = [
  "Ủy ban nhân dân tỉnh",
  "Chủ tịch Ủy ban nhân dân tỉnh",
  "Cờ thi đua",
  "Bằng khen",
  "Kinh tế – Kỹ thuật",
  "Văn hóa – Xã hội",
  "Khối thi đua các cơ quan Kinh tế – Kỹ thuật",
  "Khối thi đua các cơ quan Văn hóa – Xã hội",
  "KHỐI THI ĐUA CÁC CƠ QUAN",
];

/** The typist's rules every broken title keeps. */
function expectTypistLines(text: string, lines: readonly string[], measure: (l: string) => number, maxWidth: number): void {
  const label = `${text} → ${JSON.stringify(lines)}`;
  expect(lines.join(" "), label).toBe(text);
  for (const l of lines) expect(measure(l), label).toBeLessThanOrEqual(maxWidth);
  if (lines.length < 2) return;
  for (let i = 1; i < lines.length; i++) {
    expect(breaksCompound(lines[i - 1]!, lines[i]!), label).toBe(false);
    // Never a number at a line's start ("năm / 2020"), never one word or a year alone on a line.
    expect(lines[i]!, label).not.toMatch(/^\p{N}/u);
    expect(lines[i]!, label).not.toMatch(/^[-–—] /u);
    // Nor inside a compound of titles.
    const gap = `${lines[i - 1]!.split(" ").at(-1)} ${lines[i]!.split(" ")[0]}`.toLowerCase();
    expect(["phong trào", "chủ tịch", "bằng khen", "sơ kết", "tổng kết", "đề nghị", "nhiệm vụ"], label).not.toContain(gap);
  }
  for (const l of lines) expect(l.split(" ").length, label).toBeGreaterThan(1);
  for (const l of lines) expect(l, label).not.toMatch(/^năm \S+$/iu);
  // Names stay whole: each name of the text that fits a line is inside one line.
  for (const name of NAMES) if (text.includes(name) && measure(name) <= maxWidth) expect(lines.some((l) => l.includes(name)), `${name} in ${label}`).toBe(true);
}

describe("titles broken as a typist would", () => {
  it("breaks the real titles of both example blocs at phrase boundaries, names whole, every line fitting", () => {
    let wrapped = 0;
    for (const doc of docs) {
      const a = arrangeDocument(doc, style, testFonts);
      if (a.title) {
        const text = doc.title!.summary.join(" ");
        expectTypistLines(text, a.title.summary, summaryWidth, width);
        if (a.title.summary.length > 1) wrapped++;
      }
      a.appendices.forEach((h, i) => {
        const given = doc.appendices[i]!.title.filter((l) => l !== "");
        const avail = textWidthPt(style.page, doc.appendices[i]!.landscape ?? style.page.landscape);
        for (const l of h.title) expect(m.width(l, style.styles.appendixTitle), l).toBeLessThanOrEqual(avail);
        expect(h.title.join(" ")).toBe(given.join(" "));
      });
    }
    // The proposal of both blocs and the plan of the second wrap.
    expect(wrapped).toBeGreaterThanOrEqual(3);
  });

  it("breaks the proposal's and the plan's trích yếu where a typist would", () => {
    const lines = (text: string) => breakTitle(text, summaryWidth, width);
    expect(lines("Đề nghị tặng Cờ thi đua của Ủy ban nhân dân tỉnh và Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh năm 2020")).toEqual([
      "Đề nghị tặng Cờ thi đua của Ủy ban nhân dân tỉnh",
      "và Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh năm 2020",
    ]);
    expect(lines("Tổ chức phong trào thi đua năm 2024 của Khối thi đua các cơ quan Kinh tế – Kỹ thuật")).toEqual([
      "Tổ chức phong trào thi đua năm 2024",
      "của Khối thi đua các cơ quan Kinh tế – Kỹ thuật",
    ]);
  });

  it("keeps the rules on made-up titles at every width", () => {
    const titles = [
      "Đề nghị tặng Cờ thi đua của Ủy ban nhân dân tỉnh và Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh năm 2020",
      "Tổ chức phong trào thi đua năm 2024 của Khối thi đua các cơ quan Kinh tế – Kỹ thuật",
      "Sơ kết phong trào thi đua 6 tháng đầu năm 2024 của Khối thi đua các cơ quan Văn hóa – Xã hội",
      "Họp tổng kết, bình xét thi đua năm 2020 của Khối thi đua các cơ quan Kinh tế – Kỹ thuật",
      "Tổng kết phong trào thi đua năm 2020 và phương hướng, nhiệm vụ năm 2021",
    ];
    for (const text of titles) {
      const full = summaryWidth(text);
      for (const share of [0.5, 0.6, 0.7, 0.8, 0.9]) {
        const w = Math.max(full * share, ...text.split(" ").map(summaryWidth));
        expectTypistLines(text, breakTitle(text, summaryWidth, w), summaryWidth, w);
      }
    }
  });

  it("keeps a title that fits on one line, and breaks one in capitals before a name", () => {
    expect(breakTitle("Năm 2020", summaryWidth, width)).toEqual(["Năm 2020"]);
    const upper = "BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2020 KHỐI THI ĐUA CÁC CƠ QUAN VĂN HÓA – XÃ HỘI TỈNH TRÀ VINH";
    const bold = (l: string) => m.width(l, style.styles.appendixTitle);
    expect(breakTitle(upper, bold, width)).toEqual(["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2020", "KHỐI THI ĐUA CÁC CƠ QUAN VĂN HÓA – XÃ HỘI TỈNH TRÀ VINH"]);
  });
});

const styleOf = (p: XmlElement) => findAll(p, "w:pStyle").map((s) => attr(s, "w:val"))[0];
/** A paragraph's text with its line breaks (w:br) as "\n". */
function textWithBreaks(p: XmlElement): string {
  let out = "";
  const walk = (e: XmlElement) => {
    if (e.name === "w:t") out += e.children.join("");
    else if (e.name === "w:br") out += "\n";
    for (const c of e.children) if (typeof c !== "string") walk(c);
  };
  walk(p);
  return out;
}

describe("a wrapped title in both outputs", () => {
  const long = "Đề nghị tặng Cờ thi đua của Ủy ban nhân dân tỉnh và Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh năm 2020";
  const doc: AdminDocument = { ...planDocument(), title: { type: "TỜ TRÌNH", summary: [long] } };
  const a = arrangeDocument(doc, style, testFonts);

  it("the DOCX sets the arranged lines in one paragraph, a line break between them", () => {
    expect(a.title!.summary.length).toBe(2);
    const xml = part(docxParts(renderDocx(doc, shell, a, style)), "word/document.xml");
    const paras = findAll(parseXml(xml).root, "w:p");
    expect(paras.filter((p) => styleOf(p) === "DocSummary").map(textWithBreaks)).toEqual([a.title!.summary.join("\n")]);
    expect(paras.filter((p) => styleOf(p) === "DocType").map(textWithBreaks)).toEqual(["TỜ TRÌNH"]);
  });

  it("the PDF draws the same lines, and the short line under them", () => {
    const page = layoutDocument(doc, style, testFonts, { arrangement: a }).pages[0]!;
    const words = page.items.filter((i): i is TextItem => i.kind === "text" && i.face === "bold" && i.size === style.styles.summary.sizePt);
    const byY = new Map<number, string[]>();
    for (const w of words) byY.set(w.y, [...(byY.get(w.y) ?? []), w.text]);
    const rows = [...byY.values()].map((w) => w.join(" ").replace(/\s+/g, " ").trim());
    const at = rows.indexOf(a.title!.summary[0]!);
    expect(rows.slice(at, at + 2)).toEqual(a.title!.summary);
    const lines = page.items.filter((i): i is LineItem => i.kind === "line").map((l) => l.x2 - l.x1);
    expect(Math.abs(lines[2]! - a.title!.rule)).toBeLessThan(0.02);
  });

  it("the short line under a wrapped trích yếu is 1/3–1/2 of its longest line as set", () => {
    const wrapped = [doc, ...docs].map((d) => arrangeDocument(d, style, testFonts).title).filter((t) => t && t.summary.length > 1);
    expect(wrapped.length).toBeGreaterThanOrEqual(3);
    for (const t of wrapped) {
      const ratio = t!.rule / m.widest(t!.summary, style.styles.summary);
      expect(ratio, JSON.stringify(t!.summary)).toBeGreaterThanOrEqual(1 / 3);
      expect(ratio, JSON.stringify(t!.summary)).toBeLessThanOrEqual(1 / 2);
    }
  });

  it("every line under a trích yếu and under an issuer's name, in both blocs, is 1/3–1/2 of its text, a short one too", () => {
    let shortName = false;
    for (const d of [doc, ...docs]) {
      const a = arrangeDocument(d, style, testFonts);
      const under = [
        ...(a.title && a.title.summary.length ? [[a.title.rule, m.widest(a.title.summary, style.styles.summary), a.title.summary.join(" ")] as const] : []),
        [a.header.issuerRule, m.widest(a.header.issuer, style.styles.issuer), a.header.issuer.join(" ")] as const,
      ];
      for (const [rule, text, label] of under) {
        expect(rule / text, `${d.stem}: ${label}`).toBeGreaterThanOrEqual(1 / 3 - 1e-9);
        expect(rule / text, `${d.stem}: ${label}`).toBeLessThanOrEqual(1 / 2 + 1e-9);
        if (text * SHORT_RULE_FRACTION < MIN_RULE_PT) shortName = true;
      }
    }
    // A name or trích yếu short enough that the 1 cm floor would have passed half of it ("SỞ Y TẾ", "Năm 2020").
    expect(shortName).toBe(true);
  });
});
