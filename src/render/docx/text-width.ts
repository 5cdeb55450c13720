/**
 * Approximate text widths in Times New Roman, to size the drawn lines (under the
 * motto, the issuer, the title) without measuring in a layout engine.
 *
 * The approximation: the advance of each character, in thousandths of an em, taken
 * from Liberation Serif (metric-compatible with Times New Roman) for printable ASCII;
 * a Vietnamese letter counts as its base letter after NFD decomposition (the
 * diacritics do not change the advance), except Đ/đ, Ư/ư, Ơ/ơ which have their own;
 * any other character counts 500 (half an em). Kerning is ignored. The error is a
 * few per cent, well inside what a line "1/3 to 1/2 as long as the text" tolerates.
 */

// Advances of U+0020..U+007E, regular and bold.
const REGULAR = [
  250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500, 500,
  500, 500, 278, 278, 564, 564, 564, 444, 921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722,
  556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500, 333, 444, 500, 444, 500, 444, 333, 500,
  500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,
];
const BOLD = [
  250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500, 500,
  500, 500, 333, 333, 570, 570, 570, 500, 930, 722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778,
  611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 333, 278, 333, 581, 500, 333, 500, 556, 444, 556, 444, 333, 500,
  556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444, 394, 220, 394, 520,
];
// No-break space, dash and quotes, and the Vietnamese letters whose advance differs from
// their base letter: [regular, bold].
const SPECIAL: Record<string, [number, number]> = {
  "\u00A0": [250, 250],
  "–": [500, 500],
  "“": [444, 500],
  "”": [444, 500],
  Đ: [722, 722],
  đ: [500, 556],
  Ư: [776, 796],
  ư: [542, 600],
  Ơ: [722, 778],
  ơ: [529, 554],
};

function advance(ch: string, bold: boolean): number {
  const special = SPECIAL[ch];
  if (special) return bold ? special[1] : special[0];
  // The base letter of a precomposed letter; ư/ơ with tone marks decompose to u/o + horn.
  const nfd = ch.normalize("NFD");
  const base = nfd[0] ?? ch;
  if (nfd.includes("\u031B")) return advance(base === "u" ? "ư" : base === "U" ? "Ư" : base === "o" ? "ơ" : "Ơ", bold);
  const code = base.codePointAt(0) ?? 0;
  const table = bold ? BOLD : REGULAR;
  return code >= 0x20 && code <= 0x7e ? (table[code - 0x20] ?? 500) : 500;
}

/** Approximate width of one line of text, in points. */
export function textWidthPt(text: string, sizePt: number, bold = false): number {
  let em = 0;
  for (const ch of text.normalize("NFC")) em += advance(ch, bold);
  return (em / 1000) * sizePt;
}
