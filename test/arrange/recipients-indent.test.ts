/**
 * A Nơi nhận item that wraps goes on under its text, after the "- " that starts it (a hanging
 * indent): the arrangement gives the indent, the PDF starts the wrapped lines there and the DOCX
 * says it as w:ind left + hanging. Beside a single signature and below the minutes' pair alike.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { arrangeDocument } from "../../src/arrange/arrange.ts";
import type { AdminDocument } from "../../src/document/model.ts";
import { layoutDocument } from "../../src/pdf/layout/document.ts";
import type { TextItem } from "../../src/pdf/types.ts";
import { renderDocx } from "../../src/render/docx/render.ts";
import { SHELL_PATH } from "../../src/render/docx/shell.ts";
import { readShellStyle } from "../../src/render/docx/style.ts";
import { attr, parseXml, type XmlElement } from "../../src/render/docx/xml.ts";
import { testFonts } from "../helpers/render-docx.ts";
import { docxParts, findAll, part } from "../render/docx/docx-helpers.ts";
import { minutesDocument, planDocument } from "../render/docx/fixtures.ts";

const shell = new Uint8Array(readFileSync(SHELL_PATH));
const style = readShellStyle(shell);
const item = style.styles.recipientsItem;
const LONG = "- Thường trực Hội đồng Thi đua, Khen thưởng tỉnh, Ban Thi đua - Khen thưởng tỉnh, Sở Nội vụ tỉnh Trà Vinh và các cơ quan, đơn vị có liên quan (để báo cáo, phối hợp);";

function withLong(doc: AdminDocument): AdminDocument {
  const r = doc.recipients!;
  return { ...doc, recipients: [r[0]!, LONG, ...r.slice(1)] };
}

const styleOf = (p: XmlElement) => findAll(p, "w:pStyle").map((s) => attr(s, "w:val"))[0];

for (const [name, doc] of [
  ["beside a single signature", withLong(planDocument())],
  ["below the minutes' two signatures", withLong(minutesDocument())],
] as const) {
  describe(`a long Nơi nhận item ${name}`, () => {
    const a = arrangeDocument(doc, style, testFonts);
    const r = a.signature!.recipients!;

    it("hangs after its “- ”: the mark's width in the item's font, in whole twips", () => {
      const mark = testFonts.width("- ", item.bold ? "bold" : "regular", item.sizePt);
      expect(r.itemIndent.hanging).toBeGreaterThan(2);
      expect(Math.abs(r.itemIndent.hanging - mark)).toBeLessThanOrEqual(0.025);
      expect(r.itemIndent.hanging * 20).toBeCloseTo(Math.round(r.itemIndent.hanging * 20), 9);
      expect(r.itemIndent.left).toBeCloseTo(item.indentLeftPt + r.itemIndent.hanging, 6);
    });

    it("PDF: the wrapped lines start where the text after “- ” starts, the first line at the mark", () => {
      const pages = layoutDocument(doc, style, testFonts, { arrangement: a }).pages;
      const texts = pages.flatMap((p) => p.items.filter((i): i is TextItem => i.kind === "text" && i.size === item.sizePt && i.face === "regular"));
      const start = texts.findIndex((t) => t.text.startsWith("- Thường trực Hội đồng Thi đua"));
      expect(start).toBeGreaterThanOrEqual(0);
      const first = texts[start]!;
      // The item's lines: the first, then those until the next item's "- ".
      const rest: TextItem[] = [];
      for (const t of texts.slice(start + 1)) {
        if (t.text.startsWith("- ")) break;
        if (t.y > first.y) rest.push(t);
      }
      expect(rest.length).toBeGreaterThanOrEqual(1);
      const lineStarts = [...new Set(rest.map((t) => t.y))].map((y) => Math.min(...rest.filter((t) => t.y === y).map((t) => t.x)));
      for (const x of lineStarts) expect(x - first.x).toBeCloseTo(r.itemIndent.hanging, 2);
      // Every other item starts at the mark, where the long one's first line starts.
      const others = texts.filter((t) => t.text.startsWith("- ") && t !== first && t.y > first.y - 40 && t.y < first.y + 60);
      for (const o of others) expect(o.x).toBeCloseTo(first.x, 2);
    });

    it("DOCX: each item's paragraph says the same indent as w:ind left and hanging", () => {
      const xml = part(docxParts(renderDocx(doc, shell, a, style)), "word/document.xml");
      const items = findAll(parseXml(xml).root, "w:p").filter((p) => styleOf(p) === "RecipientsItem");
      expect(items.length).toBe(doc.recipients!.length);
      for (const p of items) {
        const ind = findAll(p, "w:ind")[0];
        expect(ind, "w:ind").toBeDefined();
        expect(Number(attr(ind!, "w:hanging"))).toBe(Math.round(r.itemIndent.hanging * 20));
        expect(Number(attr(ind!, "w:left"))).toBe(Math.round(r.itemIndent.left * 20));
        expect(attr(ind!, "w:firstLine")).toBeUndefined();
      }
    });
  });
}
