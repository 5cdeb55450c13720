/**
 * Whether a PDF of the dossier is signed, read from the PDF by `sign`'s own checks: its signature
 * fields, how many carry a signature, and whether each signature still verifies over the bytes it
 * covers. A file that is not a readable PDF says so; nothing here throws.
 */
import { PDFDocument } from "@cantoo/pdf-lib";
import type { Diagnostics } from "../diagnostics/diagnostic.ts";
import type { World } from "../io/world.ts";
import { FAILED, guard } from "../write/guard.ts";
import { listSignatureFields } from "./pdf-fields.ts";
import { checkSignaturesIntact, signedRevisionEnds } from "./pdf-integrity.ts";

/** `ends`: where each signature's signed revision ends (its /ByteRange's end). */
export type SignatureState = { kind: "signed"; signed: number; fields: number; ends: number[] } | { kind: "unsigned"; fields: number } | { kind: "broken" } | { kind: "unreadable" };

export async function signatureState(bytes: Uint8Array): Promise<{ state: SignatureState; pages: number }> {
  let pdf: PDFDocument;
  try {
    pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  } catch {
    return { state: { kind: "unreadable" }, pages: 0 };
  }
  const pages = pdf.getPageCount();
  // pdf-lib opens a truncated file without a word; a PDF without a page is no document either.
  if (pages === 0) return { state: { kind: "unreadable" }, pages: 0 };
  try {
    const fields = listSignatureFields(pdf);
    const signed = fields.filter((f) => f.signed).length;
    if (!signed) return { state: { kind: "unsigned", fields: fields.length }, pages };
    checkSignaturesIntact(pdf, bytes, fields);
    return { state: { kind: "signed", signed, fields: fields.length, ends: signedRevisionEnds(pdf, fields) }, pages };
  } catch {
    return { state: { kind: "broken" }, pages };
  }
}

/** The checklist's words for a state (the document's are Vietnamese; the console's follow --lang). */
export function stateText(s: SignatureState, lang: "vi" | "en" = "vi"): string {
  if (lang === "en")
    switch (s.kind) {
      case "signed":
        return s.signed === s.fields ? `signed (${s.signed} signature${s.signed === 1 ? "" : "s"})` : `signed in ${s.signed} of ${s.fields} fields`;
      case "unsigned":
        return "not signed";
      case "broken":
        return "signature does not verify";
      case "unreadable":
        return "cannot be read";
    }
  switch (s.kind) {
    case "signed":
      return s.signed === s.fields ? `Đã ký số (${s.signed} chữ ký)` : `Đã ký số ${s.signed}/${s.fields} ô`;
    case "unsigned":
      return "Chưa ký số";
    case "broken":
      return "Chữ ký số không hợp lệ";
    case "unreadable":
      return "Không đọc được";
  }
}

/** A PDF someone else may have put in the project (a signed copy, a unit's report) is read only up to this size. */
export const MAX_FOREIGN_PDF_BYTES = 64 * 1024 * 1024;

/**
 * Reads such a PDF within that limit, through the World: undefined when it is not there, FAILED
 * when it cannot be read or is too large (the error is said at the file).
 */
export async function readForeignPdf(world: World, path: string, diags: Diagnostics): Promise<Uint8Array | undefined | typeof FAILED> {
  const size = await guard(diags, path, "read", () => world.fileSize(path));
  if (size === FAILED) return size;
  if (size === undefined) {
    // A folder has no size either: say what it is, never that the file is missing.
    if ((await world.listDir(path).catch(() => undefined)) === undefined) return undefined;
    diags.error("pdf/is-folder", { file: path, line: 0, column: 0 }, { path });
    return FAILED;
  }
  if (size > MAX_FOREIGN_PDF_BYTES) {
    diags.error("pdf/too-large", { file: path, line: 0, column: 0 }, { path, max: MAX_FOREIGN_PDF_BYTES / 1024 / 1024 });
    return FAILED;
  }
  // Read within the limit: the file may have grown since its size was taken.
  const bytes = await guard(diags, path, "read", () => world.readFile(path, MAX_FOREIGN_PDF_BYTES));
  if (bytes instanceof Uint8Array && bytes.byteLength > MAX_FOREIGN_PDF_BYTES) {
    diags.error("pdf/too-large", { file: path, line: 0, column: 0 }, { path, max: MAX_FOREIGN_PDF_BYTES / 1024 / 1024 });
    return FAILED;
  }
  return bytes;
}
