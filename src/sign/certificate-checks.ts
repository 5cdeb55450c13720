/**
 * Whether a certificate is meant for signing documents, apart from its
 * validity period (checkValidity in src/sign/p12.ts): a certification
 * authority's certificate (basicConstraints cA=true, or a key usage of
 * certificate and CRL signing only), a key usage without digitalSignature or
 * nonRepudiation, and an RSA key under 2048 bits are refused, each with the
 * reason. A certificate without the key usage extension may be used for
 * anything (RFC 5280 4.2.1.3) and is accepted.
 */
import { SignError } from "./errors.ts";
import type { SigningIdentity } from "./p12.ts";

/** The least RSA modulus accepted (NIST SP 800-131A; Vietnam's CAs issue 2048 bits and more). */
export const MIN_RSA_BITS = 2048;

export function checkSigningUse(id: SigningIdentity): void {
  const subject = id.subject.commonName ?? id.subject.organization ?? "?";
  if (id.ca) throw new SignError("cert/ca", { subject, why: "basicConstraints cA=true" });
  const ku = id.keyUsage;
  if (ku && !ku.includes("digitalSignature") && !ku.includes("nonRepudiation")) {
    const usages = ku.length ? ku.join(", ") : "—";
    if (ku.includes("keyCertSign") || ku.includes("cRLSign")) throw new SignError("cert/ca", { subject, why: `keyUsage ${usages}` });
    throw new SignError("cert/key-usage", { subject, usages });
  }
  if (id.keyBits < MIN_RSA_BITS) throw new SignError("cert/weak-key", { subject, bits: id.keyBits, min: MIN_RSA_BITS });
}
