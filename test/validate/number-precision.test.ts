import { describe, expect, it } from "vitest";
import { significantDigits } from "../../src/load/number-precision.ts";
import { checkEdited } from "./edit-helper.ts";

const RES = "data/2020/ket-qua/don-vi-a.yaml";
const REG = "data/2020/dang-ky/don-vi-a.yaml";
const MIN = "data/2020/bien-ban.md";

/** A double holds 15 significant decimal digits; more in the YAML text would print digits nobody wrote. */
describe("numbers with more than 15 significant digits", () => {
  it("a percentage written 50.0000000000000001 (read as 50) is an error at the value", async () => {
    const { lines, texts } = await checkEdited({ [RES]: [["ty_le: 50 }", "ty_le: 50.0000000000000001 }"]] });
    expect(lines).toEqual([`error ${RES}:4:50 number/precision`]);
    expect(texts[0]).toContain("50.0000000000000001");
    expect(texts[0]).toContain("18");
    expect(texts[1]).toContain("15");
  });

  it("a score written 38.9999999999999999 (read as 39)", async () => {
    expect((await checkEdited({ [RES]: [["khoi_cham: 39 }", "khoi_cham: 38.9999999999999999 }"]] })).lines).toEqual([`error ${RES}:10:49 number/precision`]);
  });

  it("a count with 20 digits is reported for its digits, besides the range", async () => {
    const { lines } = await checkEdited({ [REG]: [["lao_dong_tien_tien: 10", "lao_dong_tien_tien: 12345678901234567890"]] });
    expect(lines).toContain(`error ${REG}:6:32 number/precision`);
  });

  it("in front matter, with the line counted from the top of the file", async () => {
    expect((await checkEdited({ [MIN]: [["so: 2", "so: 2.00000000000000001"]] })).lines).toContain(`error ${MIN}:2:5 number/precision`);
  });

  it("fifteen digits, trailing zeros and exponents pass", async () => {
    expect((await checkEdited({ [RES]: [["ty_le: 50 }", "ty_le: 50.0000000000001000000 }"], ["ty_le: 60 }", "ty_le: 6.0e1 }"]] })).lines).toEqual([]);
  });
});

describe("significantDigits", () => {
  it("counts the digits from the first to the last non-zero one", () => {
    expect(significantDigits("50")).toBe(1);
    expect(significantDigits("-0.000120")).toBe(2);
    expect(significantDigits("+1.50e3")).toBe(2);
    expect(significantDigits("100000000000000000000")).toBe(1);
    expect(significantDigits("12345678901234567890")).toBe(19);
    expect(significantDigits("50.0000000000000001")).toBe(18);
    expect(significantDigits("0")).toBe(0);
    expect(significantDigits("0x1F")).toBe(undefined);
    expect(significantDigits(".inf")).toBe(undefined);
  });
});
