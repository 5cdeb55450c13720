/**
 * Text helpers for Decree 30/2020/NĐ-CP documents: Unicode normalisation,
 * upper case with diacritics, the "Số, ký hiệu" line and list punctuation.
 * All functions are pure.
 */
import { padNumber } from "./number.ts";

/**
 * The blank left for a value that the document system fills in at signing
 * (number, day, month): six NO-BREAK SPACEs (U+00A0). NBSP keeps the gap
 * visible: it is not collapsed by HTML or trimmed by DOCX, and a line never
 * breaks inside it.
 */
export const BLANK = "\u00A0".repeat(6);

/** Unicode NFC form of `s` (TCVN 6909:2001 text is precomposed). */
export function nfc(s: string): string {
  return s.normalize("NFC");
}

/**
 * Characters that draw nothing but that a PDF font would draw as a space or a
 * hyphen while Word hides them: ZERO WIDTH SPACE, WORD JOINER, ZERO WIDTH
 * NO-BREAK SPACE (a stray byte-order mark) and SOFT HYPHEN. Removed from all
 * text, so that the DOCX and the PDF show the same (neither breaks at a soft
 * hyphen).
 */
export const INVISIBLE_CHARS = /[\u00AD\u200B\u2060\uFEFF]/g;

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** A run of white space holding a line break, a tab or a page/line separator. */
const BREAK_RUN = /[ \t\n\r\v\f\u0085\u2028\u2029]*[\t\n\r\v\f\u0085\u2028\u2029][ \t\n\r\v\f\u0085\u2028\u2029]*/g;

/**
 * Text for a one-line place of a document (a name, a cell, a line of a
 * paragraph): NFC, {@link INVISIBLE_CHARS} removed, each run of white space
 * holding a line break or a tab made one space (none at either end). A value
 * written as a YAML block scalar, or with "\n" in quotes, stays on one line and
 * cannot start a heading or an item.
 */
export function oneLine(s: string): string {
  // Printable ASCII is NFC and holds none of the characters below: most values of a document are so.
  if (PRINTABLE_ASCII.test(s)) return s;
  const t = nfc(s).replace(INVISIBLE_CHARS, "");
  if (!/[\t\n\r\v\f\u0085\u2028\u2029]/.test(t)) return t;
  return t.replace(BREAK_RUN, (run, at: number) => (at === 0 || at + run.length === t.length ? "" : " "));
}

/**
 * Upper case with the diacritics kept, in NFC, e.g.
 * "Sở Văn hóa, Thể thao và Du lịch" → "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH",
 * "đ" → "Đ". The input may be NFD (decomposed).
 */
export function upperVi(s: string): string {
  return nfc(nfc(s).toUpperCase());
}

/** Parts of a document number and code ("Số, ký hiệu"). */
export interface DocNumberParts {
  /** The number in the issuer's series; absent when the system assigns it at signing. */
  number?: number | undefined;
  /** Type code from Phụ lục III (KH, BC, TTr...); absent for a công văn. */
  typeCode?: string | undefined;
  /** The issuer's code (K8, SVHTTDL-VP...). */
  issuerCode: string;
}

/** Throws a RangeError when a code is empty or holds a space or a "/". */
function checkCode(code: string, what: string): string {
  const c = nfc(code);
  if (c.length === 0) throw new RangeError(`${what} is empty`);
  if (/[\s/]/u.test(c)) throw new RangeError(`${what} "${c}" must not contain spaces or "/"`);
  return c;
}

/**
 * The number and code of a document: "05/KH-K8" (numbers below 10 take a
 * leading 0); without `number`, the fixed-width blank {@link BLANK}
 * ("      /KH-K8"); without `typeCode` (a công văn), "12/SVHTTDL-VP".
 * Codes are kept as given (TTr, QyĐ have lower-case letters) and must hold
 * no spaces; the number must be an integer ≥ 1. Throws RangeError otherwise.
 */
export function docNumber(parts: DocNumberParts): string {
  const issuer = checkCode(parts.issuerCode, "issuerCode");
  const code = parts.typeCode === undefined ? issuer : `${checkCode(parts.typeCode, "typeCode")}-${issuer}`;
  const num = parts.number === undefined ? BLANK : padNumber(parts.number);
  return `${num}/${code}`;
}

/** The full line "Số: 05/KH-K8": "Số:", one space, then {@link docNumber}. */
export function numberLine(parts: DocNumberParts): string {
  return `Số: ${docNumber(parts)}`;
}

/**
 * Punctuates the items of a list (recipients "Nơi nhận", "Kính gửi",
 * căn cứ lines): ";" at the end of each item but the last, "." at the end of
 * the last. Items are trimmed and NFC-normalised; empty items are dropped.
 * Punctuation already present is not doubled: a trailing ";" or "," is
 * replaced, a trailing "." is kept on the last item and replaced by ";" on
 * the others.
 */
export function punctuateList(items: readonly string[]): string[] {
  const clean = items.map((s) => nfc(s).trim()).filter((s) => s.length > 0);
  return clean.map((item, i) => {
    const last = i === clean.length - 1;
    const bare = item.replace(/[;,]+$/u, "").trimEnd();
    if (last) return bare.endsWith(".") ? bare : `${bare}.`;
    return `${bare.replace(/\.$/u, "")};`;
  });
}

/** {@link punctuateList}, joined with `separator` (a newline by default). */
export function joinList(items: readonly string[], separator = "\n"): string {
  return punctuateList(items).join(separator);
}
