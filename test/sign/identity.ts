/**
 * Throwaway certificates and PKCS#12 files for the signing tests, made with
 * node-forge (keys from Node's crypto, which is fast): no system tool needed.
 * Their keys are encrypted as the tool reads them and OpenSSL writes them: the
 * password's UTF-8 through Node's PBKDF2 (src/sign/native-pbkdf2.ts).
 */
import { generateKeyPairSync } from "node:crypto";
import forge from "node-forge";
import { installNativePbkdf2 } from "../../src/sign/native-pbkdf2.ts";

installNativePbkdf2();

export interface TestIdentityOptions {
  commonName?: string;
  organization?: string;
  notBefore?: Date;
  notAfter?: Date;
  password?: string;
  /** Sign the certificate with this CA instead of self-signing; the CA goes into the file too. */
  ca?: { key: forge.pki.rsa.PrivateKey; cert: forge.pki.Certificate };
  /** PKCS#12 encryption: "aes256" (PBES2, as OpenSSL 3 writes) or "3des" (the older default). */
  algorithm?: "aes256" | "3des";
  /** A key pair to reuse (key generation is the slow part); default: a new 2048-bit one. */
  keyPair?: TestKeyPair;
  /** The certificate's extensions; default: basicConstraints cA=false, keyUsage digitalSignature + nonRepudiation. */
  extensions?: object[];
}

export interface TestKeyPair {
  key: forge.pki.rsa.PrivateKey;
  pub: forge.pki.rsa.PublicKey;
}

export interface TestIdentity {
  p12: Uint8Array;
  password: string;
  key: forge.pki.rsa.PrivateKey;
  cert: forge.pki.Certificate;
  certPem: string;
}

let serial = 1;

/**
 * Key pairs made so far in this process, by size. Making a 2048-bit key takes 0.1–0.5 s, and the
 * suite asks for 25: a few are made and then handed out in turn, so that the keys asked for one
 * after another are still different ones (a CA's and its holder's, two signers').
 */
const KEPT_KEYS = 4;
const keys = new Map<number, { made: TestKeyPair[]; turn: number }>();

/** An RSA key pair of `bits` bits (1024 for the "too small" case), another than the KEPT_KEYS − 1 of that size asked for before it. */
export function rsaKey(bits = 2048): TestKeyPair {
  const kept = keys.get(bits) ?? { made: [], turn: 0 };
  keys.set(bits, kept);
  const i = kept.turn++ % KEPT_KEYS;
  kept.made[i] ??= newKey(bits);
  return kept.made[i];
}

function newKey(bits: number): TestKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: bits });
  return {
    key: forge.pki.privateKeyFromPem(privateKey.export({ type: "pkcs1", format: "pem" }) as string) as forge.pki.rsa.PrivateKey,
    pub: forge.pki.publicKeyFromPem(publicKey.export({ type: "spki", format: "pem" }) as string) as forge.pki.rsa.PublicKey,
  };
}

function names(cn: string, o?: string): forge.pki.CertificateField[] {
  const UTF8 = forge.asn1.Type.UTF8 as unknown as forge.pki.CertificateField["valueTagClass"];
  // forge encodes UTF8String values itself: pass the text as is.
  return [{ shortName: "C", value: "VN" }, ...(o ? [{ shortName: "O", value: o, valueTagClass: UTF8 }] : []), { shortName: "CN", value: cn, valueTagClass: UTF8 }];
}

/** A CA certificate to issue test certificates from. */
export function testCa(commonName = "Test CA khoi-thi-dua"): { key: forge.pki.rsa.PrivateKey; cert: forge.pki.Certificate } {
  const { key, pub } = rsaKey();
  const cert = forge.pki.createCertificate();
  cert.publicKey = pub;
  cert.serialNumber = (serial++).toString(16).padStart(2, "0");
  cert.validity.notBefore = new Date("2019-01-01T00:00:00Z");
  cert.validity.notAfter = new Date("2039-01-01T00:00:00Z");
  cert.setSubject(names(commonName));
  cert.setIssuer(names(commonName));
  cert.setExtensions([{ name: "basicConstraints", cA: true, critical: true }, { name: "keyUsage", keyCertSign: true, cRLSign: true, critical: true }]);
  cert.sign(key, forge.md.sha256.create());
  return { key, cert };
}

export function testIdentity(o: TestIdentityOptions = {}): TestIdentity {
  const { key, pub } = o.keyPair ?? rsaKey();
  const cert = forge.pki.createCertificate();
  cert.publicKey = pub;
  cert.serialNumber = (0x1000 + serial++).toString(16);
  cert.validity.notBefore = o.notBefore ?? new Date("2020-01-01T00:00:00Z");
  cert.validity.notAfter = o.notAfter ?? new Date("2035-01-01T00:00:00Z");
  cert.setSubject(names(o.commonName ?? "Dương Hoàng Sum", o.organization));
  cert.setIssuer(o.ca ? o.ca.cert.subject.attributes : names(o.commonName ?? "Dương Hoàng Sum", o.organization));
  cert.setExtensions(
    o.extensions ?? [
      { name: "basicConstraints", cA: false },
      { name: "keyUsage", digitalSignature: true, nonRepudiation: true, critical: true },
    ],
  );
  cert.sign(o.ca?.key ?? key, forge.md.sha256.create());
  const password = o.password ?? "mat-khau-thu";
  const chain = o.ca ? [cert, o.ca.cert] : [cert];
  const asn1 = forge.pkcs12.toPkcs12Asn1(key, chain, password, { algorithm: o.algorithm ?? "aes256", friendlyName: "test" });
  const p12 = new Uint8Array(Buffer.from(forge.asn1.toDer(asn1).getBytes(), "binary"));
  return { p12, password, key, cert, certPem: forge.pki.certificateToPem(cert) };
}
