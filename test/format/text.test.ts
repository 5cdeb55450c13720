import { describe, expect, it } from "vitest";
import { BLANK, docNumber, joinList, nfc, numberLine, punctuateList, upperVi } from "../../src/format/text.ts";
import * as format from "../../src/format/index.ts";

describe("nfc", () => {
  it("composes decomposed text", () => {
    const nfd = "Văn hóa".normalize("NFD");
    expect(nfd).not.toBe("Văn hóa");
    expect(nfc(nfd)).toBe("Văn hóa");
  });
});

describe("upperVi", () => {
  it("keeps diacritics", () => {
    expect(upperVi("Sở Văn hóa, Thể thao và Du lịch")).toBe("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH");
    expect(upperVi("đ")).toBe("Đ");
    expect(upperVi("Độc lập - Tự do - Hạnh phúc")).toBe("ĐỘC LẬP - TỰ DO - HẠNH PHÚC");
    expect(upperVi("ủy ban nhân dân tỉnh trà vinh")).toBe("ỦY BAN NHÂN DÂN TỈNH TRÀ VINH");
    expect(upperVi("ư ơ ă â ê ô ỹ ậ ữ")).toBe("Ư Ơ Ă Â Ê Ô Ỹ Ậ Ữ");
  });
  it("accepts NFD input and returns NFC", () => {
    const out = upperVi("Sở Văn hóa, Thể thao và Du lịch".normalize("NFD"));
    expect(out).toBe("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH");
    expect(out).toBe(out.normalize("NFC"));
    expect(out.length).toBe("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH".length);
  });
});

describe("docNumber and numberLine", () => {
  it("writes number/type-issuer with a leading 0 below 10", () => {
    expect(docNumber({ number: 5, typeCode: "KH", issuerCode: "K8" })).toBe("05/KH-K8");
    expect(docNumber({ number: 12, typeCode: "TTr", issuerCode: "SVHTTDL" })).toBe("12/TTr-SVHTTDL");
  });
  it("writes a công văn without a type code", () => {
    expect(docNumber({ number: 12, issuerCode: "SVHTTDL-VP" })).toBe("12/SVHTTDL-VP");
  });
  it("leaves a fixed-width blank without a number", () => {
    expect(docNumber({ typeCode: "KH", issuerCode: "K8" })).toBe(`${BLANK}/KH-K8`);
    expect(BLANK).toBe("\u00A0".repeat(6));
  });
  it("numberLine starts with 'Số:' and one space", () => {
    expect(numberLine({ number: 5, typeCode: "KH", issuerCode: "K8" })).toBe("Số: 05/KH-K8");
    expect(numberLine({ typeCode: "BB", issuerCode: "K8" })).toBe(`Số: ${BLANK}/BB-K8`);
  });
  it("normalises codes to NFC", () => {
    expect(docNumber({ number: 3, typeCode: "QĐ".normalize("NFD"), issuerCode: "UBND" })).toBe("03/QĐ-UBND");
  });
  it("rejects spaces in codes, empty codes and bad numbers", () => {
    expect(() => docNumber({ number: 5, typeCode: "K H", issuerCode: "K8" })).toThrow(RangeError);
    expect(() => docNumber({ number: 5, typeCode: "KH", issuerCode: "K 8" })).toThrow(RangeError);
    expect(() => docNumber({ number: 5, typeCode: "KH", issuerCode: "K8\u00A0" })).toThrow(RangeError);
    expect(() => docNumber({ number: 5, typeCode: "KH", issuerCode: "" })).toThrow(RangeError);
    expect(() => docNumber({ number: 5, typeCode: "", issuerCode: "K8" })).toThrow(RangeError);
    expect(() => docNumber({ number: 5, typeCode: "KH", issuerCode: "K8/VP" })).toThrow(RangeError);
    expect(() => docNumber({ number: 0, typeCode: "KH", issuerCode: "K8" })).toThrow(RangeError);
    expect(() => docNumber({ number: 1.5, typeCode: "KH", issuerCode: "K8" })).toThrow(RangeError);
  });
});

describe("punctuateList and joinList", () => {
  it("adds ';' to each item and '.' to the last", () => {
    expect(punctuateList(["Thường trực Hội đồng TĐ-KT tỉnh", "Các đơn vị thành viên Khối 8", "Lưu: VT"]))
      .toEqual(["Thường trực Hội đồng TĐ-KT tỉnh;", "Các đơn vị thành viên Khối 8;", "Lưu: VT."]);
  });
  it("does not double punctuation already present", () => {
    expect(punctuateList(["Như trên;", "Lưu: VT, Hồ sơ."])).toEqual(["Như trên;", "Lưu: VT, Hồ sơ."]);
    expect(punctuateList(["A;", "B."])).toEqual(["A;", "B."]);
  });
  it("fixes misplaced punctuation", () => {
    expect(punctuateList(["A.", "B,", "C;"])).toEqual(["A;", "B;", "C."]);
    expect(punctuateList(["A ;", "  B  "])).toEqual(["A;", "B."]);
  });
  it("handles one item, no item and empty items", () => {
    expect(punctuateList(["Sở Tài chính"])).toEqual(["Sở Tài chính."]);
    expect(punctuateList([])).toEqual([]);
    expect(punctuateList(["A", "  ", "B"])).toEqual(["A;", "B."]);
  });
  it("joins with a newline or a given separator", () => {
    expect(joinList(["A", "B"])).toBe("A;\nB.");
    expect(joinList(["A", "B"], " ")).toBe("A; B.");
    expect(joinList([])).toBe("");
  });
});

describe("index", () => {
  it("re-exports every module", () => {
    for (const name of ["formatDayMonthYear", "formatNumber", "toRoman", "upperVi", "docNumber", "joinList", "parseIsoDate"]) {
      expect(typeof (format as Record<string, unknown>)[name]).toBe("function");
    }
  });
});
