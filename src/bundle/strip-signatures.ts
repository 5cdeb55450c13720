/**
 * A reading copy carries no signature fields: the widgets of signature fields
 * (/FT /Sig on the widget or on a field above it) are taken off a page before
 * it is copied, so that neither the widget nor the field tree it points to
 * (/Parent, and through it the other pages) comes along. Other annotations
 * (links) stay.
 */
import { PDFArray, PDFDict, PDFName, type PDFPage } from "@cantoo/pdf-lib";

const MAX_DEPTH = 32;

/** Whether an annotation is the widget of a signature field: its own /FT or an inherited one is /Sig. */
export function isSignatureWidget(annot: PDFDict): boolean {
  let node: PDFDict | undefined = annot;
  for (let depth = 0; node && depth < MAX_DEPTH; depth++) {
    const ft = node.lookupMaybe(PDFName.of("FT"), PDFName);
    if (ft) return ft === PDFName.of("Sig");
    node = node.lookupMaybe(PDFName.of("Parent"), PDFDict);
  }
  return false;
}

/** Removes the page's signature widgets from its /Annots (the array itself when nothing else is left); returns how many. */
export function stripSignatureWidgets(page: PDFPage): number {
  const annots = page.node.lookupMaybe(PDFName.of("Annots"), PDFArray);
  if (!annots) return 0;
  const keep = annots.asArray().filter((ref) => {
    const dict = page.doc.context.lookupMaybe(ref, PDFDict);
    return !(dict && isSignatureWidget(dict));
  });
  const removed = annots.size() - keep.length;
  if (keep.length === 0) page.node.delete(PDFName.of("Annots"));
  else if (removed) page.node.set(PDFName.of("Annots"), page.doc.context.obj(keep));
  return removed;
}
