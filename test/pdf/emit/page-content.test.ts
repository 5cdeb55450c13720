/**
 * The page content emitPdf writes itself: one text object per page, each font
 * named once in the page's resources, glyph ids from the fonts already parsed
 * (no fontkit layout run again), and the layout's coordinates printed without loss.
 */
import { PDFDocument, drawLine, rgb } from "@cantoo/pdf-lib";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { emitPdf } from "../../../src/pdf/emit/emit-pdf.ts";
import type { FontSet } from "../../../src/pdf/fonts/font-set.ts";
import type { LaidOutDocument } from "../../../src/pdf/types.ts";
import { packageFontSet } from "./emit-helpers.ts";
import { pageContent, pageFontNames } from "./pdf-objects.ts";
import { A4, META, longDocument } from "./sample-document.ts";

let fonts: FontSet;
beforeAll(async () => {
  fonts = await packageFontSet();
});
afterEach(() => vi.restoreAllMocks());

describe("page content", () => {
  it("is one text object per page, each font named once in the page's resources and every name used", async () => {
    const pdf = await PDFDocument.load(await emitPdf(longDocument(fonts, 3, 300), fonts), { updateMetadata: false });
    expect(pdf.getPages()).toHaveLength(3);
    for (const page of pdf.getPages()) {
      const content = pageContent(page);
      expect(content.match(/\bBT\b/g)).toHaveLength(1);
      expect(content.match(/\bET\b/g)).toHaveLength(1);
      const named = pageFontNames(page);
      const used = new Set([...content.matchAll(/\/(\S+) [\d.]+ Tf/g)].map((m) => m[1]!));
      expect(named.length).toBe(new Set(named).size);
      expect(new Set(named)).toEqual(used);
      // latin and vietnamese files of the four faces, no more
      expect(named.length).toBeLessThanOrEqual(8);
    }
  });

  it("writes the layout's coordinates as JavaScript prints them, without rounding", async () => {
    const x = 85.12345678901234;
    const y = 100.98765432109876;
    const doc: LaidOutDocument = { meta: META, pages: [{ ...A4, anchors: [], items: [{ kind: "text", x, y, text: "Việt", face: "regular", size: 13 }] }] };
    const content = pageContent((await PDFDocument.load(await emitPdf(doc, fonts), { updateMetadata: false })).getPage(0));
    const xs = [x];
    // "Việt" is set by two files: "Vi" and "t" from latin, "ệ" from vietnamese; each run starts where the last ended.
    for (const run of fonts.runs("Việt", "regular")) xs.push(xs[xs.length - 1]! + fonts.width(run.text, "regular", 13));
    for (const rx of xs.slice(0, -1)) expect(content).toContain(`1 0 0 1 ${rx} ${A4.height - y} Tm`);
  });

  it("takes glyph ids from the parsed fonts: fontkit's layout is not run again", async () => {
    const spies = Object.values(fonts.faces).flat().map((f) => vi.spyOn(f.font, "layout"));
    await emitPdf(longDocument(fonts, 2, 200), fonts);
    for (const s of spies) expect(s).not.toHaveBeenCalled();
  });

  it("draws rules and boxes outside the text object", async () => {
    const doc: LaidOutDocument = {
      meta: META,
      pages: [
        {
          ...A4,
          anchors: [],
          items: [
            { kind: "text", x: 85, y: 100, text: "Trên", face: "bold", size: 13 },
            { kind: "line", x1: 85, y1: 110, x2: 300, y2: 110, width: 0.75 },
            { kind: "rect", x: 85, y: 120, w: 200, h: 60, stroke: 0.5 },
            { kind: "text", x: 85, y: 200, text: "Dưới", face: "regular", size: 13 },
          ],
        },
      ],
    };
    const content = pageContent((await PDFDocument.load(await emitPdf(doc, fonts), { updateMetadata: false })).getPage(0));
    const text = content.slice(content.indexOf("BT"), content.indexOf("ET"));
    expect(text).not.toMatch(/\b(m|l|S|re)\n/);
    // the operators pdf-lib's drawLine writes, so rules look as before
    expect(content).toContain(drawLine({ start: { x: 85, y: A4.height - 110 }, end: { x: 300, y: A4.height - 110 }, thickness: 0.75, color: rgb(0, 0, 0) }).map(String).join("\n"));
    expect(content).toContain(`85 ${A4.height - 110} m`);
    expect(content).toContain(`300 ${A4.height - 110} l`);
    expect(content.match(/\bS\b/g)).toHaveLength(2);
  });
});
