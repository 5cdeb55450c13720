/**
 * LaidOutDocument → PDF bytes. Deterministic: the same document and fonts give
 * the same bytes (no clock, no random names, /ID from the content). Classic
 * cross-reference table, no object streams, no encryption: a signing tool can
 * append incremental updates to it, into the empty signature fields placed
 * from the layout's "ky.*" anchors.
 */
import { PDFDocument } from "@cantoo/pdf-lib";
import type { FontSet } from "../fonts/font-set.ts";
import type { LaidOutDocument } from "../types.ts";
import { fillDocumentId, reserveDocumentId } from "./document-id.ts";
import { drawPage } from "./draw-page.ts";
import { embedFonts, glyphsUsed } from "./embed-fonts.ts";
import { fontkitFor } from "./fontkit-bridge.ts";
import { writeMetadata } from "./metadata.ts";
import { addSignatureFields } from "./signature-fields.ts";

export interface EmitOptions {
  /** SOURCE_DATE_EPOCH (seconds) for the creation and modification dates; default: meta.date at 00:00 +07:00. */
  sourceDateEpoch?: string | number;
}

export async function emitPdf(doc: LaidOutDocument, fonts: FontSet, options: EmitOptions = {}): Promise<Uint8Array> {
  if (doc.pages.length === 0) throw new Error("emit: the document has no pages");
  const used = glyphsUsed(doc, fonts);
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.registerFontkit(fontkitFor(fonts));
  const embedded = await embedFonts(pdf, fonts, used);
  for (const laid of doc.pages) {
    const page = pdf.addPage([laid.width, laid.height]);
    drawPage(page, laid, fonts, embedded);
  }
  addSignatureFields(pdf, doc);
  writeMetadata(pdf, doc.meta, options.sourceDateEpoch);
  reserveDocumentId(pdf);
  const bytes = await pdf.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false, objectsPerTick: Number.POSITIVE_INFINITY });
  return fillDocumentId(bytes);
}
