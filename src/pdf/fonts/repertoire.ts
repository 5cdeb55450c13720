/**
 * The characters every PDF of a build can set from the shared font subsets
 * (src/pdf/emit/prepared-fonts.ts): what Vietnamese administrative text uses.
 * A document with a character outside it still works: the file that draws
 * the character is embedded as that document's own subset.
 */
import { VIETNAMESE_REPERTOIRE } from "./vietnamese.ts";

/** Combining marks (the five tones and the breve, circumflex, horn), for text that keeps a mark NFC cannot compose. */
const COMBINING = "\u0300\u0301\u0303\u0309\u0323\u0306\u0302\u031b";

/**
 * Typography of Vietnamese official documents: quotes, dashes, spaces,
 * ellipsis, bullets, numero, primes, per mille, daggers, the đồng and euro
 * signs, the minus and comparison signs, arrows, ticks and boxes of forms.
 */
const TYPOGRAPHY =
  "‘’‚‛“”„‟‹›«»" +
  "‐‑‒–—―" +
  "\u2002\u2003\u2009\u200a\u202f\u2007\u2008" +
  "…•‣◦∙⁃" +
  "№′″‰†‡" +
  "₫€" +
  "−≤≥≠≈" +
  "→←↑↓↔⇒" +
  "✓✔☐☑☒■□▪●○" +
  "™";

/**
 * The Latin-1 signs a document may use. Not the letters outside Vietnamese
 * (ä, ç, ñ, ø…): a foreign name with one is set from the document's own subset.
 */
const LATIN1_SIGNS = "\u00a0§«»°±×÷·©®¶½¼¾¹²³";

function build(): number[] {
  const cps = new Set<number>();
  for (let c = 0x20; c <= 0x7e; c++) cps.add(c); // ASCII
  for (const ch of VIETNAMESE_REPERTOIRE + COMBINING + LATIN1_SIGNS + TYPOGRAPHY) cps.add(ch.codePointAt(0) ?? 0);
  return [...cps].sort((a, b) => a - b);
}

/** Code points in ascending order. */
export const PDF_REPERTOIRE: readonly number[] = build();
