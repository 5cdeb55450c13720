import { describe, expect, it } from "vitest";
import {
  formatNumber, formatPercent, formatRatio, formatScore, letterOrdinal, padNumber, toRoman, VIETNAMESE_LETTERS,
} from "../../src/format/number.ts";

describe("formatNumber", () => {
  it.each([
    [0, "0"], [5, "5"], [999, "999"], [1000, "1.000"], [1234.5, "1.234,5"], [1000000, "1.000.000"],
    [-12.25, "-12,25"], [-1234567.891, "-1.234.567,89"], [0.5, "0,5"], [2 / 3, "0,67"], [1.005, "1,01"],
    [1.999, "2"], [12.3, "12,3"], [12.0, "12"], [-0.001, "0"], [-0, "0"], [123456789012, "123.456.789.012"],
  ] as const)("%d → %s", (n, text) => {
    expect(formatNumber(n)).toBe(text);
  });
  it("uses exactly the given number of decimals", () => {
    expect(formatNumber(5, 2)).toBe("5,00");
    expect(formatNumber(1234.5, 0)).toBe("1.235");
    expect(formatNumber(-1234.5, 0)).toBe("-1.235");
    expect(formatNumber(2 / 3, 3)).toBe("0,667");
    expect(formatNumber(0.1 + 0.2, 1)).toBe("0,3");
    expect(formatNumber(-0.04, 1)).toBe("0,0");
  });
  it("rejects non-finite numbers and bad decimals", () => {
    expect(() => formatNumber(Number.NaN)).toThrow(RangeError);
    expect(() => formatNumber(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => formatNumber(1, -1)).toThrow(RangeError);
    expect(() => formatNumber(1, 1.5)).toThrow(RangeError);
  });
});

describe("formatPercent and formatRatio", () => {
  it("rounds 2/3 to 66,67%", () => {
    expect(formatPercent(2, 3)).toBe("66,67%");
    expect(formatPercent(1, 3)).toBe("33,33%");
    expect(formatPercent(2, 3, 1)).toBe("66,7%");
    expect(formatPercent(2, 3, 0)).toBe("67%");
  });
  it("writes 0% and 100% without decimals", () => {
    expect(formatPercent(0, 12)).toBe("0%");
    expect(formatPercent(12, 12)).toBe("100%");
    expect(formatPercent(6, 12)).toBe("50%");
    expect(formatPercent(1, 8)).toBe("12,5%");
    expect(formatPercent(15, 10)).toBe("150%");
  });
  it("gives 0% for a whole of 0", () => {
    expect(formatPercent(0, 0)).toBe("0%");
    expect(formatPercent(5, 0)).toBe("0%");
  });
  it("formats precomputed ratios", () => {
    expect(formatRatio(2 / 3)).toBe("66,67%");
    expect(formatRatio(1)).toBe("100%");
    expect(formatRatio(0)).toBe("0%");
    expect(formatRatio(0.125, 1)).toBe("12,5%");
    expect(() => formatRatio(Number.NaN)).toThrow(RangeError);
  });
});

describe("formatScore", () => {
  it("writes up to 2 decimals", () => {
    expect(formatScore(95)).toBe("95");
    expect(formatScore(92.5)).toBe("92,5");
    expect(formatScore(92.25)).toBe("92,25");
    expect(formatScore(1000)).toBe("1.000");
    expect(formatScore(-2.5)).toBe("-2,5");
  });
});

describe("toRoman", () => {
  const expected = [
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X",
    "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX",
    "XXI", "XXII", "XXIII", "XXIV", "XXV", "XXVI", "XXVII", "XXVIII", "XXIX", "XXX",
    "XXXI", "XXXII", "XXXIII", "XXXIV", "XXXV", "XXXVI", "XXXVII", "XXXVIII", "XXXIX",
  ];
  it("writes 1..39", () => {
    expect(Array.from({ length: 39 }, (_, i) => toRoman(i + 1))).toEqual(expected);
  });
  it("writes larger numbers and rejects invalid ones", () => {
    expect(toRoman(40)).toBe("XL");
    expect(toRoman(2024)).toBe("MMXXIV");
    for (const bad of [0, -1, 1.5, 4000, Number.NaN]) expect(() => toRoman(bad)).toThrow(RangeError);
  });
});

describe("letterOrdinal", () => {
  it("follows the Vietnamese order a, b, c, d, đ, e, g, …", () => {
    const letters = Array.from({ length: 23 }, (_, i) => letterOrdinal(i + 1));
    expect(letters.join(" ")).toBe("a b c d đ e g h i k l m n o p q r s t u v x y");
    expect(letters).toEqual(VIETNAMESE_LETTERS);
    expect(letterOrdinal(5)).toBe("\u0111");
  });
  it("skips f, j, w, z", () => {
    for (const l of ["f", "j", "w", "z"]) expect(VIETNAMESE_LETTERS).not.toContain(l);
  });
  it("rejects numbers outside 1..23", () => {
    for (const bad of [0, 24, 1.5, -1]) expect(() => letterOrdinal(bad)).toThrow(RangeError);
  });
});

describe("padNumber", () => {
  it("pads numbers below 10", () => {
    expect(padNumber(1)).toBe("01");
    expect(padNumber(5)).toBe("05");
    expect(padNumber(9)).toBe("09");
    expect(padNumber(10)).toBe("10");
    expect(padNumber(12)).toBe("12");
    expect(padNumber(123)).toBe("123");
  });
  it("rejects non-positive and non-integer numbers", () => {
    for (const bad of [0, -5, 2.5, Number.NaN]) expect(() => padNumber(bad)).toThrow(RangeError);
  });
});
