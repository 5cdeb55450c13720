/**
 * The bench's province part, its pure pieces: what a `tinh build` said (blocs done, documents
 * each bloc built, whether the province's view was written), the least-squares line of the
 * country's totals, and the bench's --country and --only arguments.
 */
import { describe, expect, it } from "vitest";
import { linearFit, parseProvinceRun } from "../../src/tools/bench-province.ts";
import { parseBenchArgs, runsSection } from "../../src/tools/bench-report.ts";

const RUN = `— Khối k01 (khoi/k01)
  khoi/k01/data/2020/bien-ban.md:16:1: cảnh báo [meeting/unaccounted] Đơn vị unit-11 không có trong danh sách có mặt hay vắng mặt
  0 lỗi, 6 cảnh báo, 2 văn bản được lập
— Khối k02 (khoi/k02)
  0 lỗi, 6 cảnh báo, 0 văn bản được lập
— Tổng hợp của tỉnh
  đã ghi out/tinh-2020/tong-hop-2020.json
  0 lỗi, 0 cảnh báo

Tỉnh: 2/2 khối lập xong.
`;

describe("the bench's province part", () => {
  it("reads what tinh build said", () => {
    expect(parseProvinceRun(RUN)).toEqual({ done: 2, blocs: 2, built: [2, 0], viewWritten: true });
    expect(parseProvinceRun(RUN.replace(/ {2}đã ghi .*\n/, ""))?.viewWritten).toBe(false);
    expect(parseProvinceRun(RUN.replace("Tỉnh: 2/2 khối lập xong.", "Tỉnh: 1/2 khối lập xong; 1 khối có lỗi:"))?.done).toBe(1);
    expect(parseProvinceRun("nothing")).toBeUndefined();
  });

  it("fits the line of the totals", () => {
    const f = linearFit([1, 2, 3, 4], [7, 12, 17, 22]);
    expect(f.a).toBeCloseTo(2);
    expect(f.b).toBeCloseTo(5);
    expect(f.r2).toBeCloseTo(1);
    expect(linearFit([1, 2, 3], [1, 3, 2]).r2).toBeCloseTo(0.25);
  });

  it("runs the country only when asked, and --only the parts named", () => {
    const plain = parseBenchArgs([]);
    expect(runsSection(plain, "province")).toBe(true);
    expect(runsSection(plain, "country")).toBe(false);
    expect(runsSection(parseBenchArgs(["--country"]), "country")).toBe(true);
    const only = parseBenchArgs(["--only", "province,country"]);
    expect(only.only).toEqual(["province", "country"]);
    expect(runsSection(only, "start-up")).toBe(false);
    expect(runsSection(only, "country")).toBe(true);
    expect(parseBenchArgs(["--only", "provinces"]).errors[0]).toMatch(/^--only needs parts among start-up, watch/);
  });
});
