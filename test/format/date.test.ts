import { describe, expect, it } from "vitest";
import {
  formatDayMonth, formatDayMonthYear, formatDayMonthYearShort, formatPlaceDate, formatShortDate,
  formatTime, formatTimeOfDay, isoDateTimeVietnam, parseIsoDate, toDateParts,
} from "../../src/format/date.ts";
import { BLANK } from "../../src/format/text.ts";

const MONTHS = ["01", "02", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"];

describe("formatDayMonthYear", () => {
  it.each(MONTHS.map((text, i) => [i + 1, text] as const))("month %i → tháng %s", (month, text) => {
    expect(formatDayMonthYear({ year: 2020, month, day: 15 })).toBe(`ngày 15 tháng ${text} năm 2020`);
  });
  it.each([[1, "01"], [9, "09"], [10, "10"], [31, "31"]] as const)("day %i → %s", (day, text) => {
    expect(formatDayMonthYear({ year: 2021, month: 1, day })).toBe(`ngày ${text} tháng 01 năm 2021`);
  });
  it("accepts ISO strings", () => {
    expect(formatDayMonthYear("2020-02-05")).toBe("ngày 05 tháng 02 năm 2020");
    expect(formatDayMonthYear("2020-06-30")).toBe("ngày 30 tháng 6 năm 2020");
    expect(formatDayMonthYear("2020-12-31")).toBe("ngày 31 tháng 12 năm 2020");
  });
  it("rejects invalid dates", () => {
    expect(() => formatDayMonthYear("2020-02-30")).toThrow(RangeError);
    expect(() => formatDayMonthYear({ year: 2020, month: 13, day: 1 })).toThrow(RangeError);
    expect(() => formatDayMonthYear({ year: 2020, month: 1, day: 1.5 })).toThrow(RangeError);
  });
});

describe("formatPlaceDate", () => {
  it("writes place, comma, date", () => {
    expect(formatPlaceDate("Trà Vinh", "2020-02-05")).toBe("Trà Vinh, ngày 05 tháng 02 năm 2020");
  });
  it("leaves day and month blank for electronic issuance", () => {
    const s = formatPlaceDate("Trà Vinh", undefined, { year: 2020 });
    expect(s).toBe(`Trà Vinh, ngày ${BLANK} tháng ${BLANK} năm 2020`);
    expect(s).toBe("Trà Vinh, ngày \u00A0\u00A0\u00A0\u00A0\u00A0\u00A0 tháng \u00A0\u00A0\u00A0\u00A0\u00A0\u00A0 năm 2020");
  });
  it("blanks the year too without a year option; the blank is configurable", () => {
    expect(formatPlaceDate("Trà Vinh", undefined)).toBe(`Trà Vinh, ngày ${BLANK} tháng ${BLANK} năm ${BLANK}`);
    expect(formatPlaceDate("Trà Vinh", undefined, { year: 2020, blank: "..." })).toBe("Trà Vinh, ngày ... tháng ... năm 2020");
  });
  it("rejects a bad year", () => {
    expect(() => formatPlaceDate("Trà Vinh", undefined, { year: 20.5 })).toThrow(RangeError);
  });
});

describe("short dates", () => {
  it("formatShortDate pads day and month", () => {
    expect(formatShortDate("2020-02-05")).toBe("05/02/2020");
    expect(formatShortDate("2020-06-15")).toBe("15/06/2020");
  });
  it("formatDayMonth follows the Decree 30 rule", () => {
    expect(formatDayMonth("2020-06-15")).toBe("15/6");
    expect(formatDayMonth("2021-01-31")).toBe("31/01");
    expect(formatDayMonth("2021-02-05")).toBe("05/02");
    expect(formatDayMonth("2021-12-01")).toBe("01/12");
  });
  it("formatDayMonthYearShort matches the seed text", () => {
    expect(`trước ngày ${formatDayMonthYearShort("2020-06-15")}`).toBe("trước ngày 15/6/2020");
    expect(`trước ngày ${formatDayMonthYearShort({ year: 2021, month: 1, day: 31 })}`).toBe("trước ngày 31/01/2021");
    expect(formatDayMonthYearShort("2025-07-01")).toBe("01/7/2025");
    expect(formatDayMonthYearShort("2024-01-01")).toBe("01/01/2024");
  });
});

describe("times", () => {
  it("formatTime pads hours and minutes", () => {
    expect(formatTime(8, 0)).toBe("08 giờ 00");
    expect(formatTime(14, 5)).toBe("14 giờ 05");
    expect(formatTime(0, 59)).toBe("00 giờ 59");
  });
  it("formatTime rejects out-of-range values", () => {
    expect(() => formatTime(24, 0)).toThrow(RangeError);
    expect(() => formatTime(8, 60)).toThrow(RangeError);
    expect(() => formatTime(-1, 0)).toThrow(RangeError);
  });
  it("formatTimeOfDay parses H:MM and HH:MM", () => {
    expect(formatTimeOfDay("14:30")).toBe("14 giờ 30");
    expect(formatTimeOfDay("8:05")).toBe("08 giờ 05");
    for (const bad of ["24:00", "12:60", "1430", "12:3", "", "ab:cd"]) {
      expect(() => formatTimeOfDay(bad)).toThrow(RangeError);
    }
  });
});

describe("parseIsoDate", () => {
  it("parses valid dates", () => {
    expect(parseIsoDate("2020-02-05")).toEqual({ year: 2020, month: 2, day: 5 });
    expect(parseIsoDate("2020-02-29")).toEqual({ year: 2020, month: 2, day: 29 });
    expect(parseIsoDate("2000-02-29")).toEqual({ year: 2000, month: 2, day: 29 });
  });
  it.each(["2020-02-30", "2021-02-29", "1900-02-29", "2020-13-01", "2020-00-10", "2020-04-31", "2020-01-00",
    "2020-2-5", "20-02-05", "2020/02/05", "2020-02-05T00:00", " 2020-02-05", ""])("rejects %j", (s) => {
    expect(parseIsoDate(s)).toBeUndefined();
  });
  it("toDateParts validates objects and copies them", () => {
    const input = { year: 2020, month: 6, day: 15 };
    expect(toDateParts(input)).toEqual(input);
    expect(toDateParts(input)).not.toBe(input);
    expect(() => toDateParts({ year: 2021, month: 2, day: 29 })).toThrow(RangeError);
  });
});

describe("isoDateTimeVietnam", () => {
  it("writes ISO 8601 with +07:00", () => {
    expect(isoDateTimeVietnam("2021-02-05", "09:30")).toBe("2021-02-05T09:30:00+07:00");
    expect(isoDateTimeVietnam({ year: 2020, month: 12, day: 1 }, "8:00")).toBe("2020-12-01T08:00:00+07:00");
  });
  it("rejects bad input", () => {
    expect(() => isoDateTimeVietnam("2021-02-30", "09:30")).toThrow(RangeError);
    expect(() => isoDateTimeVietnam("2021-02-05", "25:00")).toThrow(RangeError);
  });
});
