/**
 * Reads a PKCS#12 file (.p12, .pfx): the private key, the certificate that
 * matches it, the rest of the chain, and the names on the certificate.
 * node-forge parses the container (Node has no PKCS#12 reader), its PBKDF2 on
 * Node's crypto (native-pbkdf2.ts); the key then becomes a Node KeyObject, so
 * signing runs on Node's crypto.
 */
import { createPrivateKey, X509Certificate, type KeyObject } from "node:crypto";
import forge from "node-forge";
import { SignError } from "./errors.ts";
import { installNativePbkdf2 } from "./native-pbkdf2.ts";
import { isoVn } from "./time.ts";

export interface SubjectNames {
  /** CN: the person (or, on an organisation's certificate, the organisation). */
  commonName?: string;
  /** O: the organisation. */
  organization?: string;
  /** OU. */
  organizationalUnit?: string;
}

export interface SigningIdentity {
  /** DER of the signing certificate. */
  certificate: Uint8Array;
  /** DER of the other certificates in the file (intermediates, root), in file order. */
  chain: Uint8Array[];
  privateKey: KeyObject;
  subject: SubjectNames;
  notBefore: Date;
  notAfter: Date;
  /** Length of the RSA modulus. */
  keyBits: number;
  /** The key usage bits set (RFC 5280 names, e.g. "digitalSignature"); undefined without the extension (any use). */
  keyUsage?: string[];
  /** basicConstraints cA=true: a certification authority's certificate. */
  ca: boolean;
}

const KEY_USAGES = ["digitalSignature", "nonRepudiation", "keyEncipherment", "dataEncipherment", "keyAgreement", "keyCertSign", "cRLSign", "encipherOnly", "decipherOnly"] as const;

const binary = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("binary");
const fromBinary = (s: string) => new Uint8Array(Buffer.from(s, "binary"));

/** The PFX opened with one password. Throws SignError. */
function openPfx(asn1: forge.asn1.Asn1, password: string, file: string): forge.pkcs12.Pkcs12Pfx {
  // PFX ::= SEQUENCE { version, authSafe, macData OPTIONAL }: with a MAC a wrong password is told apart for sure.
  const hasMac = Array.isArray(asn1.value) && asn1.value.length >= 3;
  try {
    return forge.pkcs12.pkcs12FromAsn1(asn1, password);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (/MAC could not be verified|Invalid password/i.test(msg)) throw new SignError("p12/wrong-password", { file });
    // Without a MAC a wrong password shows as a decryption that gives garbage.
    if (!hasMac) throw new SignError("p12/wrong-password", { file });
    throw new SignError("p12/unreadable", { file, detail: msg });
  }
}

/**
 * The PFX opened with the password as typed, else in Unicode's composed or decomposed form: a Vietnamese input
 * method types either ("ậ" as one code point or as three), and a file opens only with the form it was written with.
 * Wrong only when no form opens it.
 */
function openPfxAnyForm(asn1: forge.asn1.Asn1, password: string, file: string): forge.pkcs12.Pkcs12Pfx {
  let wrong: unknown;
  for (const form of new Set([password, password.normalize("NFC"), password.normalize("NFD")])) {
    try {
      return openPfx(asn1, form, file);
    } catch (e) {
      if (!(e instanceof SignError && e.code === "p12/wrong-password")) throw e;
      wrong = e;
    }
  }
  throw wrong;
}

/** Parses PKCS#12 bytes; `file` only names the file in messages. Throws SignError. */
export function readPkcs12(bytes: Uint8Array, password: string, file = "PKCS#12"): SigningIdentity {
  installNativePbkdf2();
  let asn1: forge.asn1.Asn1;
  try {
    asn1 = forge.asn1.fromDer(binary(bytes));
  } catch (e) {
    throw new SignError("p12/unreadable", { file, detail: e instanceof Error ? e.message : String(e) });
  }
  const p12 = openPfxAnyForm(asn1, password, file);

  const keyBags = [
    ...(p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag! })[forge.pki.oids.pkcs8ShroudedKeyBag!] ?? []),
    ...(p12.getBags({ bagType: forge.pki.oids.keyBag! })[forge.pki.oids.keyBag!] ?? []),
  ];
  if (keyBags.length === 0) throw new SignError("p12/no-key", { file });
  const forgeKey = keyBags.map((b) => b.key).find((k): k is forge.pki.rsa.PrivateKey => !!k && "n" in k && "d" in k);
  if (!forgeKey) throw new SignError("p12/unsupported-key", { file });

  const certs = (p12.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!] ?? []).map((b) => b.cert).filter((c): c is forge.pki.Certificate => !!c);
  const own = certs.find((c) => {
    const pub = c.publicKey as forge.pki.rsa.PublicKey;
    return "n" in pub && pub.n.equals(forgeKey.n) && pub.e.equals(forgeKey.e);
  });
  if (!own) throw new SignError("p12/no-certificate", { file });

  const der = (c: forge.pki.Certificate) => fromBinary(forge.asn1.toDer(forge.pki.certificateToAsn1(c)).getBytes());
  const certificate = der(own);
  const privateKey = createPrivateKey(forge.pki.privateKeyToPem(forgeKey));
  // Node reads the certificate back and checks the key against it: a certificate forge re-encoded wrongly fails here.
  if (!new X509Certificate(certificate).checkPrivateKey(privateKey)) throw new SignError("p12/no-certificate", { file });

  const ku = own.getExtension("keyUsage") as Record<string, unknown> | undefined;
  const bc = own.getExtension("basicConstraints") as { cA?: boolean } | undefined;
  return {
    certificate,
    chain: certs.filter((c) => c !== own).map(der),
    privateKey,
    subject: subjectNames(own),
    notBefore: own.validity.notBefore,
    notAfter: own.validity.notAfter,
    keyBits: forgeKey.n.bitLength(),
    ...(ku ? { keyUsage: KEY_USAGES.filter((u) => ku[u] === true) } : {}),
    ca: bc?.cA === true,
  };
}

/** Refuses a certificate that is not valid at `now`. */
export function checkValidity(id: SigningIdentity, now: Date): void {
  const subject = id.subject.commonName ?? id.subject.organization ?? "?";
  if (now.getTime() > id.notAfter.getTime()) throw new SignError("cert/expired", { subject, date: isoVn(id.notAfter) });
  if (now.getTime() < id.notBefore.getTime()) throw new SignError("cert/not-yet-valid", { subject, date: isoVn(id.notBefore) });
}

function subjectNames(cert: forge.pki.Certificate): SubjectNames {
  const get = (shortName: string): string | undefined => {
    const f = cert.subject.getField(shortName) as { value?: unknown; valueTagClass?: number } | null;
    return f && typeof f.value === "string" ? decodeDirectoryString(f.value, f.valueTagClass) : undefined;
  };
  const out: SubjectNames = {};
  const cn = get("CN");
  const o = get("O");
  const ou = get("OU");
  if (cn) out.commonName = cn;
  if (o) out.organization = o;
  if (ou) out.organizationalUnit = ou;
  return out;
}

/** forge leaves a name's bytes as a binary string; UTF8String and BMPString are decoded here. */
export function decodeDirectoryString(raw: string, tag: number | undefined): string {
  const bytes = Buffer.from(raw, "binary");
  if (tag === forge.asn1.Type.UTF8) return bytes.toString("utf8").normalize("NFC");
  if (tag === forge.asn1.Type.BMPSTRING) {
    let s = "";
    for (let i = 0; i + 1 < bytes.length; i += 2) s += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!);
    return s.normalize("NFC");
  }
  return raw;
}
