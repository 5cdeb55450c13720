/**
 * The year's print bundle: the documents' own PDFs, pages copied in the given
 * order (each keeps its embedded fonts), with a bookmark per document and no
 * signature fields: a reading copy for printing and archiving. Pure: PDF
 * bytes, their recorded parts and titles in, PDF bytes out.
 *
 * Our own PDFs are copied from their recorded parts (write-bundle.ts), never
 * parsed. A PDF that is not ours (signed, its update appended; saved by another
 * program) goes through pdf-lib as it always did: its pages copied, without
 * their signature widgets, into a file of our form, whose parts are then read.
 *
 * Deterministic: the dates are the latest of the documents' own /ModDate
 * (which come from their dates or SOURCE_DATE_EPOCH, never from the clock),
 * the trailer /ID is a hash of the file, and the file is written as the
 * documents are (classic cross-reference table, no object streams).
 */
import { pdfParsing } from "../pdf/parts/parts-store.ts";
import type { PdfParts } from "../pdf/parts/parts.ts";
import { readParts } from "../pdf/parts/read-parts.ts";
import { ContentMemo } from "../write/content-memo.ts";
import { sha256 } from "../write/hash.ts";
import type { BundleMeta } from "./meta.ts";
import { stripSignatureWidgets } from "./strip-signatures.ts";
import { writeBundle, type PartSource } from "./write-bundle.ts";

export interface BundlePart {
  /** The document's PDF as written (or signed: its fields are left out all the same). */
  bytes: Uint8Array;
  /** Its recorded parts (src/pdf/parts/parts-store.ts); none for a PDF that is not ours. */
  parts?: PdfParts;
  /** Its bookmark. */
  title: string;
  /** Consecutive parts with the same group are bookmarked under one parent entry of that title. */
  group?: string;
}

export interface Bundle {
  bytes: Uint8Array;
  /** Pages of each part, in order. */
  pages: number[];
}

const bundleMemo = new ContentMemo<Bundle>(4);

/** The bundle of the parts; made once per content (parts' bytes, titles, groups and the metadata) in a process. */
export function makeBundle(parts: readonly BundlePart[], meta: BundleMeta): Promise<Bundle> {
  const key = [JSON.stringify(meta), ...parts.flatMap((p) => [p.bytes, JSON.stringify([p.title, p.group ?? null, p.parts ? 1 : 0])])];
  return bundleMemo.get(key, () => assemble(parts, meta));
}

async function assemble(parts: readonly BundlePart[], meta: BundleMeta): Promise<Bundle> {
  if (!parts.length) throw new Error("bundle: no documents");
  const sources: PartSource[] = [];
  for (const p of parts) {
    const group = p.group === undefined ? {} : { group: p.group };
    sources.push(p.parts ? { bytes: p.bytes, parts: p.parts, title: p.title, ...group } : { ...(await ourForm(p.bytes)), title: p.title, ...group });
  }
  return writeBundle(sources, meta);
}

/** A PDF that is not ours, through pdf-lib: its pages without signature widgets in a file of our form, and its dates. */
async function ourForm(bytes: Uint8Array): Promise<{ bytes: Uint8Array; parts: PdfParts }> {
  const { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } = await import("@cantoo/pdf-lib");
  pdfParsing.observe?.(sha256(bytes), "pdf-lib");
  const src = await PDFDocument.load(bytes, { updateMetadata: false });
  const info = src.context.lookupMaybe(src.context.trailerInfo.Info, PDFDict);
  const date = (key: string) => {
    const v = info?.lookup(PDFName.of(key));
    return v instanceof PDFString || v instanceof PDFHexString ? v.decodeText() : undefined;
  };
  const out = await PDFDocument.create({ updateMetadata: false });
  const srcPages = src.getPages();
  for (const p of srcPages) stripSignatureWidgets(p);
  for (const p of await out.copyPages(src, srcPages.map((_, i) => i))) out.addPage(p);
  const copy = await out.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false, objectsPerTick: Number.POSITIVE_INFINITY });
  const parts = readParts(copy, sha256(copy));
  const creationDate = date("CreationDate");
  const modDate = date("ModDate");
  return { bytes: copy, parts: { ...parts, ...(creationDate !== undefined ? { creationDate } : {}), ...(modDate !== undefined ? { modDate } : {}) } };
}
