/**
 * The characters a font must have to set Vietnamese, and how a character is
 * named in messages.
 */

const VOWELS = "aăâeêioôơuưy";
/** No mark, huyền, sắc, hỏi, ngã, nặng. */
const TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"];

function build(): string {
  const out = new Set<string>();
  for (const v of VOWELS + VOWELS.toUpperCase()) {
    for (const t of TONES) out.add((v + t).normalize("NFC"));
  }
  for (const c of "bcdđghklmnpqrstvx") {
    out.add(c);
    out.add(c.toUpperCase());
  }
  for (const c of "fjwzFJWZ0123456789 .,;:!?-–—()[]/\"'“”‘’%…") out.add(c);
  return [...out].join("");
}

/** Every letter of the Vietnamese alphabet with every tone, both cases (NFC, precomposed), and common punctuation. */
export const VIETNAMESE_REPERTOIRE: string = build();

/** `U+1EC7 "ệ"`: a character as messages name it. */
export function describeChar(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  return `U+${cp.toString(16).toUpperCase().padStart(4, "0")} "${ch}"`;
}
