/** emitPdf: determinism, metadata, /Lang, /ID, structure, page sizes, subset names, refusal of characters no font has. */
import { createHash } from "node:crypto";
import fontkit from "@cantoo/fontkit";
import { PDFDocument, PDFName, PDFString } from "@cantoo/pdf-lib";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { emitPdf } from "../../../src/pdf/emit/emit-pdf.ts";
import type { FontSet } from "../../../src/pdf/fonts/font-set.ts";
import { latin1, packageFontSet } from "./emit-helpers.ts";
import { A4, META, fourFacesDocument, longDocument } from "./sample-document.ts";

let fonts: FontSet;
let bytes: Uint8Array;

beforeAll(async () => {
  fonts = await packageFontSet();
  bytes = await emitPdf(fourFacesDocument(fonts), fonts);
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("emitPdf", () => {
  it("gives the same bytes for the same input, with the same or a newly loaded font set, whatever the clock says", async () => {
    expect(await emitPdf(fourFacesDocument(fonts), fonts)).toEqual(bytes);
    const again = await packageFontSet();
    vi.useFakeTimers({ now: new Date("2031-07-09T10:11:12Z"), toFake: ["Date"] });
    expect(await emitPdf(fourFacesDocument(again), again)).toEqual(bytes);
  });

  it("does not parse any font again: the FontSet's parsed fonts are reused", async () => {
    const create = vi.spyOn(fontkit, "create");
    await emitPdf(longDocument(fonts, 2, 200), fonts);
    expect(create).not.toHaveBeenCalled();
  });

  it("writes a classic cross-reference table: no object streams, no encryption", () => {
    const text = latin1(bytes);
    expect(text.startsWith("%PDF-1.7\n%")).toBe(true);
    expect(text).toMatch(/\nxref\n0 \d+\n/);
    expect(text).not.toContain("/ObjStm");
    expect(text).not.toContain("/XRefStm");
    expect(text).not.toContain("/Encrypt");
    expect(text.trimEnd().endsWith("%%EOF")).toBe(true);
  });

  it("sets /ID from the SHA-256 of the content, both entries alike", async () => {
    const text = latin1(bytes);
    const m = /\/ID \[ <([0-9A-F]{32})> <([0-9A-F]{32})> \]/.exec(text.slice(text.lastIndexOf("trailer")));
    expect(m).not.toBeNull();
    expect(m![1]).toBe(m![2]);
    const zeroed = Buffer.from(text.replaceAll(m![1]!, "0".repeat(32)), "latin1");
    expect(createHash("sha256").update(zeroed).digest("hex").slice(0, 32).toUpperCase()).toBe(m![1]);
    const other = await emitPdf(fourFacesDocument(fonts, { ...META, title: "Báo cáo" }), fonts);
    expect(latin1(other)).not.toContain(m![1]!);
  });

  it("writes title, author, subject, keywords, creator, producer and dates at 00:00 +07:00 of meta.date", async () => {
    const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(pdf.getTitle()).toBe(META.title);
    expect(pdf.getAuthor()).toBe(META.author);
    expect(pdf.getSubject()).toBe(META.subject);
    expect(pdf.getKeywords()).toBe("thi đua; khen thưởng; 2020");
    expect(pdf.getCreator()).toBe("khoi-thi-dua");
    expect(pdf.getProducer()).toBe("khoi-thi-dua (@cantoo/pdf-lib)");
    expect(pdf.getCreationDate()?.toISOString()).toBe("2020-02-04T17:00:00.000Z");
    expect(pdf.getModificationDate()?.toISOString()).toBe("2020-02-04T17:00:00.000Z");
    expect(latin1(bytes)).toContain("/CreationDate (D:20200205000000+07'00')");
  });

  it("takes the dates from SOURCE_DATE_EPOCH when given", async () => {
    const out = await emitPdf(fourFacesDocument(fonts), fonts, { sourceDateEpoch: "1700000000" });
    expect(latin1(out)).toContain("/CreationDate (D:20231115051320+07'00')");
    expect(latin1(out)).toContain("/ModDate (D:20231115051320+07'00')");
    await expect(emitPdf(fourFacesDocument(fonts), fonts, { sourceDateEpoch: "yesterday" })).rejects.toThrow("SOURCE_DATE_EPOCH");
    await expect(emitPdf(fourFacesDocument(fonts, { ...META, date: "2020-02-30" }), fonts)).rejects.toThrow("not a calendar date");
  });

  it("sets the catalog /Lang to vi-VN", async () => {
    const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(pdf.catalog.lookup(PDFName.of("Lang"), PDFString).decodeText()).toBe("vi-VN");
  });

  it("embeds only the files used, as subsets named with a deterministic six-letter tag", () => {
    const names = [...latin1(bytes).matchAll(/\/BaseFont \/([^\s/]+)/g)].map((m) => m[1]!);
    const unique = [...new Set(names)].sort();
    // latin + vietnamese files of each face (no latin-ext character in the text)
    expect(unique).toHaveLength(8);
    for (const n of unique) expect(n).toMatch(/^[A-Z]{6}\+Tinos-(Regular|Bold|Italic|BoldItalic)$/);
    expect(new Set(unique.map((n) => n.slice(0, 6))).size).toBe(8);
  });

  it("makes pages of each page's size, portrait and landscape", async () => {
    const out = await emitPdf(longDocument(fonts, 2, 50, true), fonts);
    const pdf = await PDFDocument.load(out, { updateMetadata: false });
    expect(pdf.getPages().map((p) => p.getSize())).toEqual([A4, { width: A4.height, height: A4.width }]);
  });

  it("refuses a character no font has, naming it and the page", async () => {
    const doc = fourFacesDocument(fonts);
    doc.pages.push({ ...A4, anchors: [], items: [{ kind: "text", x: 85, y: 100, text: "chữ 漢", face: "bold", size: 14 }] });
    await expect(emitPdf(doc, fonts)).rejects.toThrow(/page 2.*U\+6F22 "漢"/);
  });

  it("refuses a document without pages", async () => {
    await expect(emitPdf({ meta: META, pages: [] }, fonts)).rejects.toThrow("no pages");
  });
});
