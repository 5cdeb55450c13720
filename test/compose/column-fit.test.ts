import { describe, expect, it } from "vitest";
import { estimateLines, fitShares } from "../../src/compose/column-fit.ts";

const target = "Hoàn thành 100% chỉ tiêu Tỉnh ủy, UBND tỉnh giao năm 2020; nghiệm thu 15 đề tài, dự án khoa học và công nghệ cấp tỉnh; hỗ trợ 10 doanh nghiệp đổi mới công nghệ";
const criterion = "Hoàn thành xuất sắc nhiệm vụ chính trị các chỉ tiêu, nhiệm vụ được giao";
const header = ["STT", "Nội dung, tiêu chí", "Chỉ tiêu đăng ký", "Ghi chú"];
const defaults = { shares: [9, 36, 34, 21], fixed: [true, false, false, false] };

describe("column widths that follow the content", () => {
  it("gives an empty Ghi chú's room to long targets, keeping the shares' total and the fixed STT column", () => {
    const rows = Array.from({ length: 10 }, (_, i) => [String(i + 1), criterion, target, ""]);
    const s = fitShares({ ...defaults, header, rows });
    expect(s.reduce((a, b) => a + b, 0)).toBe(100);
    expect(s[0]).toBe(9);
    expect(s[3]).toBeLessThan(21);
    expect(s[3]).toBeGreaterThanOrEqual(12);
    expect(s[2]).toBeGreaterThan(34);
    const lines = (sh: number[]) => rows.length * Math.max(...[criterion, target].map((t, k) => estimateLines(t, (sh[k + 1]! / 100) * 467.7 - 8.5)));
    expect(lines(s)).toBeLessThan(lines(defaults.shares));
  });
  it("keeps the defaults when they are already the shortest (notes as long as the targets)", () => {
    const rows = Array.from({ length: 4 }, (_, i) => [String(i + 1), "Ngắn", "Ngắn", "Ngắn"]);
    expect(fitShares({ ...defaults, header, rows })).toEqual([9, 36, 34, 21]);
  });
  it("never makes a column narrower than its longest word", () => {
    const rows = [["1", "a", "b", "Chuyên-đề-đặc-biệt-rất-dài"]];
    const s = fitShares({ ...defaults, header, rows });
    expect(estimateLines("Chuyên-đề-đặc-biệt-rất-dài", (s[3]! / 100) * 467.7 - 8.5)).toBe(1);
  });
});
