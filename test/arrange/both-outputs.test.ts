/**
 * Every document of the example: the DOCX and the PDF set the arrangement's
 * header lines and draw its rule lengths (the same numbers in both outputs).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { arrangeDocument } from "../../src/arrange/arrange.ts";
import { layoutDocument } from "../../src/pdf/layout/document.ts";
import type { LineItem, TextItem } from "../../src/pdf/types.ts";
import { checkProject } from "../../src/pipeline.ts";
import { renderDocx } from "../../src/render/docx/render.ts";
import { SHELL_PATH } from "../../src/render/docx/shell.ts";
import { readShellStyle } from "../../src/render/docx/style.ts";
import { attr, parseXml, type XmlElement } from "../../src/render/docx/xml.ts";
import { exampleWorld } from "../helpers/example.ts";
import { testFonts } from "../helpers/render-docx.ts";
import { docxParts, findAll, part } from "../render/docx/docx-helpers.ts";

const shell = new Uint8Array(readFileSync(SHELL_PATH));
const style = readShellStyle(shell);
const checked = await checkProject(exampleWorld());

const styleOf = (p: XmlElement) => findAll(p, "w:pStyle").map((s) => attr(s, "w:val"))[0];
const textOf = (p: XmlElement) => findAll(p, "w:t").map((t) => t.children.join("")).join("");

describe("the example's documents, DOCX beside PDF", () => {
  it("has documents", () => expect(checked.documents.length).toBeGreaterThan(10));
  for (const { doc } of checked.documents) {
    it(`${doc.stem}: the header lines and rule lengths of the arrangement in both`, () => {
      const a = arrangeDocument(doc, style, testFonts);
      const xml = part(docxParts(renderDocx(doc, shell, a, style)), "word/document.xml");
      const paras = findAll(parseXml(xml).root, "w:p");
      expect(paras.filter((p) => styleOf(p) === "Issuer").map(textOf)).toEqual(a.header.issuer);
      // DOCX rules: a Rule paragraph whose indents leave the line's length in the cell (first: issuer, second: motto).
      const cellTw = (w: number) => Math.round(w * 20) - 2 * Math.round(a.cellMargin * 20);
      const rules = paras.filter((p) => styleOf(p) === "Rule").map((p) => findAll(p, "w:ind")[0]!);
      const length = (ind: XmlElement, cell: number) => cell - Number(attr(ind, "w:left")) - Number(attr(ind, "w:right"));
      expect(Math.abs(length(rules[0]!, cellTw(a.header.columns[0])) - a.header.issuerRule * 20)).toBeLessThanOrEqual(3);
      expect(Math.abs(length(rules[1]!, cellTw(a.header.columns[1])) - a.header.mottoRule * 20)).toBeLessThanOrEqual(3);

      const page = layoutDocument(doc, style, testFonts, { arrangement: a }).pages[0]!;
      const lines = page.items.filter((i): i is LineItem => i.kind === "line").map((l) => l.x2 - l.x1);
      expect(Math.abs(lines[0]! - a.header.issuerRule)).toBeLessThan(0.02);
      expect(Math.abs(lines[1]! - a.header.mottoRule)).toBeLessThan(0.02);
      if (a.title) expect(Math.abs(lines[2]! - a.title.rule)).toBeLessThan(0.02);
      // The issuer's lines as the PDF draws them (bold, the issuer's size, left column), top to bottom.
      const mid = style.page.marginLeftMm * (72 / 25.4) + a.header.columns[0];
      const words = page.items.filter((i): i is TextItem => i.kind === "text" && i.face === "bold" && i.size === style.styles.issuer.sizePt && i.x < mid && i.y < 150);
      const byY = new Map<number, string[]>();
      for (const w of words) byY.set(w.y, [...(byY.get(w.y) ?? []), w.text]);
      expect([...byY.values()].map((w) => w.join(" "))).toEqual(a.header.issuer);
    });
  }
});
