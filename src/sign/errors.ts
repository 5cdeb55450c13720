import { messageOf } from "../diagnostics/catalogue.ts";
import type { Params } from "../diagnostics/diagnostic.ts";

/**
 * What can go wrong when signing, each with a stable code and a message in
 * Vietnamese and English that says what to do. A SignError is always thrown
 * before anything is written: the input PDF is never touched.
 */
export type SignErrorCode =
  | "usage"
  | "password/missing"
  | "p12/unreadable"
  | "p12/wrong-password"
  | "p12/no-key"
  | "p12/no-certificate"
  | "p12/unsupported-key"
  | "cert/expired"
  | "cert/not-yet-valid"
  | "cert/key-usage"
  | "cert/ca"
  | "cert/weak-key"
  | "image/unreadable"
  | "image/too-large"
  | "image/too-many-pixels"
  | "image/invalid"
  | "image/seal-size"
  | "pdf/unreadable"
  | "pdf/encrypted"
  | "pdf/damaged"
  | "pdf/changed-after-signing"
  | "pdf/signature-broken"
  | "pdf/certified-no-changes"
  | "sign/name-not-drawable"
  | "field/none"
  | "field/not-found"
  | "field/already-signed"
  | "field/all-signed"
  | "field/no-widget"
  | "sign/too-large"
  | "sign/target-exists"
  | "sign/target-is-input"
  | "sign/target-is-key"
  | "sign/target-is-image"
  | "sign/target-twice"
  | "sign/target-is-folder"
  | "sign/write-failed";

export class SignError extends Error {
  override name = "SignError";
  constructor(
    readonly code: SignErrorCode,
    readonly params: Params = {},
  ) {
    super(formatSignError(code, params, "en"));
  }

  format(lang: "vi" | "en"): string {
    return formatSignError(this.code, this.params, lang);
  }

  /** What to do about it, when the catalogue says. */
  hint(lang: "vi" | "en"): string | undefined {
    return messageOf(catalogueCode(this.code), this.params, lang).hint;
  }
}

const catalogueCode = (code: SignErrorCode) => (code === "usage" ? "sign/usage" : code);

/** Messages live in the one catalogue of the project (src/diagnostics/catalogue.ts). */
export function formatSignError(code: SignErrorCode, params: Params, lang: "vi" | "en"): string {
  return messageOf(catalogueCode(code), params, lang).message;
}
