/**
 * Signs a PDF into one of its existing signature fields, as an incremental
 * update appended to the unchanged original bytes, so an earlier signature
 * stays valid and a later one can follow.
 *
 *   1. checks: the certificate is valid now and meant for signing
 *      (src/sign/certificate-checks.ts); the fonts draw the signer's name
 *      (src/sign/appearance.ts); the PDF is whole, reads, is not
 *      encrypted, has no change after its last signature and every earlier
 *      signature still verifies (src/sign/pdf-integrity.ts), no certifying
 *      signer forbade further signatures (src/sign/certification.ts), it has
 *      the field and the field is not signed (src/sign/pdf-fields.ts); the
 *      image is within its bounds (src/sign/signature-image.ts);
 *   2. the update (written by @cantoo/pdf-lib's incremental save): a signature
 *      dictionary with a /ByteRange and a zero /Contents of a size reserved
 *      for the CMS, the field's /V pointing at it, the widget's appearance
 *      (image and text, src/sign/appearance.ts), /SigFlags 3;
 *   3. /ByteRange filled in place (same length), the SHA-256 of the covered
 *      bytes signed into a CMS (src/sign/cms.ts), its hex written in place.
 *
 * Pure apart from the clock it is given: the caller reads and writes files.
 */
import { createHash } from "node:crypto";
import { PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString, type PDFImage } from "@cantoo/pdf-lib";
import { SEAL_MAX_MM, SEAL_MIN_MM } from "../document/conventions.ts";
import { pdfDateVn } from "../pdf/emit/metadata.ts";
import type { FontSet } from "../pdf/fonts/font-set.ts";
import { describeChar } from "../pdf/fonts/vietnamese.ts";
import { addAppearance, undrawable } from "./appearance.ts";
import { checkSigningUse } from "./certificate-checks.ts";
import { checkCertification } from "./certification.ts";
import { buildCms, type SubFilter } from "./cms.ts";
import { SignError } from "./errors.ts";
import { checkValidity, type SigningIdentity } from "./p12.ts";
import { FIELD } from "./field-names.ts";
import { acroForm, chooseField, listSignatureFields, type SignatureField } from "./pdf-fields.ts";
import { checkComplete, checkSignaturesIntact, checkUnchangedSinceSigned, damaged, looksLikePdf } from "./pdf-integrity.ts";
import { readSignatureImage, type SignatureImage } from "./signature-image.ts";
import { isoVn, type Clock } from "./time.ts";

export interface SignOptions {
  identity: SigningIdentity;
  /** The font of the visible text (the body font: Times New Roman or a stand-in). */
  fonts: FontSet;
  clock: Clock;
  /** Fully qualified field name; default: the first unsigned signature field in document order. */
  field?: string;
  /** PNG (transparent background) or JPEG, drawn in the field above the text. */
  image?: Uint8Array;
  /** The image's file name, for messages. */
  imageName?: string;
  /**
   * The seal's real size in mm (the longer side of its image), for the
   * organisation's field: default the size the image file states (its
   * resolution), else the field's (SEAL_FIELD_MM). Decree 30: real size.
   */
  sealMm?: number;
  reason?: string;
  location?: string;
  /** PAdES (/ETSI.CAdES.detached, with signing-certificate-v2; default) or plain /adbe.pkcs7.detached. */
  pades?: boolean;
}

export interface SignResult {
  bytes: Uint8Array;
  field: string;
  subFilter: SubFilter;
  /** ISO 8601 with +07:00, as shown in the appearance. */
  signingTime: string;
  signer: string;
}

const N = (s: string) => PDFName.of(s);
const PLACEHOLDER = "**********";
/** AcroForm /SigFlags: SignaturesExist | AppendOnly. */
const SIGFLAGS_SIGNED = 3;

/** The lines shown in the field: who signed, the organisation, when. */
export function appearanceLines(identity: SigningIdentity, signingTime: string): string[] {
  const { commonName: cn, organization: o } = identity.subject;
  return [`Ký bởi: ${cn ?? o ?? "?"}`, ...(o && o !== cn ? [`Cơ quan: ${o}`] : []), `Thời gian ký: ${signingTime}`];
}

export async function signPdf(input: Uint8Array, opts: SignOptions): Promise<SignResult> {
  const now = opts.clock();
  checkValidity(opts.identity, now);
  checkSigningUse(opts.identity);
  const signingTime = isoVn(now);
  const signer = opts.identity.subject.commonName ?? opts.identity.subject.organization ?? "?";
  const lines = appearanceLines(opts.identity, signingTime);
  const lacking = undrawable(lines, opts.fonts);
  if (lacking.length) throw new SignError("sign/name-not-drawable", { name: lines.filter((l) => !l.startsWith("Thời gian")).join("; "), chars: lacking.map(describeChar).join(", "), font: opts.fonts.label });
  const checkedImage = opts.image ? readSignatureImage(opts.image, opts.imageName ?? "image") : undefined;
  const original = new Uint8Array(input); // a copy: the caller's bytes are never touched
  checkComplete(original);

  let pdf: PDFDocument;
  try {
    pdf = await PDFDocument.load(original, { forIncrementalUpdate: true, updateMetadata: false, ignoreEncryption: true });
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    if (looksLikePdf(original)) damaged(detail, detail);
    throw new SignError("pdf/unreadable", { detail });
  }
  if (pdf.isEncrypted) throw new SignError("pdf/encrypted");
  const fields = listSignatureFields(pdf);
  checkUnchangedSinceSigned(pdf, original, fields);
  checkSignaturesIntact(pdf, original, fields);
  checkCertification(pdf, fields);
  const field = chooseField(fields, opts.field);
  const image = checkedImage ? await embedImage(pdf, checkedImage, opts.imageName ?? "image") : undefined;

  const [x1, y1, x2, y2] = field.rect;
  const width = x2 - x1;
  const height = y2 - y1;
  const sealMm = opts.sealMm ?? (checkedImage?.sizeMm ? Math.max(checkedImage.sizeMm.width, checkedImage.sizeMm.height) : undefined);
  // A seal of a size no seal has (a resolution left at 72 dpi, or a hostile one) is refused, not drawn as a dot or clipped.
  if (image && isSealField(field.name) && sealMm !== undefined && !(sealMm >= SEAL_MIN_MM && sealMm <= SEAL_MAX_MM)) {
    throw new SignError("image/seal-size", { file: opts.imageName ?? "image", mm: String(Math.round(sealMm * 100) / 100), min: SEAL_MIN_MM, max: SEAL_MAX_MM });
  }
  // The seal drawn at its real size, as large as its field at most.
  const seal = image && isSealField(field.name) ? { sealPt: Math.min(width, height, sealMm !== undefined ? sealMm * MM : Infinity) } : {};
  const ap = addAppearance(pdf, { width, height, lines, fonts: opts.fonts, textAt: textPlace(field, fields), textSpan: freeSpan(field, fields), ...(image ? { image } : {}), ...seal });

  // The CMS has the same length whatever the digest, so one built over a dummy digest gives the room to reserve.
  const cmsFor = (digest: Uint8Array) =>
    buildCms({ certificate: opts.identity.certificate, chain: opts.identity.chain, privateKey: opts.identity.privateKey, digest, signingTime: now, pades: opts.pades ?? true });
  const probe = cmsFor(new Uint8Array(32));
  const room = Math.ceil((probe.der.length + 512) / 1024) * 1024;

  const ctx = pdf.context;
  const sig = ctx.obj({
    Type: "Sig",
    Filter: "Adobe.PPKLite",
    SubFilter: probe.subFilter,
    ByteRange: [PDFNumber.of(0), N(PLACEHOLDER), N(PLACEHOLDER), N(PLACEHOLDER)],
    Contents: PDFHexString.of("0".repeat(room * 2)),
    M: PDFString.of(pdfDateVn(Math.floor(now.getTime() / 1000))),
    Name: PDFHexString.fromText(signer),
    ...(opts.reason ? { Reason: PDFHexString.fromText(opts.reason) } : {}),
    ...(opts.location ? { Location: PDFHexString.fromText(opts.location) } : {}),
    Prop_Build: { App: { Name: "khoi-thi-dua" } },
  });
  const sigRef = ctx.register(sig);
  field.field.set(N("V"), sigRef);
  field.widget.set(N("AP"), ctx.obj({ N: ap }));
  const form = acroForm(pdf)!;
  form.set(N("SigFlags"), PDFNumber.of(SIGFLAGS_SIGNED));
  const formRef = pdf.catalog.get(N("AcroForm"));
  const changed = [field.fieldRef, field.widgetRef, ...(formRef instanceof PDFRef ? [formRef] : [])];
  pdf.context.snapshot?.markRefsForSave(changed);

  const out = await pdf.save({ useObjectStreams: false });
  if (out.length <= original.length || !Buffer.from(out.buffer, out.byteOffset, original.length).equals(Buffer.from(original))) {
    throw new Error("sign: the update would change the original bytes");
  }

  // Fill /ByteRange and /Contents in place.
  const text = Buffer.from(out.buffer, out.byteOffset, out.byteLength).toString("latin1");
  const objAt = text.indexOf(`\n${sigRef.objectNumber} ${sigRef.generationNumber} obj`, original.length - 1);
  const brPlaceholder = `[ 0 /${PLACEHOLDER} /${PLACEHOLDER} /${PLACEHOLDER} ]`;
  const brAt = text.indexOf(brPlaceholder, objAt);
  const hexAt = text.indexOf(`<${"0".repeat(room * 2)}>`, objAt);
  if (objAt < 0 || brAt < 0 || hexAt < 0) throw new Error("sign: the signature placeholders were not found in the update");
  const a = hexAt;
  const b = hexAt + room * 2 + 2;
  const ranges = `[0 ${a} ${b} ${out.length - b}]`;
  if (ranges.length > brPlaceholder.length) throw new Error("sign: the byte range does not fit its placeholder");
  out.set(Buffer.from(ranges.slice(0, -1).padEnd(brPlaceholder.length - 1, " ") + "]", "latin1"), brAt);

  const digest = createHash("sha256").update(out.subarray(0, a)).update(out.subarray(b)).digest();
  const cms = cmsFor(new Uint8Array(digest));
  if (cms.der.length > room) throw new SignError("sign/too-large", { size: cms.der.length, room });
  out.set(Buffer.from(Buffer.from(cms.der).toString("hex").toUpperCase().padEnd(room * 2, "0"), "latin1"), a + 1);

  return { bytes: out, field: field.name, subFilter: cms.subFilter, signingTime, signer };
}

/**
 * Where the field's text goes so it does not run into the text of a field it
 * overlaps (the organisation's seal over the signer's signature): a field
 * overlapping a signed one takes the top band (the signed one has the
 * bottom), one overlapping an unsigned one the bottom band, a field alone
 * the whole field.
 */
function textPlace(field: SignatureField, all: readonly SignatureField[]): "fill" | "bottom" | "top" {
  const others = all.filter((o) => o !== field && o.page === field.page && overlap(o.rect, field.rect));
  if (others.some((o) => o.signed)) return "top";
  return others.length ? "bottom" : "fill";
}

const MM = 72 / 25.4;

/** The organisation's field beside a signer's (ky.co-quan, ky.co-quan-2 ...), not the one of a separate appendix. */
function isSealField(name: string): boolean {
  return name === FIELD.seal || new RegExp(`^${FIELD.seal.replace(".", "\\.")}-\\d+$`).test(name);
}

/**
 * The widest part of the field's width, from its left edge, that no other
 * field of its page overlaps: the signer's text stays right of the seal, the
 * seal's left of the signer's field.
 */
export function freeSpan(field: SignatureField, all: readonly SignatureField[]): { x: number; width: number } {
  const [l, , r] = field.rect as [number, number, number, number];
  const covered = all
    .filter((o) => o !== field && o.page === field.page && overlap(o.rect, field.rect))
    .map((o) => [Math.max(l, o.rect[0]!), Math.min(r, o.rect[2]!)] as const)
    .sort((a, b) => a[0] - b[0]);
  let best = { x: 0, width: covered.length ? 0 : r - l };
  let from = l;
  for (const [a, b] of covered) {
    if (a - from > best.width) best = { x: from - l, width: a - from };
    from = Math.max(from, b);
  }
  if (r - from > best.width) best = { x: from - l, width: r - from };
  return best;
}

function overlap(a: readonly number[], b: readonly number[]): boolean {
  return Math.min(a[2]!, b[2]!) - Math.max(a[0]!, b[0]!) > 0.5 && Math.min(a[3]!, b[3]!) - Math.max(a[1]!, b[1]!) > 0.5;
}

/** Embeds an image already bounded by readSignatureImage. */
async function embedImage(pdf: PDFDocument, image: SignatureImage, name: string): Promise<PDFImage> {
  try {
    return image.kind === "png" ? await pdf.embedPng(image.bytes) : await pdf.embedJpg(image.bytes);
  } catch {
    throw new SignError("image/unreadable", { file: name });
  }
}
