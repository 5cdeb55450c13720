/**
 * The registration table's columns follow the page the shell sets: built with
 * a shell whose margins are wider, the DOCX (w:gridCol) and the PDF (the
 * table's vertical borders) both draw the arrangement's columns, the same in
 * both, and no column narrower than its longest word (the "STT" header stays
 * whole), as the real font measures it.
 */
import { readFileSync } from "node:fs";
import { PDFDocument } from "@cantoo/pdf-lib";
import PizZip from "pizzip";
import { describe, expect, it } from "vitest";
import { Measurer } from "../../src/arrange/arrange.ts";
import { TABLE_CELL_MARGIN_PT } from "../../src/document/conventions.ts";
import { SHELL_PATH } from "../../src/render/docx/shell.ts";
import { readShellStyle } from "../../src/render/docx/style.ts";
import { buildExample, exampleWorld } from "../helpers/example.ts";
import { repackZip } from "../helpers/repack-zip.ts";
import { testFonts } from "../helpers/render-docx.ts";
import { pageContent } from "../pdf/emit/pdf-objects.ts";
import { docxParts, part } from "../render/docx/docx-helpers.ts";

const shell = new Uint8Array(readFileSync(SHELL_PATH));
const MM_TW = 1440 / 25.4;

/** The shell with 20 mm more margin left and right. */
function widerMargins(): Uint8Array {
  const zip = new PizZip(shell);
  const xml = zip.file("word/document.xml")!.asText();
  const wider = xml.replace(/<w:pgMar ([^>]*)\/>/, (_, attrs: string) =>
    `<w:pgMar ${attrs.replace(/w:(left|right)="(\d+)"/g, (_m, side: string, tw: string) => `w:${side}="${Number(tw) + Math.round(20 * MM_TW)}"`)}/>`,
  );
  expect(wider).not.toBe(xml);
  zip.file("word/document.xml", wider);
  return repackZip(zip);
}

const STEM = "out/2020/dang-ky-so-y-te";

/** The registration table's column widths in points: the DOCX's grid, and the PDF's vertical borders on page 1. */
async function columnsOf(shellBytes: Uint8Array) {
  const { outputs } = await buildExample(exampleWorld({ "templates/shell.docx": shellBytes }));
  const xml = part(docxParts(outputs.get(`${STEM}.docx`)!), "word/document.xml");
  const grid = /<w:tblBorders><w:top w:val="single"[\s\S]*?<w:tblGrid>(.*?)<\/w:tblGrid>/.exec(xml)![1]!;
  const docx = [...grid.matchAll(/w:w="(\d+)"/g)].map((m) => Number(m[1]) / 20);
  const pdf = await PDFDocument.load(outputs.get(`${STEM}.pdf`)!);
  const content = pageContent(pdf.getPage(0));
  // Vertical borders: "0.5 w" lines from x y1 to x y2.
  const xs = new Set<number>();
  for (const m of content.matchAll(/0\.5 w\n\[\] 0 d\n([\d.]+) ([\d.]+) m\n[\d. ]+m\n([\d.]+) ([\d.]+) l/g)) if (m[1] === m[3] && m[2] !== m[4]) xs.add(Number(m[1]));
  const edges = [...xs].sort((a, b) => a - b);
  return { docx, pdf: edges.slice(1).map((x, i) => x - edges[i]!), left: edges[0]! };
}

describe("the registration table's columns and the shell's margins", () => {
  it("follow a margin changed in shell.docx in both outputs, each column as wide as its longest word", async () => {
    const normal = await columnsOf(shell);
    const wide = await columnsOf(widerMargins());
    for (const c of [normal, wide]) {
      expect(c.docx).toHaveLength(4);
      expect(c.pdf).toHaveLength(4);
      c.docx.forEach((w, i) => expect(Math.abs(w - c.pdf[i]!)).toBeLessThan(0.1));
    }
    // The table is 40 mm narrower and starts 20 mm further right.
    const sum = (a: number[]) => a.reduce((x, y) => x + y, 0);
    expect(Math.abs(sum(normal.pdf) - sum(wide.pdf) - 40 * (72 / 25.4))).toBeLessThan(0.2);
    expect(Math.abs(wide.left - normal.left - 20 * (72 / 25.4))).toBeLessThan(0.2);
    // The columns are decided at the narrower width: "STT" (bold, the table's size) still fits its column.
    const style = readShellStyle(shell);
    const stt = new Measurer(testFonts).width("STT", { ...style.styles.tableText, bold: true });
    expect(wide.pdf[0]!).toBeGreaterThanOrEqual(stt + 2 * TABLE_CELL_MARGIN_PT);
    expect(wide.docx[0]!).toBeGreaterThanOrEqual(stt + 2 * TABLE_CELL_MARGIN_PT);
  }, 120_000);
});
