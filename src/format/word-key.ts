/** Comparison key of a word: lower case, without diacritics (old and new tone placement compare equal), đ as d, no closing punctuation. */
export function wordKey(word: string): string {
  return word
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[,.;:()]+$/u, "");
}

/** A phrase's comparison key: its words' keys, one space apart (words with no letter or digit left out). */
export function phraseKey(phrase: string): string {
  return phrase
    .trim()
    .split(/\s+/u)
    .map(wordKey)
    .filter((w) => /[\p{L}\p{N}]/u.test(w))
    .join(" ");
}
