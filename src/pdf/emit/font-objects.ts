/**
 * Writes a prepared embedding into a PDF: the Type0 font (Identity-H), its
 * CIDFont with the widths, the descriptor, the font program and the
 * ToUnicode map. The two streams are the embedding's bytes as they are; the
 * width array is written once per embedding and its bytes copied into every
 * PDF, the descriptor's numbers made once (pdf-lib numbers carry no document).
 */
import { PDFNumber, PDFObject, PDFString, type PDFContext, type PDFRef } from "@cantoo/pdf-lib";
import { flateStream } from "./compress.ts";
import type { FontEmbedding } from "./font-embedding.ts";
import { pdfNumber } from "./pdf-number.ts";

/** A direct object written as given bytes (here: a width array of a few hundred numbers, the same in every PDF). */
class Serialized extends PDFObject {
  constructor(private readonly bytes: Uint8Array) {
    super();
  }
  override clone(): Serialized {
    return this;
  }
  override toString(): string {
    return Buffer.from(this.bytes).toString("latin1");
  }
  override sizeInBytes(): number {
    return this.bytes.length;
  }
  override copyBytesInto(buffer: Uint8Array, offset: number): number {
    buffer.set(this.bytes, offset);
    return this.bytes.length;
  }
}

/** The /W array as pdf-lib writes arrays: "[ 1 [ 250 333.0078125 ] 3 5 500 ]". */
function widthArrayText(widths: FontEmbedding["widths"]): string {
  const item = (w: number | readonly number[]) => (typeof w === "number" ? pdfNumber(w) : `[ ${w.map(pdfNumber).join(" ")} ]`);
  return `[ ${widths.map(item).join(" ")} ]`;
}

interface Numbers {
  widths: Serialized;
  bbox: PDFNumber[];
}

const numbers = new WeakMap<FontEmbedding, Numbers>();

function numbersOf(e: FontEmbedding): Numbers {
  let n = numbers.get(e);
  if (!n) {
    n = { widths: new Serialized(new TextEncoder().encode(widthArrayText(e.widths))), bbox: e.descriptor.bbox.map((x) => PDFNumber.of(x)) };
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
