/** Reading a bundle back: its outline (walked /Outlines /First /Next), its widgets, its page counts. */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString } from "@cantoo/pdf-lib";

export interface ReadItem {
  title: string;
  /** Raw hex of the title string (to see the UTF-16BE byte-order mark). */
  hex: string;
  /** 0-based page the entry opens. */
  page: number;
  count: number | undefined;
  children: ReadItem[];
}

export async function readOutline(bytes: Uint8Array): Promise<{ root: PDFDict | undefined; items: ReadItem[]; pageMode: string | undefined }> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const pages = pdf.getPages().map((p) => p.ref);
  const root = pdf.catalog.lookupMaybe(PDFName.of("Outlines"), PDFDict);
  const level = (parent: PDFDict | undefined): ReadItem[] => {
    const out: ReadItem[] = [];
    let node = parent?.lookupMaybe(PDFName.of("First"), PDFDict);
    for (let guard = 0; node && guard < 1000; guard++) {
      const t = node.lookup(PDFName.of("Title"));
      const dest = node.lookupMaybe(PDFName.of("Dest"), PDFArray);
      const target = dest?.get(0);
      out.push({
        title: t instanceof PDFHexString || t instanceof PDFString ? t.decodeText() : "",
        hex: t instanceof PDFHexString ? t.asString() : "",
        page: target instanceof PDFRef ? pages.findIndex((r) => r === target || r.toString() === target.toString()) : -1,
        count: node.lookupMaybe(PDFName.of("Count"), PDFNumber)?.asNumber(),
        children: level(node),
      });
      node = node.lookupMaybe(PDFName.of("Next"), PDFDict);
    }
    return out;
  };
  return { root, items: level(root), pageMode: pdf.catalog.lookupMaybe(PDFName.of("PageMode"), PDFName)?.decodeText() };
}

/** Every entry of an outline, parents and children, in order. */
export const flatten = (items: ReadItem[]): ReadItem[] => items.flatMap((i) => [i, ...flatten(i.children)]);

export async function pageCount(bytes: Uint8Array): Promise<number> {
  return (await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount();
}

/** What the file says of signatures: widgets of any kind on its pages, an /AcroForm, a /ByteRange or /FT /Sig anywhere. */
export async function signatureTraces(bytes: Uint8Array): Promise<{ widgets: number; acroForm: boolean; raw: string[] }> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  let widgets = 0;
  for (const p of pdf.getPages()) {
    const annots = p.node.lookupMaybe(PDFName.of("Annots"), PDFArray);
    for (const a of annots?.asArray() ?? []) if (pdf.context.lookupMaybe(a, PDFDict)?.lookupMaybe(PDFName.of("Subtype"), PDFName) === PDFName.of("Widget")) widgets++;
  }
  const text = Buffer.from(bytes).toString("latin1");
  return { widgets, acroForm: pdf.catalog.has(PDFName.of("AcroForm")), raw: ["/ByteRange", "/FT /Sig", "/FT/Sig", "/AcroForm", "/Widget"].filter((s) => text.includes(s)) };
}
