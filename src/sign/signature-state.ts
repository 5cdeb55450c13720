/**
 * Whether a PDF of the dossier is signed, read from the PDF by `sign`'s own checks: its signature
 * fields, how many carry a signature, and whether each signature still verifies over the bytes it
 * covers. A file that is not a readable PDF says so; nothing here throws.
 */
import { PDFDocument } from "@cantoo/pdf-lib";
import { listSignatureFields } from "../sign/pdf-fields.ts";
import { checkSignaturesIntact } from "../sign/pdf-integrity.ts";

export type SignatureState = { kind: "signed"; signed: number; fields: number } | { kind: "unsigned"; fields: number } | { kind: "broken" } | { kind: "unreadable" };

export async function signatureState(bytes: Uint8Array): Promise<{ state: SignatureState; pages: number }> {
  let pdf: PDFDocument;
  try {
    pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  } catch {
    return { state: { kind: "unreadable" }, pages: 0 };
  }
  const pages = pdf.getPageCount();
  try {
    const fields = listSignatureFields(pdf);
    const signed = fields.filter((f) => f.signed).length;
    if (!signed) return { state: { kind: "unsigned", fields: fields.length }, pages };
    checkSignaturesIntact(pdf, bytes, fields);
    return { state: { kind: "signed", signed, fields: fields.length }, pages };
  } catch {
    return { state: { kind: "broken" }, pages };
  }
}

/** The checklist's words for a state. */
export function stateText(s: SignatureState): string {
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
