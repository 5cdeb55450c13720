/**
 * An independent check of the signatures in a PDF, for tests that must not
 * depend on poppler: finds each /ByteRange and /Contents, hashes the ranges,
 * and verifies the CMS (message digest, RSA signature over the signed
 * attributes with the included certificate) with Node's crypto.
 */
import { createHash, verify, X509Certificate } from "node:crypto";
import forge from "node-forge";

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

export interface CmsCheck {
  ok: boolean;
  problem?: string;
  signedAttributes: string[];
  signerCommonName?: string;
}

const OIDS = { messageDigest: "1.2.840.113549.1.9.4" };

/** Verifies one signature of `pdf` as a detached CMS over its byte range. */
export function verifySignature(pdf: Uint8Array, sig: FoundSignature): CmsCheck {
  const [a, b, c, d] = sig.byteRange;
  // An earlier signature covers the file as it was then: a prefix of the file now.
  if (a !== 0 || c + d > pdf.length) return { ok: false, problem: "byte range outside the file", signedAttributes: [] };
  const digest = createHash("sha256").update(pdf.subarray(0, b)).update(pdf.subarray(c, c + d)).digest();
  const parse = forge.asn1.fromDer as unknown as (s: string, o: object) => forge.asn1.Asn1;
  const ci = parse(Buffer.from(sig.cms).toString("binary"), { strict: true, parseAllBytes: false, decodeBitStrings: false });
  const signedData = ((ci.value as forge.asn1.Asn1[])[1]!.value as forge.asn1.Asn1[])[0]!;
  const sd = signedData.value as forge.asn1.Asn1[];
  const certs = sd.find((x) => x.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && x.type === 0)!;
  const signerInfos = sd[sd.length - 1]!.value as forge.asn1.Asn1[];
  const si = signerInfos[0]!.value as forge.asn1.Asn1[];
  const attrs = si.find((x) => x.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && x.type === 0)!;
  const signature = Buffer.from(si[si.length - 1]!.value as string, "binary");
  const attrList = (attrs.value as forge.asn1.Asn1[]).map((at) => ({ oid: forge.asn1.derToOid((at.value as forge.asn1.Asn1[])[0]!.value as string), values: (at.value as forge.asn1.Asn1[])[1]!.value as forge.asn1.Asn1[] }));
  const signedAttributes = attrList.map((x) => x.oid);
  const md = attrList.find((x) => x.oid === OIDS.messageDigest);
  if (!md) return { ok: false, problem: "no message digest", signedAttributes };
  if (!Buffer.from(md.values[0]!.value as string, "binary").equals(digest)) return { ok: false, problem: "digest mismatch", signedAttributes };
  const setDer = forge.asn1.toDer(forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SET, true, attrs.value as forge.asn1.Asn1[])).getBytes();
  const certDer = Buffer.from(forge.asn1.toDer((certs.value as forge.asn1.Asn1[])[0]!).getBytes(), "binary");
  const cert = new X509Certificate(certDer);
  const ok = verify("sha256", Buffer.from(setDer, "binary"), cert.publicKey, signature);
  const cn = /CN=([^\n]*)/.exec(cert.subject)?.[1];
  return { ok, ...(ok ? {} : { problem: "signature does not verify" }), signedAttributes, ...(cn ? { signerCommonName: cn } : {}) };
}
