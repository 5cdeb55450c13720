/**
 * The CMS SignedData (RFC 5652) that goes into a PDF signature's /Contents:
 * detached (no content inside: the PDF bytes of /ByteRange are the content),
 * SHA-256, one signer, the signer's certificate and chain included.
 *
 * Signed attributes: content-type, message-digest and, for a PAdES signature
 * (/SubFilter /ETSI.CAdES.detached), signing-certificate-v2 (RFC 5035), which
 * binds the certificate to the signature; PAdES wants the claimed signing
 * time in the signature dictionary's /M and no signing-time attribute
 * (ETSI EN 319 142-1). Without signing-certificate-v2 the signature is a
 * plain /adbe.pkcs7.detached one, which carries signing-time instead. The
 * /SubFilter is chosen here, from the attributes actually written, so the
 * claim cannot drift from the content.
 */
import { createHash, sign as nodeSign, type KeyObject } from "node:crypto";
import forge from "node-forge";

const { asn1 } = forge;
type Asn1 = forge.asn1.Asn1;

/** The object identifiers of the CMS this tool writes and checks (verify-signature.ts reads them too). */
export const OID = {
  data: "1.2.840.113549.1.7.1",
  signedData: "1.2.840.113549.1.7.2",
  contentType: "1.2.840.113549.1.9.3",
  messageDigest: "1.2.840.113549.1.9.4",
  signingTime: "1.2.840.113549.1.9.5",
  signingCertificateV2: "1.2.840.113549.1.9.16.2.47",
  sha256: "2.16.840.1.101.3.4.2.1",
  rsaEncryption: "1.2.840.113549.1.1.1",
  ecPublicKey: "1.2.840.10045.2.1",
} as const;

export type SubFilter = "ETSI.CAdES.detached" | "adbe.pkcs7.detached";

export interface CmsInput {
  /** DER of the signing certificate. */
  certificate: Uint8Array;
  /** DER of further certificates to include (the chain). */
  chain?: readonly Uint8Array[];
  /** SHA-256 of the signed bytes (the PDF's byte ranges). */
  digest: Uint8Array;
  privateKey: KeyObject;
  /** PAdES (signing-certificate-v2, no signing-time; default) or plain PKCS#7 (signing-time, no signing-certificate-v2). */
  pades?: boolean;
  /** The signing time, written as the signing-time attribute of a plain PKCS#7 signature. */
  signingTime: Date;
}

export interface Cms {
  der: Uint8Array;
  subFilter: SubFilter;
}

const U = asn1.Class.UNIVERSAL;
const T = asn1.Type;
const bin = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString("binary");
const seq = (v: Asn1[]) => asn1.create(U, T.SEQUENCE, true, v);
const set = (v: Asn1[]) => asn1.create(U, T.SET, true, v);
const oid = (o: string) => asn1.create(U, T.OID, false, asn1.oidToDer(o).getBytes());
const int = (n: number) => asn1.create(U, T.INTEGER, false, asn1.integerToDer(n).getBytes());
const octets = (b: Uint8Array) => asn1.create(U, T.OCTETSTRING, false, bin(b));
const nul = () => asn1.create(U, T.NULL, false, "");
const der = (a: Asn1) => asn1.toDer(a).getBytes();
/** Parses DER without looking inside BIT STRINGs, so it encodes back to the same bytes (forge's typings lack the options). */
const fromDer = (b: Uint8Array) => (asn1.fromDer as unknown as (bytes: string, options: object) => Asn1)(bin(b), { strict: true, parseAllBytes: true, decodeBitStrings: false });

/** DER SET OF: elements sorted by their encodings (X.690 11.6). */
function setOf(v: Asn1[]): Asn1 {
  const sorted = v.map((a) => ({ a, d: der(a) })).sort((x, y) => Buffer.compare(Buffer.from(x.d, "binary"), Buffer.from(y.d, "binary")));
  return set(sorted.map((x) => x.a));
}

function attribute(type: string, value: Asn1): Asn1 {
  return seq([oid(type), set([value])]);
}

/** Issuer Name and serialNumber of a certificate, as encoded in it. */
function issuerAndSerial(cert: Uint8Array): { issuer: Asn1; serial: Asn1 } {
  const tbs = (fromDer(cert).value as Asn1[])[0]!;
  const fields = tbs.value as Asn1[];
  const off = fields[0]!.tagClass === asn1.Class.CONTEXT_SPECIFIC ? 1 : 0;
  return { serial: fields[off]!, issuer: fields[off + 2]! };
}

/** UTCTime until 2049, GeneralizedTime from 2050 (RFC 5652 11.3). */
function time(d: Date): Asn1 {
  return d.getUTCFullYear() < 2050 ? asn1.create(U, T.UTCTIME, false, asn1.dateToUtcTime(d)) : asn1.create(U, T.GENERALIZEDTIME, false, asn1.dateToGeneralizedTime(d));
}

/** The signed attributes as a DER SET (what the signature is computed over). */
export function signedAttributes(input: CmsInput): { set: Asn1; subFilter: SubFilter } {
  const pades = input.pades ?? true;
  const attrs = [attribute(OID.contentType, oid(OID.data)), attribute(OID.messageDigest, octets(input.digest))];
  if (pades) {
    // SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 }; ESSCertIDv2 ::= SEQUENCE
    // { hashAlgorithm DEFAULT sha256 (so left out), certHash, issuerSerial { GeneralNames, serial } }.
    const { issuer, serial } = issuerAndSerial(input.certificate);
    const hash = createHash("sha256").update(input.certificate).digest();
    const directoryName = asn1.create(asn1.Class.CONTEXT_SPECIFIC, 4, true, [issuer]);
    const essCertIdV2 = seq([octets(hash), seq([seq([directoryName]), serial])]);
    attrs.push(attribute(OID.signingCertificateV2, seq([seq([essCertIdV2])])));
  } else {
    attrs.push(attribute(OID.signingTime, time(input.signingTime)));
  }
  return { set: setOf(attrs), subFilter: pades ? "ETSI.CAdES.detached" : "adbe.pkcs7.detached" };
}

/** Builds and signs the CMS SignedData; RSA PKCS#1 v1.5 with SHA-256. */
export function buildCms(input: CmsInput): Cms {
  const { set: attrs, subFilter } = signedAttributes(input);
  const signature = nodeSign("sha256", Buffer.from(der(attrs), "binary"), input.privateKey);
  const { issuer, serial } = issuerAndSerial(input.certificate);
  const sha256 = seq([oid(OID.sha256)]);
  // The signed attributes go in as [0] IMPLICIT: the same content under another tag.
  const implicitAttrs = asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, attrs.value as Asn1[]);
  const signerInfo = seq([int(1), seq([issuer, serial]), sha256, implicitAttrs, seq([oid(OID.rsaEncryption), nul()]), octets(new Uint8Array(signature))]);
  const certificates = asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [input.certificate, ...(input.chain ?? [])].map(fromDer));
  const signedData = seq([int(1), set([sha256]), seq([oid(OID.data)]), certificates, set([signerInfo])]);
  const contentInfo = seq([oid(OID.signedData), asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [signedData])]);
  return { der: new Uint8Array(Buffer.from(der(contentInfo), "binary")), subFilter };
}
