/**
 * The signatures in a PDF, for tests that must not depend on poppler: finds
 * each /ByteRange and /Contents by reading the bytes (not through pdf-lib),
 * and verifies each with the checker `sign` runs on earlier signatures
 * (src/sign/verify-signature.ts: message digest of the ranges, signature
 * over the signed attributes with the included certificate).
 */
import { verifyPdfSignature, type SignatureCheck } from "../../src/sign/verify-signature.ts";

export interface FoundSignature {
  byteRange: [number, number, number, number];
  cms: Uint8Array;
  subFilter: string;
}

const latin1 = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString("latin1");

export function findSignatures(pdf: Uint8Array): FoundSignature[] {
  const text = latin1(pdf);
  const out: FoundSignature[] = [];
  const re = /\/ByteRange \[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const br = m.slice(1, 5).map(Number) as [number, number, number, number];
    const hex = text.slice(br[1] + 1, br[2] - 1);
    const objStart = text.lastIndexOf(" obj", m.index);
    const sub = /\/SubFilter\s*\/([\w.]+)/.exec(text.slice(objStart, br[1]))?.[1] ?? "";
    out.push({ byteRange: br, cms: new Uint8Array(Buffer.from(hex, "hex")), subFilter: sub });
  }
  return out;
}

export type CmsCheck = SignatureCheck;

/** Verifies one signature of `pdf` as a detached CMS over its byte range (the checker `sign` runs on earlier signatures). */
export function verifySignature(pdf: Uint8Array, sig: FoundSignature): CmsCheck {
  return verifyPdfSignature(pdf, sig.byteRange, sig.cms);
}
