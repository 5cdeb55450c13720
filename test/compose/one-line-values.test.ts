/**
 * Item 10: a value inserted at a one-line place cannot bring Markdown
 * structure (a line break then "# …", a leading "# " or "- "); and
 * invisible characters (U+200B, U+FEFF, U+2060, U+00AD) follow one rule in
 * the DOCX and the PDF: they are removed from all text.
 */
import { readFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildProject } from "../../src/write/build.ts";
import { cleanDocument } from "../../src/compose/clean-document.ts";
import type { AdminDocument, Block } from "../../src/document/model.ts";
import { oneLine } from "../../src/format/text.ts";
import { memoryWorld } from "../../src/io/memory-world.ts";
import { fontsourceTinosDir, loadNodeFontSet } from "../../src/pdf/fonts/node-font-reader.ts";
import { layoutDocument } from "../../src/pdf/layout/document.ts";
import { checkProject } from "../../src/pipeline.ts";
import { renderArranged } from "../helpers/render-docx.ts";
import { readShellStyle } from "../../src/render/docx/style.ts";
import { fixtureWorld, REPO } from "../helpers/fixture-world.ts";
import { docxParts, paragraphTexts, part } from "../render/docx/docx-helpers.ts";

const dec = new TextDecoder();
const khoi = dec.decode(fixtureWorld().files.get("data/khoi.yaml")!);
const plan = dec.decode(fixtureWorld().files.get("data/2020/ke-hoach.md")!);

function strings(x: unknown, out: string[] = []): string[] {
  if (typeof x === "string") out.push(x);
  else if (x && typeof x === "object") for (const v of Object.values(x)) strings(v, out);
  return out;
}
const headings = (blocks: Block[]) => blocks.filter((b) => b.kind === "heading").map((b) => (b.kind === "heading" ? b.runs.map((r) => r.text).join("") : ""));
const items = (blocks: Block[]) => blocks.filter((b) => b.kind === "item").map((b) => (b.kind === "item" ? b.runs.map((r) => r.text).join("") : ""));
const docOf = (docs: { doc: AdminDocument }[], stem: string) => docs.find((d) => d.doc.stem === stem)!.doc;

describe("values at one-line places", () => {
  const names = khoi
    .replace("ten: Sở A", 'ten: "Sở A\\n# Heading"')
    .replace("ten: Sở B", "ten: |\n      Sở B\n      - mục")
    .replace("ten: Sở C", 'ten: "# Sở C"');

  it("make no heading or item, and no line break anywhere in the documents", async () => {
    const { diagnostics, documents } = await checkProject(fixtureWorld(undefined, { "data/khoi.yaml": names }));
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const regA = docOf(documents, "dang-ky-don-vi-a");
    expect(headings(regA.body)).toEqual(["I. CÁC CHỈ TIÊU THI ĐUA", "II. DANH HIỆU, HÌNH THỨC KHEN THƯỞNG ĐĂNG KÝ", "1. Tập thể:", "2. Cá nhân:"]);
    expect(strings(regA).some((s) => s.includes("Sở A # Heading"))).toBe(true);
    const regB = docOf(documents, "dang-ky-don-vi-b");
    expect(items(regB.body).some((s) => s.includes("mục"))).toBe(false);
    expect(strings(regB).some((s) => s.includes("Sở B - mục"))).toBe(true);
    const regC = docOf(documents, "dang-ky-don-vi-c");
    expect(headings(regC.body)).not.toContainEqual(expect.stringContaining("Sở C"));
    expect(regC.body.some((b) => b.kind === "paragraph" && b.runs.map((r) => r.text).join("").startsWith("# Sở C cam kết"))).toBe(true);
    for (const d of documents) for (const s of strings(d.doc)) expect(s, d.doc.stem).not.toMatch(/[\n\r\t\u2028\u2029]/);
  });

  it("build end to end: no missing glyph U+000A blamed on a registration file", async () => {
    const files = { ...Object.fromEntries(fixtureWorld().files), "data/khoi.yaml": names };
    const w = memoryWorld(files, { outside: async (p) => new Uint8Array(await readFile(p)) });
    const result = await buildProject(w, { dataDir: "data", outDir: "out", fontSource: "package", fontPackageDir: fontsourceTinosDir()!, toolVersion: "test" });
    expect(result.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.pos.file}:${d.pos.line}:${d.pos.column} ${d.code} ${d.params.char ?? ""}`)).toEqual([]);
  });

  it("a value with Markdown emphasis keeps it (the example writes “*Trong sạch vững mạnh*” in nam.yaml)", async () => {
    const nam = dec.decode(fixtureWorld().files.get("data/2020/nam.yaml")!);
    const { documents } = await checkProject(fixtureWorld(undefined, { "data/2020/nam.yaml": nam.replace("noi_dung: Hoàn thành nhiệm vụ,", 'noi_dung: "Hoàn thành *nhấn mạnh*",') }));
    const kh = docOf(documents, "ke-hoach");
    expect(kh.body.some((b) => b.kind === "paragraph" && b.runs.some((r) => r.italic && r.text === "nhấn mạnh"))).toBe(true);
  });
});

describe("invisible characters: one rule for the DOCX and the PDF", async () => {
  const shell = new Uint8Array(readFileSync(join(REPO, "templates", "shell.docx")));
  const style = readShellStyle(shell);
  const fonts = await loadNodeFontSet({ system: false, packageDir: fontsourceTinosDir()! });
  const word = "Sở\u200BY\u00ADtế\uFEFFA\u2060B";
  const INVISIBLE = /[\u00AD\u200B\u2060\uFEFF]/;

  it("are removed from both the DOCX XML and the PDF text", async () => {
    const files = {
      "data/khoi.yaml": khoi.replace("ten: Sở A", `ten: "${word}"`),
      "data/2020/ke-hoach.md": `${plan.trimEnd()}\n\nĐoạn có ${word} ở giữa.\n`,
    };
    const { diagnostics, documents } = await checkProject(fixtureWorld(undefined, files));
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    for (const stem of ["ke-hoach", "dang-ky-don-vi-a"]) {
      const doc = docOf(documents, stem);
      const xml = part(docxParts(renderArranged(doc, shell)), "word/document.xml");
      const pdfText = layoutDocument(doc, style, fonts)
        .pages.flatMap((p) => p.items)
        .map((i) => (i.kind === "text" ? i.text : ""))
        .join("");
      expect(xml, `${stem}.docx`).not.toMatch(INVISIBLE);
      expect(pdfText, `${stem}.pdf`).not.toMatch(INVISIBLE);
      // The same letters in both, with nothing between them.
      expect(paragraphTexts(xml).join("\n"), `${stem}.docx`).toContain("SởYtếAB");
      expect(pdfText.replace(/\s+/g, ""), `${stem}.pdf`).toContain("SởYtếAB");
    }
    expect(textSize(docOf(documents, "ke-hoach"))).toBeGreaterThan(0);
    // The size counted while cleaning (compose-all.ts's limit) is the text size of the clean document.
    for (const d of documents) {
      const counted = cleanDocument(d.doc);
      expect(counted.doc).toStrictEqual(d.doc);
      expect(counted.size, d.doc.stem).toBe(textSize(d.doc));
    }
  });

  /** Characters of text in a document, counted apart: every string in it, tables and appendices included. */
  function textSize(doc: AdminDocument): number {
    let size = 0;
    const stack: unknown[] = [doc];
    while (stack.length) {
      const x = stack.pop();
      if (typeof x === "string") size += x.length;
      else if (x && typeof x === "object") for (const y of Array.isArray(x) ? (x as unknown[]) : Object.values(x)) stack.push(y);
    }
    return size;
  }

  it("oneLine: removes them, makes each run of white space with a line break or tab one space, keeps NBSP", () => {
    expect(oneLine(word)).toBe("SởYtếAB");
    expect(oneLine("Sở Y tế\n# Heading")).toBe("Sở Y tế # Heading");
    expect(oneLine("dòng 1  \n\n  dòng 2\t3\n")).toBe("dòng 1 dòng 2 3");
    expect(oneLine("\u00A0\u00A0/KH")).toBe("\u00A0\u00A0/KH");
    expect(oneLine("a\u2028b\u2029c\r\nd")).toBe("a b c d");
  });
});
