/** Reading back what emitPdf wrote, for the emit tests: page content streams, page fonts, embedded font programs. */
import { inflateSync } from "node:zlib";
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, type PDFPage } from "@cantoo/pdf-lib";

/** The decoded bytes of a stream (FlateDecode or none). */
export function streamBytes(stream: PDFRawStream): Uint8Array {
  const filter = stream.dict.get(PDFName.of("Filter"));
  return filter ? new Uint8Array(inflateSync(stream.contents)) : stream.contents;
}

/** A page's content, all its content streams joined, as latin1 text. */
export function pageContent(page: PDFPage): string {
  const ctx = page.doc.context;
  const contents = page.node.get(PDFName.of("Contents"));
  const refs = contents instanceof PDFArray ? contents.asArray() : [contents];
  return refs.map((r) => Buffer.from(streamBytes(ctx.lookup(r as PDFRef) as PDFRawStream)).toString("latin1")).join("\n");
}

/** The names in a page's /Resources /Font dictionary. */
export function pageFontNames(page: PDFPage): string[] {
  const res = page.node.Resources();
  const fonts = res?.lookupMaybe(PDFName.of("Font"), PDFDict);
  return fonts ? fonts.keys().map((k) => k.decodeText()) : [];
}

/** Every embedded font: its /BaseFont and the raw (still compressed) bytes of its font program stream. */
export function fontPrograms(pdf: PDFDocument): { baseFont: string; program: Uint8Array }[] {
  const out: { baseFont: string; program: Uint8Array }[] = [];
  for (const [, obj] of pdf.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || obj.get(PDFName.of("Type"))?.toString() !== "/FontDescriptor") continue;
    const ref = obj.get(PDFName.of("FontFile2")) ?? obj.get(PDFName.of("FontFile3"));
    const stream = pdf.context.lookup(ref as PDFRef) as PDFRawStream;
    out.push({ baseFont: obj.get(PDFName.of("FontName"))!.toString().slice(1), program: stream.contents });
  }
  return out.sort((a, b) => (a.baseFont < b.baseFont ? -1 : 1));
}
