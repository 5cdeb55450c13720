/**
 * Document numbers: two of the bloc's documents of one series (type code) and
 * calendar year may not share a number; the error names both files (file:line of
 * each `so:`). Units' registrations are numbered in each unit's own series.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../src/diagnostics/format.ts";
import { checkProject } from "../../src/pipeline.ts";
import { FIXTURES, fixtureWorld } from "../helpers/fixture-world.ts";

const dup = async (extra: Record<string, string> = {}) => {
  const { diagnostics } = await checkProject(fixtureWorld("doc-numbers", extra));
  return { all: diagnostics, dup: diagnostics.filter((d) => d.code === "dup/doc-number") };
};

describe("document numbers in the bloc's series", () => {
  it("two reports (BC) of 2020 numbered 2: an error naming both files", async () => {
    const { all, dup: d } = await dup();
    expect(all.filter((x) => x.severity === "error")).toEqual(d);
    expect(d.map((x) => formatDiagnostic(x, "vi"))).toEqual([
      "data/2020/tong-ket.md:2:5: lỗi [dup/doc-number] Số văn bản 02/BC-K9 năm 2020 dùng cho hai văn bản cùng loại: data/2020/so-ket.md:2 và data/2020/tong-ket.md:2\n" +
        "    → Mỗi văn bản trong sổ của Khối (cùng mã loại, cùng năm) có một số riêng: sửa “so” ở một trong hai tệp, hoặc bỏ trống để văn thư cấp số khi ký.",
    ]);
    expect(formatDiagnostic(d[0]!, "en")).toBe(
      "data/2020/tong-ket.md:2:5: error [dup/doc-number] Document number 02/BC-K9 of 2020 is used by two documents of one series: data/2020/so-ket.md:2 and data/2020/tong-ket.md:2\n" +
        "    → Each document of a series (type code and year) needs its own number: change “so” in one of the two files, or leave it blank for the records office.",
    );
  });

  it("the same number in another series (the plan KH 1, the units' registrations 1) or another year is no error", async () => {
    const { dup: d } = await dup({
      "data/2020/tong-ket.md": readFileSync(join(FIXTURES, "doc-numbers/data/2020/tong-ket.md"), "utf8").replace("so: 2", "so: 1").replace("2020-12-28", "2021-01-20"),
      "data/2020/so-ket.md": readFileSync(join(FIXTURES, "doc-numbers/data/2020/so-ket.md"), "utf8").replace("so: 2", "so: 1"),
    });
    expect(d).toEqual([]);
  });

  it("two units' registrations both numbered 1: each in its own series, no error", async () => {
    const { all } = await dup({ "data/2020/tong-ket.md": readFileSync(join(FIXTURES, "doc-numbers/data/2020/tong-ket.md"), "utf8").replace("so: 2", "so: 3") });
    expect(all.filter((x) => x.severity === "error")).toEqual([]);
  });

  it("a year-end report dated in January shares the next year's register with that year's documents (across year folders)", async () => {
    const nam = readFileSync(join(FIXTURES, "minimal/data/2020/nam.yaml"), "utf8").replace(/2021/g, "2022").replace(/2020/g, "2021");
    const plan = readFileSync(join(FIXTURES, "minimal/data/2020/ke-hoach.md"), "utf8").replace(/2020/g, "2021");
    const tongKet = readFileSync(join(FIXTURES, "doc-numbers/data/2020/tong-ket.md"), "utf8").replace("so: 2", "so: 3").replace("2020-12-28", "2021-01-20");
    const soKet2021 = readFileSync(join(FIXTURES, "doc-numbers/data/2020/so-ket.md"), "utf8").replace("so: 2", "so: 3").replace(/2020/g, "2021");
    const { dup: d } = await dup({ "data/2020/tong-ket.md": tongKet, "data/2021/nam.yaml": nam, "data/2021/ke-hoach.md": plan, "data/2021/so-ket.md": soKet2021 });
    expect(d.map((x) => formatDiagnostic(x, "vi").split("\n")[0])).toEqual([
      "data/2021/so-ket.md:2:5: lỗi [dup/doc-number] Số văn bản 03/BC-K9 năm 2021 dùng cho hai văn bản cùng loại: data/2020/tong-ket.md:2 và data/2021/so-ket.md:2",
    ]);
  });
});
