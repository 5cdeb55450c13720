/**
 * The year's print bundle: the documents' own PDFs, pages copied in the given
 * order (each keeps its embedded fonts), with a bookmark per document and no
 * signature fields: a reading copy for printing and archiving. Pure: PDF
 * bytes and titles in, PDF bytes out.
 *
 * Deterministic: the dates are the latest of the documents' own /ModDate
 * (which come from their dates or SOURCE_DATE_EPOCH, never from the clock),
 * the trailer /ID is a hash of the file, and the file is written as the
 * documents are (classic cross-reference table, no object streams).
 */
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from "@cantoo/pdf-lib";
import { fillDocumentId, reserveDocumentId } from "../pdf/emit/document-id.ts";
import { writeInfo } from "../pdf/emit/metadata.ts";
import type { BundleMeta } from "./meta.ts";
import { buildOutline, type OutlineItem } from "./outline.ts";
import { stripSignatureWidgets } from "./strip-signatures.ts";
import { ContentMemo } from "../write/content-memo.ts";
import { shareEqualStreams } from "./share-streams.ts";

export interface BundlePart {
  /** The document's PDF as written (or signed: its fields are left out all the same). */
  bytes: Uint8Array;
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
  const key = [JSON.stringify(meta), ...parts.flatMap((p) => [p.bytes, JSON.stringify([p.title, p.group ?? null])])];
  return bundleMemo.get(key, () => assemble(parts, meta));
}

async function assemble(parts: readonly BundlePart[], meta: BundleMeta): Promise<Bundle> {
  if (!parts.length) throw new Error("bundle: no documents");
  const out = await PDFDocument.create({ updateMetadata: false });
  const items: OutlineItem[] = [];
  const pages: number[] = [];
  let latest: string | undefined;
  for (const part of parts) {
    const src = await PDFDocument.load(part.bytes, { updateMetadata: false });
    const when = infoDate(src, "ModDate") ?? infoDate(src, "CreationDate");
    if (when && (!latest || when > latest)) latest = when;
    const srcPages = src.getPages();
    for (const p of srcPages) stripSignatureWidgets(p);
    const copied = await out.copyPages(src, srcPages.map((_, i) => i));
    for (const p of copied) out.addPage(p);
    pages.push(copied.length);
    const item: OutlineItem = { title: part.title, page: copied[0]!.ref };
    const last = items[items.length - 1];
    if (part.group === undefined) items.push(item);
    else if (last?.children && last.title === part.group) last.children.push(item);
    else items.push({ title: part.group, page: item.page, children: [item] });
  }
  const ctx = out.context;
  shareEqualStreams(ctx);
  out.catalog.set(PDFName.of("Outlines"), buildOutline(ctx, items));
  out.catalog.set(PDFName.of("PageMode"), PDFName.of("UseOutlines"));
  writeInfo(out, meta, latest);
  reserveDocumentId(out);
  const bytes = await out.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false, objectsPerTick: Number.POSITIVE_INFINITY });
  return { bytes: fillDocumentId(bytes), pages };
}

/** A date of the document's Info dictionary, as written ("D:20200205000000+07'00'"). */
function infoDate(pdf: PDFDocument, key: "ModDate" | "CreationDate"): string | undefined {
  const info = pdf.context.lookupMaybe(pdf.context.trailerInfo.Info, PDFDict);
  const v = info?.lookup(PDFName.of(key));
  return v instanceof PDFString || v instanceof PDFHexString ? v.decodeText() : undefined;
}
