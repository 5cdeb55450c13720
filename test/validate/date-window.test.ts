import { describe, expect, it } from "vitest";
import { checkEdited } from "./edit-helper.ts";

const NAM = "data/2020/nam.yaml";
const REG = "data/2020/dang-ky/don-vi-a.yaml";
const RES = "data/2020/ket-qua/don-vi-a.yaml";
const MIN = "data/2020/bien-ban.md";

const report = (ngay: string) =>
  `---\nso: 7\nngay: ${ngay}\ntrich_yeu: Báo cáo\nkinh_gui: [Hội đồng Thi đua, Khen thưởng tỉnh]\n---\nNội dung báo cáo.\n`;
const proposal = (ngay: string) => `---\nso: 8\nngay: ${ngay}\ntrich_yeu: Đề nghị khen thưởng\nkinh_gui: [Hội đồng Thi đua, Khen thưởng tỉnh]\n---\nNội dung.\n`;

/**
 * Every date of a year's data lies in the year's window: the emulation year for the plan, the
 * registrations and the mid-year review; the year and the next one for the year-end stage (units
 * report by 31/01 of the next year, the vote and the proposal follow).
 */
describe("dates outside the year's window", () => {
  it("a registration dated 9999-12-31 is an error, not a late warning", async () => {
    const { lines, texts } = await checkEdited({ [REG]: [["ngay: 2020-03-01", "ngay: 9999-12-31"]] });
    expect(lines).toEqual([`error ${REG}:1:7 date/out-of-window`]);
    expect(texts[0]).toContain("9999-12-31");
    expect(texts[0]).toContain("2020-01-01");
    expect(texts[0]).toContain("2020-12-31");
  });

  it("a registration of the year before is an error", async () => {
    expect((await checkEdited({ [REG]: [["ngay: 2020-03-01", "ngay: 2019-12-31"]] })).lines).toEqual([`error ${REG}:1:7 date/out-of-window`]);
  });

  it("minutes dated 9999-12-31 are an error, without the out-of-month warning", async () => {
    const { lines, texts } = await checkEdited({ [MIN]: [["ngay: 2021-02-20", "ngay: 9999-12-31"]] });
    expect(lines).toEqual([`error ${MIN}:3:7 date/out-of-window`]);
    expect(texts[0]).toContain("2021-12-31");
  });

  it("the units' mid-year and year-end reports", async () => {
    const { lines } = await checkEdited({ [RES]: [["ngay_gui: 2020-06-10", "ngay_gui: 2021-06-10"], ["ngay_gui: 2021-01-20", "ngay_gui: 2022-01-20"]] });
    expect(lines).toEqual([`error ${RES}:2:13 date/out-of-window`, `error ${RES}:7:13 date/out-of-window`]);
  });

  it("the bloc's reports and the proposal", async () => {
    const { lines } = await checkEdited(
      {},
      { "data/2020/so-ket.md": report("2021-07-17"), "data/2020/tong-ket.md": report("2022-02-08"), "data/2020/to-trinh.md": proposal("1900-02-09") },
    );
    expect(lines.filter((l) => l.includes("date/"))).toEqual([
      "error data/2020/so-ket.md:3:7 date/out-of-window",
      "error data/2020/to-trinh.md:3:7 date/out-of-window",
      "error data/2020/tong-ket.md:3:7 date/out-of-window",
    ]);
  });

  it("the same documents inside the window pass", async () => {
    const { lines } = await checkEdited(
      {},
      { "data/2020/so-ket.md": report("2020-07-17"), "data/2020/tong-ket.md": report("2021-02-08"), "data/2020/to-trinh.md": proposal("2021-02-09") },
    );
    expect(lines.filter((l) => l.includes("date/"))).toEqual([]);
  });

  it("the timeline in nam.yaml: deadlines and months", async () => {
    const { lines } = await checkEdited({
      [NAM]: [
        ["dang_ky: 2020-03-15", "dang_ky: 2030-03-15"],
        ["bao_cao_so_ket: 2020-06-15", "bao_cao_so_ket: 2019-06-15"],
        ["so_ket_thang: 2020-07", "so_ket_thang: 2019-07"],
        ["bao_cao_tong_ket: 2021-01-31", "bao_cao_tong_ket: 2022-01-31"],
        ["tong_ket_thang: 2021-02", "tong_ket_thang: 2023-02"],
      ],
    });
    expect(lines.filter((l) => l.includes("date/"))).toEqual([
      `error ${NAM}:10:12 date/out-of-window`,
      `error ${NAM}:11:19 date/out-of-window`,
      `error ${NAM}:12:17 date/out-of-window`,
      `error ${NAM}:13:21 date/out-of-window`,
      `error ${NAM}:14:19 date/out-of-window`,
    ]);
  });

  it("the plan keeps its own check: in the emulation year", async () => {
    const { lines } = await checkEdited({ "data/2020/ke-hoach.md": [["ngay: 2020-02-05", "ngay: 2021-02-05"]] });
    expect(lines.filter((l) => l.includes("date/"))).toContain("error data/2020/ke-hoach.md:3:7 date/wrong-year");
  });
});

describe("months", () => {
  for (const month of ["2020-13", "2020-00", "2020-99"])
    it(`so_ket_thang: "${month}" is a located format error`, async () => {
      const { lines, texts } = await checkEdited({ [NAM]: [["so_ket_thang: 2020-07", `so_ket_thang: "${month}"`]] });
      expect(lines).toEqual([`error ${NAM}:12:17 schema/format`]);
      expect(texts[0]).toContain("moc_thoi_gian.so_ket_thang");
    });
  it(`tong_ket_thang: "2021-13" is a located format error`, async () => {
    expect((await checkEdited({ [NAM]: [["tong_ket_thang: 2021-02", `tong_ket_thang: "2021-13"`]] })).lines).toEqual([`error ${NAM}:14:19 schema/format`]);
  });
});
