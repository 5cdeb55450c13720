/**
 * One document's edXML package (out/<year>/edxml/<stem>.edxml), for the `edxml` command and for a
 * build of documents whose data sets gui_edxml: true. The PDF packed is the signed copy
 * (<stem>.signed.pdf) when there is one, else the PDF this build just made, else the PDF on disk;
 * a PDF in out/ may have been replaced by anything, so it is read by sign's own checks within a
 * size limit and must show the number and date the data gives now (not an older copy, signed
 * before a change). Problems are collected as located errors; the package is undefined then.
 */
import type { ComposedDocument } from "../compose/compose-all.ts";
import { Diagnostics } from "../diagnostics/diagnostic.ts";
import type { World } from "../io/world.ts";
import type { YearModel } from "../model/types.ts";
import { outputPath } from "../render/output-paths.ts";
import { pdfText } from "../cli/pdf-text.ts";
import { MAX_FOREIGN_PDF_BYTES, readForeignPdf, signatureState, type SignatureState } from "../sign/signature-state.ts";
import { FAILED } from "../write/guard.ts";
import { sha256, stableJson } from "../write/hash.ts";
import { readManifest } from "../write/manifest.ts";
import type { PlannedFile, RecordedFolder } from "../write/recorded-folder.ts";
import { edxmlEnvelope } from "./envelope.ts";
import { isBuildsPdf, onlySignedAfter } from "./signed-revisions.ts";
import { edxmlInput, type Issued } from "./package.ts";

/** out/<year>/edxml/: the packages, beside the record of what the tool wrote there (never a file a person put there). */
export const EDXML_FOLDER: RecordedFolder = {
  dir: (outDir, year) => `${outDir}/${year}/edxml`,
  record: ".edxml.json",
  names: /^[a-z0-9-]+\.edxml$/,
  kept: "edxml/kept-file",
  damaged: "files/record-damaged",
  command: "edxml",
};

export interface PackRequest {
  doc: ComposedDocument;
  model: YearModel;
  outDir: string;
  /** data/khoi.yaml and its text, to say where a missing id goes. */
  blocFile: string;
  blocText: string;
  /** The document's PDF as this build made it (not yet on disk); absent: the PDF in out/. */
  fresh?: Uint8Array;
  /** edxml --so/--ngay: the number and date the data leaves blank. */
  issued?: Issued;
}

export async function packDocument(world: World, req: PackRequest, diags: Diagnostics): Promise<PlannedFile | undefined> {
  const { doc, model } = req;
  const signed = outputPath(req.outDir, doc.year, `${doc.doc.stem}.signed`, "pdf");
  const plain = outputPath(req.outDir, doc.year, doc.doc.stem, "pdf");
  const signedBytes = await readForeignPdf(world, signed, diags);
  if (signedBytes === FAILED) return undefined;
  const plainBytes = signedBytes === undefined ? (req.fresh ?? (await readForeignPdf(world, plain, diags))) : undefined;
  if (plainBytes === FAILED) return undefined;
  const bytes = signedBytes ?? plainBytes;
  if (bytes === undefined) {
    diags.error("edxml/no-pdf", { file: plain, line: 0, column: 0 }, { path: plain });
    return undefined;
  }
  const path = signedBytes !== undefined ? signed : plain;
  const { state, pages } = await signatureState(bytes);
  if (state.kind === "unreadable") {
    diags.error("edxml/unreadable-pdf", { file: path, line: 0, column: 0 }, { path });
    return undefined;
  }
  if (state.kind === "broken") {
    diags.error("edxml/broken-signature", { file: path, line: 0, column: 0 }, { path });
    return undefined;
  }
  // The document's PDF as it is in out/ (the fresh one of this build, the one read, or the one under a signed copy).
  let current: Uint8Array | undefined = req.fresh ?? plainBytes;
  // A signed copy is the document's PDF with signatures appended: its first revision must be the PDF the data makes now
  // (the number and date lines alone would not see a changed addressee, subject or body).
  if (signedBytes !== undefined) {
    const read = req.fresh ?? (await readForeignPdf(world, plain, new Diagnostics()));
    current = read instanceof Uint8Array ? read : undefined;
    // Without the document's PDF there is nothing to tell the copy's first revision by.
    if (current === undefined) {
      diags.error("edxml/no-pdf", { file: plain, line: 0, column: 0 }, { path: plain });
      return undefined;
    }
    if (!startsWith(signedBytes, current)) {
      diags.error("edxml/stale-signed", { file: signed, line: 0, column: 0 }, { path: signed, document: `${doc.doc.stem}.pdf` });
      return undefined;
    }
    // After it, only signatures: an incremental update made elsewhere, before or after signing, is a change nobody made from the data.
    if (!onlySignedAfter(signedBytes, current.length, endsOf(state))) {
      diags.error("edxml/not-built-pdf", { file: signed, line: 0, column: 0 }, { path: signed, only: doc.unit ?? doc.doc.stem });
      return undefined;
    }
  }
  const dataText = new TextDecoder().decode((await world.readFile(doc.source)) ?? new Uint8Array());
  const input = edxmlInput({ doc, model, dataText, blocFile: req.blocFile, blocText: req.blocText, pdf: { name: path.slice(path.lastIndexOf("/") + 1), bytes, pages }, ...(req.issued ? { issued: req.issued } : {}) }, diags);
  if (!input) return undefined;
  if (state.kind === "unsigned") diags.warning("edxml/unsigned", { file: path, line: 0, column: 0 }, { document: `${doc.doc.stem}.pdf`, path });
  if (state.kind === "signed" && state.signed < state.fields) diags.warning("edxml/partly-signed", { file: path, line: 0, column: 0 }, { path, signed: state.signed, fields: state.fields });
  const shown = (await pdfText(bytes, MAX_FOREIGN_PDF_BYTES).catch(() => "")).replace(/\s+/g, " ");
  const expected = [doc.doc.header.number, doc.doc.header.placeDate].filter((x): x is string => !!x).map((x) => x.replace(/\s+/g, " "));
  const missing = expected.find((x) => !shown.includes(x));
  if (missing !== undefined) {
    diags.error("edxml/stale-pdf", { file: path, line: 0, column: 0 }, { path, line: missing });
    return undefined;
  }
  // Without this build's PDF (the edxml command), the PDF in out/ must be the one the data makes now: the build's record says.
  if (!req.fresh) {
    const { manifest, damaged } = await readManifest(world, req.outDir).catch(() => ({ manifest: undefined, damaged: undefined }));
    const entry = manifest?.documents[`${doc.year}/${doc.doc.stem}`];
    if (entry && entry.content !== sha256(stableJson(doc.doc))) {
      diags.error("edxml/built-before-change", { file: doc.source, line: 1, column: 1 }, { document: `${doc.doc.stem}.pdf`, path: plain });
      return undefined;
    }
    // And the PDF there must be the one the build wrote, or that one signed in place: not one kept as edited by hand, nor one
    // the record has no copy of (a file put there, or kept while its document was out of the data), which the record's
    // content does not describe. With the record damaged, no file is known as the build's.
    const ends = signedBytes === undefined ? endsOf(state) : current ? endsOf((await signatureState(current)).state) : [];
    if ((manifest || damaged) && current !== undefined && !isBuildsPdf(current, damaged ? undefined : entry?.outputs[plain], ends)) {
      diags.error("edxml/not-built-pdf", { file: plain, line: 0, column: 0 }, { path: plain, only: doc.unit ?? doc.doc.stem });
      return undefined;
    }
  }
  return { year: doc.year, name: `${doc.doc.stem}.edxml`, bytes: new TextEncoder().encode(edxmlEnvelope(input)) };
}

/** Where the signatures of a PDF in that state end their revisions (none when it is not signed). */
const endsOf = (s: SignatureState): number[] => (s.kind === "signed" ? s.ends : []);

function startsWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
  if (prefix.length > bytes.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}
