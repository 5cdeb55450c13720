/** The visible signature: text fitted into the field, drawn as outlines (no text operators, no font), image placement. */
import { inflateSync } from "node:zlib";
import { PDFDocument, PDFRawStream, PDFName, PDFDict } from "@cantoo/pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import type { FontSet } from "../../src/pdf/fonts/font-set.ts";
import { fontsourceTinosDir, loadNodeFontSet } from "../../src/pdf/fonts/node-font-reader.ts";
import { addAppearance, fitText, glyphPath } from "../../src/sign/appearance.ts";
import { sealPng } from "./images.ts";

let fonts: FontSet;
beforeAll(async () => {
  fonts = await loadNodeFontSet({ system: false, packageDir: fontsourceTinosDir()! });
});

const LINES = ["Ký bởi: Dương Hoàng Sum", "Cơ quan: Sở Văn hóa, Thể thao và Du lịch tỉnh Trà Vinh", "Thời gian ký: 2021-02-05T09:30:00+07:00"];

async function content(spec: Partial<Parameters<typeof addAppearance>[1]> & { png?: Uint8Array }) {
  const pdf = await PDFDocument.create();
  const image = spec.png ? await pdf.embedPng(spec.png) : undefined;
  const ref = addAppearance(pdf, { width: 170, height: 85, lines: LINES, fonts, ...spec, ...(image ? { image } : {}) });
  const stream = pdf.context.lookup(ref) as PDFRawStream;
  return { text: inflateSync(stream.getContents()).toString("latin1"), dict: stream.dict };
}

describe("signature appearance", () => {
  it("fits the lines: the largest size that fits, long lines wrapped at spaces", () => {
    const m = (s: string, size: number) => fonts.width(s, "regular", size);
    const t = fitText(LINES, 166, 81, 10, m);
    expect(t.size).toBeLessThanOrEqual(10);
    expect(t.lines.length).toBeGreaterThanOrEqual(3);
    expect(t.lines.every((l) => m(l, t.size) <= 166.01)).toBe(true);
    expect(t.height).toBeLessThanOrEqual(81);
    const band = fitText(LINES, 166, 81 * 0.42, 8, m);
    expect(band.size).toBeLessThan(t.size);
  });

  it("draws the text as glyph outlines: no text operators and no font, so the document's text stays the same", async () => {
    const { text, dict } = await content({});
    expect(text).not.toMatch(/\bBT\b|\bTj\b|\bTf\b/);
    expect(text).toMatch(/ m .* c /);
    expect(dict.lookup(PDFName.of("Resources"), PDFDict).has(PDFName.of("Font"))).toBe(false);
    expect(glyphPath(fonts.faces.regular[0]!, "Đ".codePointAt(0)!)).toMatch(/ m /);
    expect(glyphPath(fonts.faces.regular[0]!, 32)).toBeUndefined();
  });

  it("places the image above the text, or below it when the text takes the top band", async () => {
    const below = await content({ png: sealPng(), textAt: "bottom" });
    const above = await content({ png: sealPng(), textAt: "top" });
    const y = (t: string) => Number(/ ([\d.]+) cm\n\/Im0 Do/.exec(t)![1]);
    expect(below.text).toContain("/Im0 Do");
    expect(y(below.text)).toBeGreaterThan(y(above.text));
  });

  it("shows a character no font has as '?' instead of failing", async () => {
    const { text } = await content({ lines: ["Ký bởi: 王小明"] });
    expect(text.length).toBeGreaterThan(0);
  });
});
