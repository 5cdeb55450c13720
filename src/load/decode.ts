import type { Diagnostics } from "../diagnostics/diagnostic.ts";
import { toLf } from "./line-ends.ts";
import { guessEncoding } from "./which-encoding.ts";

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Turns the bytes of a data file into text: UTF-8 only (a BOM is dropped),
 * CRLF and CR line ends become LF, and the text is NFC. Returns undefined
 * (with a diagnostic) when the bytes are not UTF-8 text.
 */
export function decodeText(file: string, bytes: Uint8Array, diags: Diagnostics): string | undefined {
  const at = { file, line: 1, column: 1 };
  if ((bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) || looksUtf16(bytes)) {
    diags.error("file/utf16", at);
    return undefined;
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const { line, column } = positionOfBadByte(bytes);
    // Named, with a line read in it: the person sees the text is theirs and how to convert it.
    const { name, sample } = guessEncoding(bytes);
    diags.error("file/not-utf8", { file, line, column }, { encoding: name, sample });
    return undefined;
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const nul = text.indexOf("\u0000");
  if (nul >= 0) {
    diags.error("file/binary", { file, ...lineColAt(text, nul) });
    return undefined;
  }
  return toLf(text).normalize("NFC");
}

/**
 * UTF-16 saved without a byte order mark: text in Latin letters then has a zero
 * byte in every other position (where UTF-8 text has none).
 */
function looksUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 1024) & ~1;
  if (n < 4) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  return Math.max(even, odd) >= (n / 2) * 0.3 && Math.min(even, odd) <= (n / 2) * 0.05;
}

export function lineColAt(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: index - lineStart + 1 };
}

/** Line and column of the first byte that is not valid UTF-8. */
function positionOfBadByte(bytes: Uint8Array): { line: number; column: number } {
  let i = 0;
  let line = 1;
  let column = 1;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (len === 0) break;
    let ok = i + len <= bytes.length;
    for (let k = 1; ok && k < len; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (!ok) break;
    if (b === 10) {
      line++;
      column = 1;
    } else column++;
    i += len;
  }
  return { line, column };
}
