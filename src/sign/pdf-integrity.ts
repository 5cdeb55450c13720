/**
 * Two checks on the PDF bytes before signing:
 *
 *   - complete: a file that begins as a PDF must end as one (%%EOF after its
 *     last startxref, which points inside the file). pdf-lib reads a cut
 *     file leniently, and what is left may lack the fields or the pages: the
 *     secretary is told the file is damaged, not that it has no field.
 *   - unchanged since signed: every byte after the end of the last signed
 *     revision (the largest end of a signature's /ByteRange) is a change
 *     nobody signed, an incremental update made after the last signature.
 *     Countersigning would cover it as if the earlier signers had seen it,
 *     so it is refused, naming the bytes and the objects changed.
 *   - intact: every earlier signature still verifies (the digest of the
 *     bytes its /ByteRange covers is the one its CMS signed,
 *     src/sign/verify-signature.ts). A byte changed inside a signed range
 *     breaks that signature; countersigning would add a valid signature to a
 *     document whose first one is broken, so it is refused with the reason.
 */
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFRef, PDFStream, PDFString, type PDFDocument } from "@cantoo/pdf-lib";
import { SignError } from "./errors.ts";
import type { SignatureField } from "./pdf-fields.ts";
import { verifyPdfSignature } from "./verify-signature.ts";

const latin1 = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString("latin1");
const WHITE = /^[\s\0]*$/;
const HEAD = 1024;
const TAIL = 2048;

/** True when the bytes start as a PDF ("%PDF-" in the first kilobyte). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  return latin1(bytes.subarray(0, HEAD)).includes("%PDF-");
}

/** Refuses a PDF that is cut short: no %%EOF at its end, or a startxref beyond the file. */
export function checkComplete(bytes: Uint8Array): void {
  if (!looksLikePdf(bytes)) return; // not a PDF at all: the reader says so
  const tail = latin1(bytes.subarray(Math.max(0, bytes.length - TAIL)));
  if (!/%%EOF[\s\0]*$/.test(tail)) damaged("cuối tệp không có dấu kết thúc %%EOF (tệp bị cắt cụt?)", "no %%EOF at the end of the file (cut short?)");
  const m = /startxref\s+(\d+)\s+%%EOF[\s\0]*$/.exec(tail);
  if (!m) damaged("không có startxref trước %%EOF cuối cùng", "no startxref before the last %%EOF");
  if (Number(m![1]) >= bytes.length) damaged(`startxref ${m![1]} trỏ ra ngoài tệp (${bytes.length} byte)`, `startxref ${m![1]} points beyond the file (${bytes.length} bytes)`);
}

export function damaged(detailVi: string, detail: string): never {
  throw new SignError("pdf/damaged", { detailVi, detail });
}

/** Refuses a signed PDF with bytes after its last signed revision. */
export function checkUnchangedSinceSigned(pdf: PDFDocument, bytes: Uint8Array, fields: readonly SignatureField[]): void {
  let end = -1;
  let last = "";
  for (const f of fields) {
    if (!f.signed) continue;
    const e = signedEnd(pdf, f);
    if (e !== undefined && e > end) [end, last] = [e, f.name];
  }
  if (end < 0) return;
  if (end > bytes.length) damaged(`chữ ký ở ô ${last} phủ đến byte ${end}, quá cuối tệp (${bytes.length} byte)`, `the signature in field ${last} covers up to byte ${end}, beyond the end of the file (${bytes.length} bytes)`);
  const added = latin1(bytes.subarray(end));
  if (WHITE.test(added)) return;
  const objects = [...added.matchAll(/(?:^|[\s>\]])(\d+)\s+(\d+)\s+obj\b/g)].map((m) => describe(pdf, Number(m[1]), Number(m[2])));
  const shown = objects.length > 8 ? [...objects.slice(0, 8), `… (${objects.length})`] : objects;
  throw new SignError("pdf/changed-after-signing", {
    field: last,
    bytes: bytes.length - end,
    objects: shown.length ? shown.join(", ") : "no object (stray bytes)",
    objectsVi: shown.length ? shown.join(", ") : "không đối tượng nào (dữ liệu lạ)",
  });
}

/** Where each signed field's signature ends its revision (its /ByteRange's end), of those that say. */
export function signedRevisionEnds(pdf: PDFDocument, fields: readonly SignatureField[]): number[] {
  return fields.filter((f) => f.signed).flatMap((f) => signedEnd(pdf, f) ?? []);
}

/** Where a signature's /ByteRange ends: the end of the revision it signed. */
function signedEnd(pdf: PDFDocument, f: SignatureField): number | undefined {
  const n = byteRange(pdf, f);
  return n ? n[2] + n[3] : undefined;
}

/** A signed field's /ByteRange, when it has four numbers. */
function byteRange(pdf: PDFDocument, f: SignatureField): [number, number, number, number] | undefined {
  const v = f.field.get(PDFName.of("V"));
  const sig = v instanceof PDFRef ? pdf.context.lookupMaybe(v, PDFDict) : v instanceof PDFDict ? v : undefined;
  const br = sig?.lookupMaybe(PDFName.of("ByteRange"), PDFArray);
  if (!br || br.size() !== 4) return undefined;
  const n = br.asArray().map((x) => (x instanceof PDFNumber ? x.asNumber() : NaN));
  return n.every((x) => Number.isInteger(x)) ? (n as [number, number, number, number]) : undefined;
}

const REASONS_VI: Record<string, string> = {
  "byte range outside the file": "phần đã ký (/ByteRange) nằm ngoài tệp",
  "unreadable CMS": "không đọc được dữ liệu chữ ký (CMS)",
  "unknown digest algorithm": "chữ ký dùng thuật toán băm không biết",
  "no message digest": "chữ ký không có mã băm của nội dung",
  "digest mismatch": "nội dung đã ký bị thay đổi (mã băm không khớp, pdfsig báo Digest Mismatch)",
  "signature does not verify": "chữ ký số không khớp với chứng thư trong nó",
};

/**
 * Refuses a PDF whose earlier signature no longer verifies: each signed
 * field's CMS, read from the gap its /ByteRange leaves (the /Contents hex
 * string), checked against the bytes the range covers.
 */
export function checkSignaturesIntact(pdf: PDFDocument, bytes: Uint8Array, fields: readonly SignatureField[]): void {
  for (const f of fields) {
    if (!f.signed) continue;
    const br = byteRange(pdf, f);
    const refuse = (reason: string) => {
      const sig = f.field.lookup(PDFName.of("V"));
      const name = sig instanceof PDFDict ? sig.lookup(PDFName.of("Name")) : undefined;
      const signer = name instanceof PDFString || name instanceof PDFHexString ? name.decodeText() : undefined;
      throw new SignError("pdf/signature-broken", {
        field: f.name,
        signer: signer ?? "?",
        reason,
        reasonVi: REASONS_VI[reason] ?? reason,
      });
    };
    if (!br) refuse("byte range outside the file");
    const [, b, c] = br!;
    const gap = c - b >= 2 && c <= bytes.length ? latin1(bytes.subarray(b, c)) : "";
    const hex = /^<([0-9A-Fa-f\s]*)>$/.exec(gap)?.[1]?.replace(/\s/g, "");
    if (hex === undefined) refuse("unreadable CMS");
    const check = verifyPdfSignature(bytes, br!, new Uint8Array(Buffer.from(hex!.length % 2 ? hex! + "0" : hex!, "hex")));
    if (!check.ok) refuse(check.problem!);
  }
}

/** "12 0 (/Page)": an object of the update with its /Type (or /Subtype, or "stream"). */
function describe(pdf: PDFDocument, num: number, gen: number): string {
  const o = pdf.context.lookup(PDFRef.of(num, gen));
  const dict = o instanceof PDFDict ? o : o instanceof PDFStream ? o.dict : undefined;
  const type = dict?.get(PDFName.of("Type")) ?? dict?.get(PDFName.of("Subtype"));
  const kind = type instanceof PDFName ? type.toString() : o instanceof PDFStream ? "stream" : undefined;
  return kind ? `${num} ${gen} (${kind})` : `${num} ${gen}`;
}
