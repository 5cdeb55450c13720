/**
 * Each unit's own cơ quan chủ quản (khoi.yaml don_vi[].co_quan_chu_quan) heads the
 * documents it issues (its registration), in the composed document, the DOCX and
 * the PDF alike; the bloc's documents keep the bloc's.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { arrangeDocument } from "../../src/arrange/arrange.ts";
import type { AdminDocument } from "../../src/document/model.ts";
import { layoutDocument } from "../../src/pdf/layout/document.ts";
import type { TextItem } from "../../src/pdf/types.ts";
import { checkProject } from "../../src/pipeline.ts";
import { renderDocx } from "../../src/render/docx/render.ts";
import { SHELL_PATH } from "../../src/render/docx/shell.ts";
import { readShellStyle } from "../../src/render/docx/style.ts";
import { attr, parseXml, type XmlElement } from "../../src/render/docx/xml.ts";
import { exampleWorld } from "../helpers/example.ts";
import { REPO } from "../helpers/fixture-world.ts";
import { testFonts } from "../helpers/render-docx.ts";
import { docxParts, findAll, part } from "../render/docx/docx-helpers.ts";

const shell = new Uint8Array(readFileSync(SHELL_PATH));
const style = readShellStyle(shell);
const khoi = readFileSync(`${REPO}data/khoi.yaml`, "utf8");

/** khoi.yaml with lines added under a unit's `viet_tat` (or the bloc's co_quan_chu_quan replaced). */
function withParents(units: Record<string, string>, bloc?: string): string {
  let text = khoi;
  for (const [abbr, yaml] of Object.entries(units)) text = text.replace(`    viet_tat: ${abbr}\n`, `    viet_tat: ${abbr}\n${yaml}`);
  if (bloc !== undefined) text = text.replace("co_quan_chu_quan: UBND TỈNH TRÀ VINH\n", bloc);
  return text;
}

async function documents(text: string): Promise<Map<string, AdminDocument>> {
  const checked = await checkProject(exampleWorld({ "data/khoi.yaml": text }));
  expect(checked.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return new Map(checked.documents.map(({ doc }) => [doc.stem, doc]));
}

const styleOf = (p: XmlElement) => findAll(p, "w:pStyle").map((s) => attr(s, "w:val"))[0];
const textOf = (p: XmlElement) => findAll(p, "w:t").map((t) => t.children.join("")).join("");

/** The parent body's lines as each output sets them: DOCX ParentBody paragraphs, PDF regular text of the left column above the issuer. */
function outputLines(doc: AdminDocument): { docx: string[]; pdf: string[] } {
  const a = arrangeDocument(doc, style, testFonts);
  const xml = part(docxParts(renderDocx(doc, shell, a, style)), "word/document.xml");
  const docx = findAll(parseXml(xml).root, "w:p").filter((p) => styleOf(p) === "ParentBody").map(textOf);
  const page = layoutDocument(doc, style, testFonts, { arrangement: a }).pages[0]!;
  const mid = style.page.marginLeftMm * (72 / 25.4) + a.header.columns[0];
  const items = page.items.filter((i): i is TextItem => i.kind === "text");
  const issuerTop = Math.min(...items.filter((i) => i.face === "bold" && i.x < mid).map((i) => i.y));
  const words = items.filter((i) => i.face === "regular" && i.size === style.styles.parentBody.sizePt && i.x < mid && i.y < issuerTop);
  const byY = new Map<number, string[]>();
  for (const w of words) byY.set(w.y, [...(byY.get(w.y) ?? []), w.text]);
  return { docx, pdf: [...byY.values()].map((w) => w.join(" ")) };
}

describe("each unit's own parent body in its registration", async () => {
  const docs = await documents(
    withParents({
      SVHTTDL: "    co_quan_chu_quan: Kho bạc Nhà nước\n",
      SYT: "    co_quan_chu_quan:\n      - Ngân hàng Nhà nước\n      - Việt Nam\n",
      SGDĐT: "    co_quan_chu_quan: []\n",
    }),
  );
  const cases: [string, string[] | undefined][] = [
    ["dang-ky-svhttdl", ["KHO BẠC NHÀ NƯỚC"]],
    ["dang-ky-so-y-te", ["NGÂN HÀNG NHÀ NƯỚC", "VIỆT NAM"]],
    ["dang-ky-so-gddt", undefined],
    ["dang-ky-so-ldtbxh", ["UBND TỈNH TRÀ VINH"]],
  ];
  for (const [stem, lines] of cases) {
    it(`${stem}: ${lines ? lines.join(" / ") : "no parent body"} in the composed document, the DOCX and the PDF`, () => {
      const doc = docs.get(stem)!;
      expect(doc.header.parentBody).toEqual(lines);
      const out = outputLines(doc);
      expect(out.docx).toEqual(lines ?? []);
      expect(out.pdf).toEqual(lines ?? []);
    });
  }

  it("the bloc's documents keep the bloc's parent body", () => {
    for (const stem of ["ke-hoach", "bao-cao-so-ket", "bien-ban-binh-bau", "to-trinh"]) {
      expect(docs.get(stem)!.header.parentBody).toEqual(["UBND TỈNH TRÀ VINH"]);
      expect(outputLines(docs.get(stem)!).docx).toEqual(["UBND TỈNH TRÀ VINH"]);
    }
  });

  it("the unit's own name stays the issuer under its parent body", () => {
    // Compose gives the name on one line; the arrangement breaks it at the header column's real width.
    expect(docs.get("dang-ky-so-gddt")!.header.issuer).toEqual(["SỞ GIÁO DỤC VÀ ĐÀO TẠO"]);
    expect(docs.get("dang-ky-svhttdl")!.header.issuer).toEqual(["SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH"]);
    expect(arrangeDocument(docs.get("dang-ky-svhttdl")!, style, testFonts).header.issuer).toEqual(["SỞ VĂN HÓA,", "THỂ THAO VÀ DU LỊCH"]);
  });
});

describe("the bloc's parent body as a list of lines", async () => {
  const docs = await documents(withParents({}, "co_quan_chu_quan:\n  - ỦY BAN NHÂN DÂN\n  - TỈNH TRÀ VINH\n"));
  it("heads the bloc's documents and, by default, the units' on two lines", () => {
    for (const stem of ["ke-hoach", "dang-ky-so-y-te"]) {
      expect(docs.get(stem)!.header.parentBody).toEqual(["ỦY BAN NHÂN DÂN", "TỈNH TRÀ VINH"]);
      expect(outputLines(docs.get(stem)!)).toEqual({ docx: ["ỦY BAN NHÂN DÂN", "TỈNH TRÀ VINH"], pdf: ["ỦY BAN NHÂN DÂN", "TỈNH TRÀ VINH"] });
    }
  });
});

describe("a parent body that is neither a line nor a list of lines", () => {
  it("is a located error saying what the field takes", async () => {
    const { formatDiagnostic } = await import("../../src/diagnostics/format.ts");
    const checked = await checkProject(exampleWorld({ "data/khoi.yaml": withParents({ SYT: "    co_quan_chu_quan: 5\n" }) }));
    expect(checked.diagnostics.map((d) => formatDiagnostic(d, "vi"))).toEqual([
      "data/khoi.yaml:25:23: lỗi [schema/format] Trường don_vi[2].co_quan_chu_quan: cơ quan chủ quản là một dòng chữ, một danh sách tối đa 4 dòng (mỗi dòng bắt đầu bằng “- ”), hoặc [] nếu không có\n    → Sửa giá trị “5”.",
    ]);
  });
});
