/**
 * Checks one signature already in a PDF: the digest of the bytes its
 * /ByteRange covers must be the message digest its CMS signed, and the CMS's
 * signature over its signed attributes must verify with the certificate it
 * carries. `sign` runs it on every earlier signature before adding one (a
 * countersignature on bytes changed after the first signer is refused), and
 * the tests use it as their verifier.
 *
 * Digests: SHA-1, SHA-256, SHA-384, SHA-512 (what PDF signers write). The
 * signature over the signed attributes is checked for RSA PKCS#1 v1.5 and
 * ECDSA; for another algorithm (RSA-PSS) only the digest is checked.
 */
import { createHash, verify, X509Certificate } from "node:crypto";
import forge from "node-forge";
import { OID } from "./cms.ts";

type Asn1 = forge.asn1.Asn1;
const { asn1 } = forge;
const CONTEXT = asn1.Class.CONTEXT_SPECIFIC;


const DIGESTS: Record<string, string> = {
  "1.3.14.3.2.26": "sha1",
  "2.16.840.1.101.3.4.2.1": "sha256",
  "2.16.840.1.101.3.4.2.2": "sha384",
  "2.16.840.1.101.3.4.2.3": "sha512",
};

/** Signature algorithms whose check is a plain `verify(digest, data, key, signature)`. */
const PLAIN_SIGNATURES = new Set([
  OID.rsaEncryption,
  "1.2.840.113549.1.1.5", // sha1WithRSAEncryption
  "1.2.840.113549.1.1.11", // sha256WithRSAEncryption
  "1.2.840.113549.1.1.12", // sha384WithRSAEncryption
  "1.2.840.113549.1.1.13", // sha512WithRSAEncryption
  OID.ecPublicKey,
  "1.2.840.10045.4.1", // ecdsa-with-SHA1
  "1.2.840.10045.4.3.2", // ecdsa-with-SHA256
  "1.2.840.10045.4.3.3", // ecdsa-with-SHA384
  "1.2.840.10045.4.3.4", // ecdsa-with-SHA512
]);

/** Why a signature does not verify: stable words, shown in messages and asserted by tests. */
export type SignatureProblem = "byte range outside the file" | "unreadable CMS" | "unknown digest algorithm" | "no message digest" | "digest mismatch" | "signature does not verify";

export interface SignatureCheck {
  ok: boolean;
  problem?: SignatureProblem;
  /** The OIDs of the signed attributes. */
  signedAttributes: string[];
  signerCommonName?: string;
}

const bin = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString("binary");
const oidOf = (a: Asn1 | undefined) => (a && a.type === asn1.Type.OID ? asn1.derToOid(a.value as string) : "");
const kids = (a: Asn1 | undefined) => (a && Array.isArray(a.value) ? (a.value as Asn1[]) : []);
const fail = (problem: SignatureProblem, signedAttributes: string[] = []): SignatureCheck => ({ ok: false, problem, signedAttributes });

/**
 * Verifies the detached CMS `cms` (the bytes of /Contents, zero padding
 * allowed after it) over the bytes of `pdf` in `byteRange` ([a, b, c, d]:
 * bytes a..a+b and c..c+d).
 */
export function verifyPdfSignature(pdf: Uint8Array, byteRange: readonly [number, number, number, number], cms: Uint8Array): SignatureCheck {
  const [a, b, c, d] = byteRange;
  // An earlier signature covers the file as it was then: a prefix of the file now.
  if (a !== 0 || b < 0 || c < b || d < 0 || c + d > pdf.length) return fail("byte range outside the file");
  let parsed: ReturnType<typeof parseSignerInfo>;
  try {
    parsed = parseSignerInfo(cms);
  } catch {
    return fail("unreadable CMS");
  }
  const { digestAlgorithm, attrs, signatureAlgorithm, signature, certificates, serial } = parsed;
  const hash = DIGESTS[digestAlgorithm];
  if (!hash) return fail("unknown digest algorithm");
  const content = [pdf.subarray(0, b), pdf.subarray(c, c + d)];
  const digest = content.reduce((h, part) => h.update(part), createHash(hash)).digest();
  const attrList = kids(attrs).map((at) => ({ oid: oidOf(kids(at)[0]), values: kids(kids(at)[1]) }));
  const signedAttributes = attrList.map((x) => x.oid);
  const cert = signerCertificate(certificates, serial);
  const cn = cert ? /CN=([^\n]*)/.exec(cert.subject)?.[1] : undefined;
  const withName = (r: SignatureCheck): SignatureCheck => ({ ...r, ...(cn ? { signerCommonName: cn } : {}) });

  // Without signed attributes the signature is over the content itself.
  let signedBytes: Buffer;
  if (attrs) {
    const md = attrList.find((x) => x.oid === OID.messageDigest);
    if (!md || !md.values[0]) return withName(fail("no message digest", signedAttributes));
    if (!Buffer.from(md.values[0].value as string, "binary").equals(digest)) return withName(fail("digest mismatch", signedAttributes));
    // The signature is over the attributes as a DER SET (their [0] IMPLICIT tag replaced).
    signedBytes = Buffer.from(asn1.toDer(asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, kids(attrs))).getBytes(), "binary");
  } else {
    signedBytes = Buffer.concat(content);
  }
  if (!cert || !PLAIN_SIGNATURES.has(signatureAlgorithm)) return withName({ ok: true, signedAttributes });
  let ok: boolean;
  try {
    ok = verify(hash, signedBytes, cert.publicKey, signature);
  } catch {
    ok = false;
  }
  return withName(ok ? { ok, signedAttributes } : fail("signature does not verify", signedAttributes));
}

/** The parts of the (first) SignerInfo of a SignedData, and the certificates it carries. */
function parseSignerInfo(cms: Uint8Array) {
  const parse = asn1.fromDer as unknown as (s: string, o: object) => Asn1;
  const ci = parse(bin(cms), { strict: true, parseAllBytes: false, decodeBitStrings: false });
  const signedData = kids(kids(kids(ci)[1])[0]);
  const certs = signedData.find((x) => x.tagClass === CONTEXT && x.type === 0);
  const si = kids(kids(signedData[signedData.length - 1])[0]);
  if (si.length < 5) throw new Error("no SignerInfo");
  // version, sid, digestAlgorithm, [0] signedAttrs?, signatureAlgorithm, signature, [1] unsignedAttrs?
  const attrsAt = si.findIndex((x) => x.tagClass === CONTEXT && x.type === 0);
  const attrs = attrsAt >= 0 ? si[attrsAt] : undefined;
  const sigAlgAt = attrsAt >= 0 ? attrsAt + 1 : 3;
  const sid = kids(si[1]);
  return {
    digestAlgorithm: oidOf(kids(si[2])[0]),
    attrs,
    signatureAlgorithm: oidOf(kids(si[sigAlgAt])[0]),
    signature: Buffer.from((si[sigAlgAt + 1]?.value as string) ?? "", "binary"),
    certificates: kids(certs).map((c) => Buffer.from(asn1.toDer(c).getBytes(), "binary")),
    serial: sid[1]?.type === asn1.Type.INTEGER ? Buffer.from(sid[1].value as string, "binary").toString("hex").toUpperCase() : undefined,
  };
}

/** The certificate whose serial number the SignerInfo names; the first when none matches. */
function signerCertificate(certificates: readonly Buffer[], serial: string | undefined): X509Certificate | undefined {
  const all: X509Certificate[] = [];
  for (const der of certificates) {
    try {
      all.push(new X509Certificate(der));
    } catch {
      // not a certificate we can read (an attribute certificate): skip it
    }
  }
  const strip = (s: string) => s.replace(/^(00)+/, "");
  return (serial !== undefined ? all.find((c) => strip(c.serialNumber.toUpperCase()) === strip(serial)) : undefined) ?? all[0];
}
