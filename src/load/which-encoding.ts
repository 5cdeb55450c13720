/**
 * What a data file that is not UTF-8 was saved in, for the message that refuses it: Windows-1258
 * (Vietnamese ANSI, as Notepad and Excel save it on a Vietnamese Windows), or Vietnamese typed
 * with a legacy 8-bit font (TCVN3, VNI) in a Latin-1/Windows-1252 file, or some other 8-bit
 * code page. Named with a line read in that encoding, so the person sees the text is theirs.
 */
import { convertLegacy, detectLegacyVietnamese, type LegacyEncoding } from "./legacy-encoding.ts";

export interface EncodingGuess {
  /** The encoding's name as editors show it. */
  name: "Windows-1258" | LegacyEncoding | "Windows-1252";
  /** The first line with a non-ASCII character, read in that encoding (at most 80 characters). */
  sample: string;
}

/** Vietnamese letters of Windows-1258 (base letters; the tones are combining marks there). */
const VIETNAMESE_1258 = /[ăâđêôơưĂÂĐÊÔƠƯ]|[aeiouyAEIOUY][\u0300\u0301\u0303\u0309\u0323]/u;

export function guessEncoding(bytes: Uint8Array): EncodingGuess {
  const cp1258 = new TextDecoder("windows-1258").decode(bytes);
  const latin = new TextDecoder("windows-1252").decode(bytes);
  const sampleOf = (text: string) => {
    const line = text.split(/\r?\n/u).find((l) => /[^\x00-\x7f]/u.test(l)) ?? "";
    return line.trim().normalize("NFC").slice(0, 80);
  };
  const legacy = detectLegacyVietnamese(latin);
  if (legacy) return { name: legacy.encoding, sample: sampleOf(convertLegacy(latin, legacy.encoding)) };
  if (VIETNAMESE_1258.test(cp1258)) return { name: "Windows-1258", sample: sampleOf(cp1258) };
  return { name: "Windows-1252", sample: sampleOf(latin) };
}
