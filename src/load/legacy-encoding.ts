/**
 * Detects and converts Vietnamese text typed with legacy 8-bit fonts and pasted
 * into UTF-8 files, where each legacy byte shows up as its Latin-1/CP1252 character:
 *  - TCVN3 (ABC; ".VnTime"): one byte per Vietnamese letter, "Céng hßa" = "Cộng hòa";
 *  - VNI-Windows ("VNI-Times"): base letter + mark byte, "Coäng hoøa" = "Cộng hòa".
 * Both tables use only bytes 0xA1..0xFE, where Latin-1 and CP1252 agree.
 */

export type LegacyEncoding = "TCVN3" | "VNI";

export interface LegacyFinding {
  encoding: LegacyEncoding;
  /** Index (UTF-16 code units) of the first suspicious character in the input. */
  index: number;
  /** The input converted to Unicode NFC, to show the user what was probably meant. */
  suggestion: string;
}

function pairs(table: string): Map<string, string> {
  const map = new Map<string, string>();
  for (let i = 0; i + 1 < table.length; i += 2) map.set(table.charAt(i), table.charAt(i + 1));
  return map;
}

/** TCVN3 (TCVN 5712:1993 VN3), legacy character → Unicode, written as pairs. Upper-case letters
 *  with tone marks exist only in the .VnTimeH fonts (same codes as lower case), so they are not here. */
const TCVN3 = pairs(
  "¡Ă¢Â£Ê¤Ô¥Ơ¦Ư§Đ¨ă©âªê«ô¬ơ\u00ADư®đ" +
    "µà¸á¶ả·ã¹ạ»ằ¾ắ¼ẳ½ẵÆặÇầÊấÈẩÉẫËậ" +
    "ÌèÐéÎẻÏẽÑẹÒềÕếÓểÔễÖệ×ìÝíØỉÜĩÞị" +
    "ßòãóáỏâõäọåồèốæổçỗéộêờíớëởìỡîợ" +
    "ïùóúñủòũôụõừøứöử÷ữùựúỳýýûỷüỹþỵ",
);

/** VNI-Windows letters that stand alone (ì í Ì Í are the same as in Unicode). */
const VNI_LETTERS = pairs("ôơÔƠöưÖƯñđÑĐæỉÆỈóĩÓĨòịÒỊîỵÎỴ");

/** VNI-Windows mark bytes (lower and upper case) → combining marks, and the bases they follow. */
const VNI_MARKS = new Map<string, { marks: string; after: string }>();
for (const [chars, marks, after] of [
  ["øØ", "\u0300", "aeouyơư"], ["ùÙ", "\u0301", "aeouyơư"], ["ûÛ", "\u0309", "aeouyơư"],
  ["õÕ", "\u0303", "aeouyơư"], ["ïÏ", "\u0323", "aeouơư"],
  ["âÂ", "\u0302", "aeo"], ["àÀ", "\u0302\u0300", "aeo"], ["áÁ", "\u0302\u0301", "aeo"],
  ["åÅ", "\u0302\u0309", "aeo"], ["ãÃ", "\u0302\u0303", "aeo"], ["äÄ", "\u0302\u0323", "aeo"],
  ["êÊ", "\u0306", "a"], ["èÈ", "\u0306\u0300", "a"], ["éÉ", "\u0306\u0301", "a"],
  ["úÚ", "\u0306\u0309", "a"], ["üÜ", "\u0306\u0303", "a"], ["ëË", "\u0306\u0323", "a"],
] as const) {
  for (const c of chars) VNI_MARKS.set(c, { marks, after });
}

/** Converts code unit by code unit; pieces[i] is what text[i] becomes (before NFC). */
function convertPieces(text: string, encoding: LegacyEncoding): string[] {
  const pieces: string[] = [];
  let base = ""; // lower-case vowel a VNI mark may still attach to
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (encoding === "TCVN3") {
      pieces.push(TCVN3.get(c) ?? c);
      continue;
    }
    const mark = VNI_MARKS.get(c);
    if (mark && base !== "" && mark.after.includes(base)) {
      pieces.push(mark.marks);
      base = "";
      continue;
    }
    const out = VNI_LETTERS.get(c) ?? c;
    pieces.push(out);
    base = "aeouyơư".includes(out.toLowerCase()) ? out.toLowerCase() : "";
  }
  return pieces;
}

/** Converts a whole string from the given legacy encoding (as read through Latin-1/CP1252) to Unicode NFC. */
export function convertLegacy(text: string, encoding: LegacyEncoding): string {
  return convertPieces(text, encoding).join("").normalize("NFC");
}

// ---------------------------------------------------------------------------------------------
// Vietnamese syllable check, used to decide whether a word is proper text or converts to one.

const TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323";
const INITIALS = [..."ngh ch gh gi kh ng nh ph qu th tr b c d đ g h k l m n p r s t v x".split(" "), ""];
const LOOSE_INITIALS = [...INITIALS, "f", "j", "w", "z"];
const FINALS = ["ch", "ng", "nh", "c", "k", "m", "n", "p", "t", ""]; // k: "Đắk Lắk"
/** Vowel groups: without a final consonant only / final optional / final required. */
const OPEN = new Set("ai ao au ay âu ây eo êu ia iu iêu oai oao oay oeo oi ôi ơi ua uây ui uôi uơ uya uyu ưa ưi ưu ươi ươu yêu".split(" "));
const CLOSABLE = new Set("a e ê i o ô ơ u ư y oa oe uê uy".split(" "));
const CLOSED = new Set("ă â iê yê uô ươ oă uâ uyê oo".split(" "));

/**
 * Whether `word` is one Vietnamese syllable. Loose: any known initial, vowel group and final, at
 * most one tone mark, on a vowel (accepts all proper Vietnamese, and loan initials f j w z).
 * Strict adds spelling rules (c/k, g/gh, ng/ngh, qu), tone-mark placement, and sắc/nặng only
 * before p, t, c, ch, k; used for converted text so that foreign words do not pass by chance.
 */
function isVietnameseSyllable(word: string, strict: boolean): boolean {
  return once(strict ? STRICT_SEEN : LOOSE_SEEN, word, () => checkSyllable(word, strict));
}

/** The same syllables come back again and again in a year's data: each word's verdict is made once (at most MEMO_MAX kept). */
function once<T>(memo: Map<string, T>, word: string, make: () => T): T {
  let known = memo.get(word);
  if (known === undefined) {
    if (memo.size >= MEMO_MAX) memo.clear();
    known = make();
    memo.set(word, known);
  }
  return known;
}

const MEMO_MAX = 50_000;
const STRICT_SEEN = new Map<string, boolean>();
const LOOSE_SEEN = new Map<string, boolean>();

function checkSyllable(word: string, strict: boolean): boolean {
  let base = "";
  let tone = "";
  let toneAt = -1;
  let letters = 0;
  for (const c of word.toLowerCase().normalize("NFD")) {
    if (TONE_MARKS.includes(c)) {
      if (tone !== "" || letters === 0) return false;
      tone = c;
      toneAt = letters - 1;
    } else {
      base += c;
      if (!/\p{M}/u.test(c)) letters++;
    }
  }
  const b = base.normalize("NFC");
  if (b.length !== letters || !/^[a-zđăâêôơư]+$/.test(b)) return false;
  for (const initial of strict ? INITIALS : LOOSE_INITIALS) {
    if (!b.startsWith(initial)) continue;
    const rest = b.slice(initial.length);
    for (const final of FINALS) {
      if (!rest.endsWith(final) || rest.length === final.length) continue;
      const v = rest.slice(0, rest.length - final.length);
      if (!(final === "" ? OPEN.has(v) || CLOSABLE.has(v) : CLOSABLE.has(v) || CLOSED.has(v))) continue;
      const t = toneAt - initial.length;
      if (tone !== "" && (t < 0 || t >= v.length)) continue;
      if (!strict || strictRules(initial, v, final, tone, t)) return true;
    }
  }
  return false;
}

function strictRules(initial: string, v: string, final: string, tone: string, t: number): boolean {
  const front = /^[eêiy]/.test(v);
  if ((initial === "k" || initial === "gh" || initial === "ngh") && !front) return false;
  if ((initial === "c" && front) || (initial === "ng" && front) || (initial === "g" && /^[eê]/.test(v))) return false;
  if (initial === "qu" && /^[uư]/.test(v)) return false;
  if (/^(p|t|c|ch|k)$/.test(final) && tone !== "\u0301" && tone !== "\u0323") return false;
  if (tone === "") return true;
  const marked = Math.max(...["ă", "â", "ê", "ô", "ơ", "ư"].map((d) => v.lastIndexOf(d)));
  if (marked >= 0) return t === marked;
  if (final !== "") return t === v.length - 1;
  if (v.length === 1 || v === "oa" || v === "oe" || v === "uy") return true;
  return t < v.length - 1 && !(v.length === 3 && t === 0);
}

// ---------------------------------------------------------------------------------------------
// Detection.

/** Distinct words that must look like legacy text before a finding is reported. */
const MIN_EVIDENCE = 2;
/** At most this many proper Unicode Vietnamese words per legacy-looking word. */
const MAX_UNICODE_PER_EVIDENCE = 4;

const TOKEN: Record<LegacyEncoding, RegExp> = {
  TCVN3: new RegExp(`[\\p{L}\\p{M}${[...TCVN3.keys()].join("")}]+`, "gu"),
  VNI: /[\p{L}\p{M}]+/gu,
};
/** Letters and marks only Unicode Vietnamese has (legacy text read as Latin-1 has none). */
const UNICODE_VIETNAMESE = /[\u0100-\u024F\u0300-\u036F\u1E00-\u1EFF]/u;

interface Evidence {
  encoding: LegacyEncoding;
  distinct: number;
  total: number;
  unicodeWords: number;
  foreign: number;
  index: number;
}

/** What one word says about a text: kept per word and encoding, as the same words come back. */
type WordKind =
  /** Proper Unicode Vietnamese. */
  | { kind: "unicode" }
  /** Says nothing (a symbol; a Vietnamese or foreign word that also passes as typed). */
  | { kind: "none" }
  /** Neither Vietnamese as typed nor once converted. */
  | { kind: "foreign" }
  /** Converts well; `evidence` when it is not even loosely a Vietnamese word as typed. */
  | { kind: "converts"; first: number; evidence: boolean };

const KINDS: Record<LegacyEncoding, Map<string, WordKind>> = { TCVN3: new Map(), VNI: new Map() };

function wordKind(word: string, encoding: LegacyEncoding): WordKind {
  return once(KINDS[encoding], word, () => classify(word, encoding));
}

function classify(word: string, encoding: LegacyEncoding): WordKind {
  if (UNICODE_VIETNAMESE.test(word)) return { kind: "unicode" };
  if (!/\p{L}/u.test(word)) return { kind: "none" }; // "§", "©", "×" alone are symbols, not words
  const pieces = convertPieces(word, encoding);
  const first = pieces.findIndex((p, i) => p !== word.charAt(i));
  // Lower case then upper case ("tÕ", "ViÖt") is no proper word; TCVN3 writes many lower-case letters so.
  const cased = !/\p{Ll}\p{Lu}/u.test(word);
  if (first < 0 || !isVietnameseSyllable(pieces.join("").normalize("NFC"), true)) {
    // Neither Vietnamese as typed nor once converted ("est", "Déjà"); all-capital words are abbreviations.
    return /\p{Ll}/u.test(word) && !(cased && isVietnameseSyllable(word, false)) ? { kind: "foreign" } : { kind: "none" };
  }
  // The index goes to the first word that converts well and is not strictly well-formed as typed
  // ("Céng"); evidence needs a word that is not even loosely a Vietnamese word as typed.
  if (cased && isVietnameseSyllable(word, true)) return { kind: "none" };
  return { kind: "converts", first, evidence: !(cased && isVietnameseSyllable(word, false)) };
}

function collectEvidence(text: string, encoding: LegacyEncoding): Evidence {
  const seen = new Set<string>();
  const found: Evidence = { encoding, distinct: 0, total: 0, unicodeWords: 0, foreign: 0, index: -1 };
  for (const m of text.matchAll(TOKEN[encoding])) {
    const word = m[0];
    const k = wordKind(word, encoding);
    if (k.kind === "unicode") found.unicodeWords++;
    else if (k.kind === "foreign") found.foreign++;
    else if (k.kind === "converts") {
      if (found.index < 0) found.index = (m.index ?? 0) + k.first;
      if (!k.evidence) continue;
      found.total++;
      seen.add(word.toLowerCase());
    }
  }
  found.distinct = seen.size;
  return found;
}

/**
 * Returns a finding when the text looks like TCVN3 or VNI mojibake, otherwise undefined.
 * A word counts as evidence when it contains characters the legacy table changes, is not a
 * Vietnamese syllable as typed, and converts into a strictly well-formed syllable. A finding needs
 * at least MIN_EVIDENCE distinct such words, more evidence words than foreign words (neither
 * Vietnamese as typed nor once converted: "Où est Loïc? Déjà vu" is French, not VNI), and no more
 * than MAX_UNICODE_PER_EVIDENCE words of proper Unicode Vietnamese per evidence word (so two stray
 * odd words in a real document are no hit).
 */
export function detectLegacyVietnamese(text: string): LegacyFinding | undefined {
  // Every character either table changes is in U+00A1–U+00FF: a text without one has no word that converts.
  if (!LEGACY_CHAR.test(text)) return undefined;
  // The same values come back in file after file (a title, a criterion's name, a unit's name in every registration).
  if (FINDINGS.has(text)) return FINDINGS.get(text);
  const finding = detect(text);
  if (FINDINGS.size >= MAX_KEPT_FINDINGS) FINDINGS.clear();
  FINDINGS.set(text, finding);
  return finding;
}

const LEGACY_CHAR = /[\u00A1-\u00FF]/;
const FINDINGS = new Map<string, LegacyFinding | undefined>();
const MAX_KEPT_FINDINGS = 4096;

function detect(text: string): LegacyFinding | undefined {
  let best: Evidence | undefined;
  for (const encoding of ["TCVN3", "VNI"] as const) {
    const e = collectEvidence(text, encoding);
    if (e.distinct < MIN_EVIDENCE || e.foreign >= e.total || e.unicodeWords > e.total * MAX_UNICODE_PER_EVIDENCE) continue;
    if (!best || e.total > best.total) best = e;
  }
  if (!best) return undefined;
  return { encoding: best.encoding, index: best.index, suggestion: convertLegacy(text, best.encoding) };
}
