/**
 * LaidOutDocument → PDF bytes. Deterministic: the same document and fonts give
 * the same bytes (no clock, no random names, /ID from the content). Classic
 * cross-reference table, no object streams, no encryption: a signing tool can
 * append incremental updates to it, into the empty signature fields placed
 * from the layout's "ky.*" anchors.
 *
 * pdf-lib keeps the object graph and writes the file; the page content is
 * ours (page-content.ts), the fonts are the build's shared subsets
 * (prepared-fonts.ts), and every stream is compressed by node:zlib.
 */
import { PDFDocument, PDFName, type PDFRef } from "@cantoo/pdf-lib";
import { FACES } from "../fonts/candidates.ts";
import type { FontFile } from "../fonts/font-file.ts";
import type { FontSet } from "../fonts/font-set.ts";
import type { LaidOutDocument } from "../types.ts";
import { deflate, flateStream } from "./compress.ts";
import { fillDocumentId, reserveDocumentId } from "./document-id.ts";
import { buildEmbedding, type FontEmbedding } from "./font-embedding.ts";
import { registerFont } from "./font-objects.ts";
import { writeMetadata } from "./metadata.ts";
import { pageContent, type PageFont } from "./page-content.ts";
import { preparePdfFonts, type PreparedFonts } from "./prepared-fonts.ts";
import { addSignatureFields } from "./signature-fields.ts";
import { pageRuns, type GlyphRun } from "./text-runs.ts";

/**
 * zlib level of page content: 3 deflates the example's pages in half the
 * time of the default 6 for 3 % more bytes in all (the fonts, compressed once
 * per build, take level 9).
 */
const CONTENT_LEVEL = 3;

export interface EmitOptions {
  /** SOURCE_DATE_EPOCH (seconds) for the creation and modification dates; default: meta.date at 00:00 +07:00. */
  sourceDateEpoch?: string | number;
  /** The build's shared subsets of `fonts`; default: preparePdfFonts(fonts), prepared once per font set. */
  prepared?: PreparedFonts;
}

/**
 * The embedding of each file the document uses, in face then file order: the
 * shared subset when it has every character the document takes from the
 * file, else the document's own subset of the file, whose CIDs the file's
 * runs then take.
 */
async function documentFonts(pages: readonly GlyphRun[][], fonts: FontSet, prepared: PreparedFonts): Promise<Map<FontFile, FontEmbedding>> {
  const used = new Set<FontFile>();
  const own = new Map<FontFile, Set<number>>();
  for (const runs of pages)
    for (const run of runs) {
      used.add(run.file);
      if (run.hex === undefined) own.set(run.file, new Set());
    }
  for (const runs of pages)
    for (const run of runs) {
      const cps = own.get(run.file);
      if (cps) for (const ch of run.text) cps.add(ch.codePointAt(0)!);
    }
  const out = new Map<FontFile, FontEmbedding>();
  for (const face of FACES)
    for (const file of fonts.faces[face]) {
      if (!used.has(file) || out.has(file)) continue;
      const cps = own.get(file);
      out.set(file, cps ? await buildEmbedding(file, cps) : prepared.embedding(file)!);
    }
  for (const runs of pages)
    for (const run of runs) {
      if (!own.has(run.file)) continue;
      const codes = out.get(run.file)!.codes;
      run.hex = "";
      for (const ch of run.text) run.hex += codes.get(ch.codePointAt(0)!)!;
    }
  return out;
}

export async function emitPdf(doc: LaidOutDocument, fonts: FontSet, options: EmitOptions = {}): Promise<Uint8Array> {
  if (doc.pages.length === 0) throw new Error("emit: the document has no pages");
  const prepared = options.prepared ?? (await preparePdfFonts(fonts));
  if (prepared.fonts !== fonts) throw new Error("emit: the prepared fonts are of another font set");
  const runs = doc.pages.map((page, i) => pageRuns(page, prepared, i));
  const embeddings = await documentFonts(runs, fonts, prepared);

  const pdf = await PDFDocument.create({ updateMetadata: false });
  const ctx = pdf.context;
  const fontOf = new Map<FontFile, PageFont>();
  const refOf = new Map<string, PDFRef>();
  for (const [file, embedding] of embeddings) {
    const name = `F${fontOf.size + 1}`;
    fontOf.set(file, { name, embedding });
    refOf.set(name, registerFont(ctx, embedding));
  }

  doc.pages.forEach((laid, i) => {
    const page = pdf.addPage([laid.width, laid.height]);
    const { content, fonts: used } = pageContent(laid, runs[i]!, fontOf);
    page.node.set(PDFName.of("Resources"), ctx.obj(used.length ? { Font: Object.fromEntries(used.map((f) => [f.name, refOf.get(f.name)!])) } : {}));
    page.node.set(PDFName.of("Contents"), ctx.register(flateStream(ctx, deflate(Buffer.from(content, "latin1"), CONTENT_LEVEL))));
  });
  addSignatureFields(pdf, doc);
  writeMetadata(pdf, doc.meta, options.sourceDateEpoch);
  reserveDocumentId(pdf);
  const bytes = await pdf.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false, objectsPerTick: Number.POSITIVE_INFINITY });
  return fillDocumentId(bytes);
}
