/**
 * The PDF text reader textconv uses without poppler (src/cli/pdf-text.ts) on hostile files, as a
 * red-team pass found them: codes beyond 2^53 in a ToUnicode range or a width array (a loop that
 * never ended), an unclosed "(" repeated (a quadratic regular expression), ranges repeated by the
 * thousand, literal strings with NUL bytes or balanced parentheses, an encrypted file.
 */
import { PDFDocument, PDFName } from "@cantoo/pdf-lib";
import { describe, expect, it } from "vitest";
import { pdfText } from "../../src/cli/pdf-text.ts";

/** A one-page PDF drawing `content` with font F1: Helvetica, or a Type0 font with this ToUnicode map and /W. */
async function pdfWith(content: string, cid?: { toUnicode: string; w?: string }): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([300, 200]);
  const ctx = doc.context;
  let font;
  if (cid) {
    const tu = ctx.register(ctx.flateStream(cid.toUnicode));
    const desc = ctx.obj({ Type: "Font", Subtype: "CIDFontType2", BaseFont: "X", CIDSystemInfo: { Registry: PDFLibString("Adobe"), Ordering: PDFLibString("Identity"), Supplement: 0 }, DW: 1000 });
    if (cid.w) desc.set(PDFName.of("W"), ctx.obj(JSON.parse(cid.w)));
    font = ctx.obj({ Type: "Font", Subtype: "Type0", BaseFont: "X", Encoding: "Identity-H", DescendantFonts: [ctx.register(desc)], ToUnicode: tu });
  } else font = ctx.obj({ Type: "Font", Subtype: "Type1", BaseFont: "Helvetica" });
  page.node.set(PDFName.of("Resources"), ctx.obj({ Font: { F1: ctx.register(font) } }));
  page.node.set(PDFName.of("Contents"), ctx.register(ctx.flateStream(content)));
  return doc.save({ useObjectStreams: false });
}
function PDFLibString(s: string) {
  return `(${s})` as unknown as never;
}

const timed = async (f: () => Promise<string>) => {
  const t = performance.now();
  const text = await f();
  return { text, ms: performance.now() - t };
};

const CMAP = (ranges: string) => `/CIDInit /ProcSet findresource begin 12 dict begin begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange ${ranges} endcmap end end`;

describe("the PDF text reader on hostile files", () => {
  it("ends on codes beyond 2^53 in a ToUnicode range and in a width array", async () => {
    const a = await timed(async () => pdfText(await pdfWith("BT /F1 12 Tf 10 100 Td <00410042> Tj ET", { toUnicode: CMAP("2 beginbfrange <FFFFFFFFFFFFFFFF> <FFFFFFFFFFFFFFFF> <0041> <0041> <0042> <0041> endbfrange") }), 1e6));
    expect(a.text.trim()).toBe("AB");
    expect(a.ms).toBeLessThan(5000);
    const b = await timed(async () => pdfText(await pdfWith("BT /F1 12 Tf 10 100 Td <0041> Tj ET", { toUnicode: CMAP("1 beginbfchar <0041> <0041> endbfchar"), w: "[1e20, 1e20, 500]" }), 1e6));
    expect(b.text.trim()).toBe("A");
    expect(b.ms).toBeLessThan(5000);
  }, 30_000);

  it("reads a stream of a million unclosed “(” in linear time", async () => {
    const r = await timed(async () => pdfText(await pdfWith(`BT /F1 12 Tf 10 100 Td (Hello world) Tj ET ${"(".repeat(1_000_000)}`), 1e6));
    expect(r.text).toContain("Hello world");
    expect(r.ms).toBeLessThan(5000);
  }, 30_000);

  it("bounds a ToUnicode map's work, however many times a range repeats", async () => {
    const r = await timed(async () => pdfText(await pdfWith("BT /F1 12 Tf 10 100 Td <0041> Tj ET", { toUnicode: CMAP(`5000 beginbfrange ${"<0000> <FFFF> <0000> ".repeat(5000)} endbfrange`) }), 1e6));
    expect(r.ms).toBeLessThan(5000);
  }, 30_000);

  it("keeps literal strings whole: NUL bytes, balanced parentheses, escapes", async () => {
    expect((await pdfText(await pdfWith("BT /F1 12 Tf 10 100 Td [(Hel\u0000lo) -50 (world)] TJ ET"), 1e6)).trim()).toBe("Hel\u0000loworld");
    expect((await pdfText(await pdfWith("BT /F1 12 Tf 10 100 Td (Article (1) text) Tj ET"), 1e6)).trim()).toBe("Article (1) text");
    expect((await pdfText(await pdfWith("BT /F1 12 Tf 10 100 Td (a\\)b\\\\c\\101) Tj ET"), 1e6)).trim()).toBe("a)b\\cA");
  });
});
