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
  | "image/unreadable"
  | "pdf/unreadable"
  | "pdf/encrypted"
  | "field/none"
  | "field/not-found"
  | "field/already-signed"
  | "field/all-signed"
  | "field/no-widget"
  | "sign/too-large";

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
}

/** Messages live in the one catalogue of the project (src/diagnostics/catalogue.ts). */
export function formatSignError(code: SignErrorCode, params: Params, lang: "vi" | "en"): string {
  return messageOf(code === "usage" ? "sign/usage" : code, params, lang).message;
}
