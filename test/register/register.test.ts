/**
 * The bloc's register of outgoing documents (src/register/): numbers of a calendar year in order,
 * skipped and duplicate numbers marked, documents without a number listed after, one series or
 * one per code, the next free number; the example's registers of 2020 and 2021 (the workbook the
 * build writes), and `so-van-ban` with a duplicate in a real project.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { nextNumber, registerOf, type RegisterEntry } from "../../src/register/register.ts";
import { REGISTER_COLUMNS } from "../../src/register/workbook.ts";
import { cliInProcess } from "../helpers/cli-in-process.ts";
import { builtExample } from "../helpers/shared-example.ts";

const entry = (stem: string, number: number | null, code: string, date: string | null, dataYear = 2020): RegisterEntry => ({
  stem,
  dataYear,
  number,
  code,
  notation: `${code}-K8`,
  date,
  title: stem,
  signers: [],
  recipients: [],
  filing: "",
  copies: null,
});

describe("the register of a calendar year", () => {
  const entries = [
    entry("ke-hoach", 1, "KH", "2020-02-05"),
    entry("so-ket", 4, "BC", "2020-07-17"),
    entry("thong-bao", 4, "TB", "2020-07-20"),
    entry("tong-ket", null, "BC", null),
    entry("giay-moi", 1, "GM", "2021-01-25"),
    entry("bien-ban", 2, "BB", "2021-02-05"),
  ];

  it("lists one series in number order, with skipped numbers and duplicates marked and undated documents last", () => {
    const r = registerOf(entries, 2020, "one");
    expect(r.series).toHaveLength(1);
    expect(r.series[0]!.rows.map((x) => [x.number, x.to ?? null, x.entry?.stem ?? null, x.note])).toEqual([
      [1, null, "ke-hoach", ""],
      [2, 3, null, "so-bo-trong"],
      [4, null, "so-ket", "trung-so"],
      [4, null, "thong-bao", "trung-so"],
      [null, null, "tong-ket", "chua-cap-so"],
    ]);
    // A document of the 2020 emulation year dated 2021 is in 2021's register.
    expect(registerOf(entries, 2021, "one").series[0]!.rows.map((x) => x.entry?.stem)).toEqual(["giay-moi", "bien-ban"]);
  });

  it("keeps one series per code when the bloc numbers so", () => {
    const r = registerOf(entries, 2020, "per-code");
    expect(r.series.map((s) => [s.code, s.rows.map((x) => [x.number, x.note])])).toEqual([
      ["BC", [[1, "so-bo-trong"], [4, ""], [null, "chua-cap-so"]]],
      ["KH", [[1, ""]]],
      ["TB", [[1, "so-bo-trong"], [4, ""]]],
    ]);
  });

  it("gives a run of skipped numbers one row, however long (a mistyped 9999 is one row, not thousands)", () => {
    const r = registerOf([entry("ke-hoach", 1, "KH", "2020-03-01"), entry("so-ket", 9999, "BC", "2020-07-01"), entry("giay-moi", 3, "GM", "2020-12-01")], 2020, "one");
    expect(r.series[0]!.rows.map((x) => [x.number, x.to ?? null, x.note])).toEqual([
      [1, null, ""],
      [2, null, "so-bo-trong"],
      [3, null, ""],
      [4, 9998, "so-bo-trong"],
      [9999, null, ""],
    ]);
  });

  it("gives the next free number: after the year's highest, per series, 01 in a new year", () => {
    expect(nextNumber(entries, 2020, "one", "BC")).toBe(5);
    expect(nextNumber(entries, 2021, "one", "TTr")).toBe(3);
    expect(nextNumber(entries, 2020, "per-code", "KH")).toBe(2);
    expect(nextNumber(entries, 2020, "per-code", "TTr")).toBe(1);
    expect(nextNumber(entries, 2022, "one", "BC")).toBe(1);
  });
});

describe("the example's registers", () => {
  it("are built for 2020 and 2021 with the bloc's documents in number order", async () => {
    const { world } = await builtExample();
    const { default: ExcelJS } = await import("exceljs");
    const rows = async (year: number) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(world.files.get(`out/${year}/so-van-ban-${year}.xlsx`)!) as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      expect(String(ws.getCell(1, 1).value)).toContain(`SỔ ĐĂNG KÝ VĂN BẢN ĐI\nNăm ${year}`);
      expect(REGISTER_COLUMNS.map((_, i) => ws.getCell(3, i + 1).value)).toEqual([...REGISTER_COLUMNS]);
      const out: string[] = [];
      for (let r = 4; r <= ws.rowCount; r++) out.push([1, 2, 10].map((c) => String(ws.getCell(r, c).value ?? "")).join(" | "));
      return out;
    };
    expect(await rows(2020)).toEqual([
      "01/KH-K8 | 05/02/2020 | ",
      "02–04/…-K8 |  | Các số bị bỏ trống: không có văn bản nào mang các số này",
      "05/BC-K8 | 17/07/2020 | ",
    ]);
    expect(await rows(2021)).toEqual(["01/GM-K8 | 25/01/2021 | ", "02/BB-K8 | 05/02/2021 | ", "03/BC-K8 | 08/02/2021 | ", "04/TTr-K8 | 09/02/2021 | "]);
  });
});

describe("so-van-ban", () => {
  const dir = mkdtempSync(join(tmpdir(), "so-van-ban-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  cpSync("data", join(dir, "data"), { recursive: true });
  cpSync("templates", join(dir, "templates"), { recursive: true });
  // Two documents with one number in one year: the invitation given the minutes' number 02.
  const gm = join(dir, "data/2020/giay-moi.md");
  writeFileSync(gm, readFileSync(gm, "utf8").replace(/^so: 1$/m, "so: 2"));

  it("prints the register with the duplicate marked on both documents", async () => {
    const r = await cliInProcess(["so-van-ban", "--year", "2021"], dir);
    expect(r.code).toBe(0);
    const lines = r.out.split("\n").filter((l) => l.includes("Trùng số"));
    expect(lines.map((l) => l.trim().slice(0, 8))).toEqual(["02/GM-K8", "02/BB-K8"]);
    expect(r.out).toContain("01/…-K8");
  });

  it("is said by validate too: a warning at the second document's so, naming the first", async () => {
    const r = await cliInProcess(["validate"], dir);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/data\/2020\/bien-ban\.md:2:\d+: cảnh báo \[dup\/series-number\] Số 02 năm 2021 đã cấp cho 02\/GM-K8/);
  });

  it("gives the next number of a year, and refuses a code the bloc does not have", async () => {
    expect((await cliInProcess(["so-van-ban", "--tiep-theo", "TTr", "--year", "2021"], dir)).out).toBe("05/TTr-K8\n");
    expect((await cliInProcess(["so-van-ban", "--tiep-theo", "KH", "--year", "2022"], dir)).out).toBe("01/KH-K8\n");
    const bad = await cliInProcess(["so-van-ban", "--tiep-theo", "XYZ", "--lang", "en"], dir);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("BB, BC, GM, KH, TTr");
  });
});
