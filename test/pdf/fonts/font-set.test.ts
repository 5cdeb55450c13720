/** Measuring with the @fontsource/tinos files: fallback across script subsets, NFC, vertical metrics, missing characters. */
import { beforeAll, describe, expect, it } from "vitest";
import { memoryFontReader } from "../../../src/pdf/fonts/font-reader.ts";
import { MissingCharacterError, type FontSet } from "../../../src/pdf/fonts/font-set.ts";
import { singleLineEm } from "../../../src/pdf/fonts/font-file.ts";
import { loadFontSet } from "../../../src/pdf/fonts/load-font-set.ts";
import { VIETNAMESE_REPERTOIRE, describeChar } from "../../../src/pdf/fonts/vietnamese.ts";
import type { FaceKey } from "../../../src/pdf/types.ts";
import { packageFiles } from "./font-fixtures.ts";

const PKG = "/pkg";
const FACES: FaceKey[] = ["regular", "bold", "italic", "boldItalic"];
let fonts: FontSet;

beforeAll(async () => {
  fonts = await loadFontSet(memoryFontReader(packageFiles(PKG)), { packageDir: PKG, system: false });
});

describe("FontSet over the package files", () => {
  it("takes 'a' from the latin file and 'ệ' from the vietnamese file", () => {
    expect(fonts.fileFor("a".codePointAt(0)!, "regular")?.name).toBe("tinos-latin-400-normal.woff");
    expect(fonts.fileFor("ệ".codePointAt(0)!, "regular")?.name).toBe("tinos-vietnamese-400-normal.woff");
    expect(fonts.fileFor("ệ".codePointAt(0)!, "boldItalic")?.name).toBe("tinos-vietnamese-700-italic.woff");
    // Only in latin-ext among the three.
    expect(fonts.fileFor("ł".codePointAt(0)!, "bold")?.name).toBe("tinos-latin-ext-700-normal.woff");
  });

  it("splits text into runs by covering file", () => {
    expect(fonts.runs("Việt Nam", "regular").map((r) => [r.text, r.file.name])).toEqual([
      ["Vi", "tinos-latin-400-normal.woff"],
      ["ệ", "tinos-vietnamese-400-normal.woff"],
      ["t Nam", "tinos-latin-400-normal.woff"],
    ]);
  });

  it("covers the whole Vietnamese alphabet in every face", () => {
    for (const face of FACES) expect(fonts.missing(VIETNAMESE_REPERTOIRE, face)).toEqual([]);
  });

  it("measures the sum of advance widths, whatever file each character comes from", () => {
    const a = fonts.width("a", "regular", 1);
    const e = fonts.width("ệ", "regular", 1);
    expect(a).toBeCloseTo(0.444, 3); // Times New Roman 'a': 909/2048
    expect(fonts.width("aệa", "regular", 14)).toBeCloseTo((2 * a + e) * 14, 10);
    expect(fonts.width("", "bold", 14)).toBe(0);
  });

  it("measures NFC text: decomposed input has the width of the precomposed letter", () => {
    expect(fonts.width("Vie\u0302\u0323t", "regular", 14)).toBe(fonts.width("Việt", "regular", 14));
    expect(fonts.runs("e\u0302\u0323", "regular").map((r) => r.text)).toEqual(["ệ"]);
  });

  it("gives the Windows vertical metrics (OS/2 winAscent 1825, winDescent 443 of 2048) and Word's single line, with hhea's external leading (87): 16.1 pt at 14 pt as LibreOffice renders it", () => {
    for (const face of FACES) {
      const v = fonts.vertical(face);
      expect(v.ascent).toBeCloseTo(1825 / 2048, 10);
      expect(v.descent).toBeCloseTo(443 / 2048, 10);
      expect(v.lineHeight).toBeCloseTo(2355 / 2048, 10);
      expect(Math.round(v.lineHeight * 14 * 20) / 20).toBe(16.1);
    }
  });

  it("computes the single line by the Windows rule: win metrics plus what hhea's line gap exceeds them by; typo metrics with USE_TYPO_METRICS", () => {
    const win = (1825 + 443) / 2048;
    expect(singleLineEm({}, { ascent: 1825, descent: -443, lineGap: 87 }, 2048, win)).toBeCloseTo(2355 / 2048, 12);
    // hhea taller than win by more than its gap: no external leading.
    expect(singleLineEm({}, { ascent: 1700, descent: -400, lineGap: 87 }, 2048, win)).toBeCloseTo(win, 12);
    // win taller than hhea by 50 units: the leading shrinks by 50.
    expect(singleLineEm({}, { ascent: 1800, descent: -418, lineGap: 87 }, 2048, win)).toBeCloseTo((2268 + 37) / 2048, 12);
    expect(singleLineEm({ fsSelection: { useTypoMetrics: true }, typoAscender: 1600, typoDescender: -448, typoLineGap: 100 }, { ascent: 1825, descent: -443, lineGap: 87 }, 2048, win)).toBeCloseTo(2148 / 2048, 12);
  });

  it("reports characters no file has, once each", () => {
    expect(fonts.missing("漢 a 😀 漢", "regular")).toEqual(["漢", "😀"]);
    expect(fonts.missing("Cộng hòa", "italic")).toEqual([]);
  });

  it("refuses to split a character no file has, naming it", () => {
    expect(() => fonts.runs("chữ 漢", "bold")).toThrow(MissingCharacterError);
    expect(() => fonts.runs("chữ 漢", "bold")).toThrow('U+6F22 "漢"');
    expect(() => fonts.runs("😀", "regular")).toThrow('U+1F600 "😀"');
  });

  it("names characters as U+XXXX and the glyph", () => {
    expect(describeChar("ệ")).toBe('U+1EC7 "ệ"');
    expect(describeChar("😀")).toBe('U+1F600 "😀"');
  });
});
