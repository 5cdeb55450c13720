/**
 * A word's pieces at its break opportunities (text-lines.ts): the quick answer for a word
 * without a dash is the one the full split gives, for any text.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { WORD_BREAK, wordPieces } from "../../../src/pdf/layout/text-lines.ts";

// Letters (Vietnamese too), digits, brackets, punctuation, and every dash and dash-like character.
const CHARS = ["a", "Đ", "ữ", "1", "(", ")", "[", ",", ".", "-", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2015", "\u2212", "\u00ad", "/"];

describe("a word's pieces", () => {
  it("are those of the full split, for any word", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 12 }), (chars) => {
        const word = chars.join("");
        expect(wordPieces(word)).toEqual(word.split(WORD_BREAK));
      }),
      { numRuns: 5000 },
    );
  });

  it("cut where LibreOffice breaks a line", () => {
    expect(wordPieces("TĐ-KT")).toEqual(["TĐ-", "KT"]);
    expect(wordPieces("a—b")).toEqual(["a", "—", "b"]);
    expect(wordPieces("2020–2021")).toEqual(["2020–", "2021"]);
    expect(wordPieces("-5")).toEqual(["-5"]);
    expect(wordPieces("Nguyễn")).toEqual(["Nguyễn"]);
  });
});
