/**
 * Writes a prepared embedding into a PDF: the Type0 font (Identity-H), its
 * CIDFont with the widths, the descriptor, the font program and the
 * ToUnicode map. The two streams are the embedding's bytes as they are; the
 * numbers of the width array and the descriptor are made once per
 * embedding (pdf-lib numbers carry no document) and shared by every PDF.
 */
import { PDFNumber, PDFString, type PDFContext, type PDFRef } from "@cantoo/pdf-lib";
import { flateStream } from "./compress.ts";
import type { FontEmbedding } from "./font-embedding.ts";

interface Numbers {
  widths: (PDFNumber | PDFNumber[])[];
  bbox: PDFNumber[];
}

const numbers = new WeakMap<FontEmbedding, Numbers>();

function numbersOf(e: FontEmbedding): Numbers {
  let n = numbers.get(e);
  if (!n) {
    n = { widths: e.widths.map((w) => (typeof w === "number" ? PDFNumber.of(w) : w.map((x) => PDFNumber.of(x)))), bbox: e.descriptor.bbox.map((x) => PDFNumber.of(x)) };
    numbers.set(e, n);
  }
  return n;
}

export function registerFont(ctx: PDFContext, e: FontEmbedding): PDFRef {
  const nums = numbersOf(e);
  const program = ctx.register(flateStream(ctx, e.program, e.cff ? { Subtype: "CIDFontType0C" } : { Length1: e.programLength }));
  const d = e.descriptor;
  const descriptor = ctx.register(
    ctx.obj({
      Type: "FontDescriptor",
      FontName: e.baseFont,
      Flags: d.flags,
      FontBBox: nums.bbox,
      ItalicAngle: d.italicAngle,
      Ascent: d.ascent,
      Descent: d.descent,
      CapHeight: d.capHeight,
      XHeight: d.xHeight,
      StemV: 0,
      [e.cff ? "FontFile3" : "FontFile2"]: program,
    }),
  );
  const cidFont = ctx.register(
    ctx.obj({
      Type: "Font",
      Subtype: e.cff ? "CIDFontType0" : "CIDFontType2",
      ...(e.cff ? {} : { CIDToGIDMap: "Identity" }),
      BaseFont: e.baseFont,
      CIDSystemInfo: { Registry: PDFString.of("Adobe"), Ordering: PDFString.of("Identity"), Supplement: 0 },
      FontDescriptor: descriptor,
      W: nums.widths,
    }),
  );
  const toUnicode = ctx.register(flateStream(ctx, e.toUnicode));
  return ctx.register(ctx.obj({ Type: "Font", Subtype: "Type0", BaseFont: e.baseFont, Encoding: "Identity-H", DescendantFonts: [cidFont], ToUnicode: toUnicode }));
}
