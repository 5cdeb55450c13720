/**
 * Căn cứ lines against the legal documents' terms (src/validate/legal-bases.ts): a line citing a
 * document that no longer applies, or does not apply yet, on the citing document's own date is a
 * warning at that line; the bloc's own entry wins over the province's.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../src/diagnostics/format.ts";
import { checkProject } from "../../src/pipeline.ts";
import { checkBases, mergeBases } from "../../src/validate/legal-bases.ts";
import { exampleWorld } from "../helpers/example.ts";

const khoi = readFileSync("data/khoi.yaml", "utf8");

describe("legal bases", () => {
  it("match a line by its number and notation, whatever the case and spaces", () => {
    const lines = ["Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017", "Căn cứ Quyết định số 12/2018/QĐ-UBND ngày 20 tháng 8 năm 2018"];
    expect(checkBases(lines, "2021-02-09", [{ so_hieu: "91/2017/nđ-cp", het_hieu_luc: "2021-02-09" }])).toEqual([{ line: 0, basis: { so_hieu: "91/2017/nđ-cp", het_hieu_luc: "2021-02-09" }, kind: "expired" }]);
    expect(checkBases(lines, "2021-02-08", [{ so_hieu: "91/2017/NĐ-CP", het_hieu_luc: "2021-02-09" }])).toEqual([]);
    expect(checkBases(lines, "2021-02-09", [{ so_hieu: "12/2018/QĐ-UBND", hieu_luc: "2021-03-01" }]).map((f) => [f.line, f.kind])).toEqual([[1, "not-yet"]]);
    // A whole number, never a part of one or of a word; the look-alike Ð is Đ.
    expect(checkBases(["Căn cứ Nghị định số 191/2017/NĐ-CP"], "2021-02-09", [{ so_hieu: "91/2017/NĐ-CP", het_hieu_luc: "2020-01-01" }])).toEqual([]);
    expect(checkBases(lines, "2021-02-09", [{ so_hieu: "1/2017/NĐ-CP", het_hieu_luc: "2020-01-01" }, { so_hieu: "C", het_hieu_luc: "2020-01-01" }])).toEqual([]);
    expect(checkBases(["Căn cứ Nghị định số 91 / 2017 / NÐ-CP"], "2021-02-09", [{ so_hieu: "91/2017/NĐ-CP", het_hieu_luc: "2020-01-01" }])).toHaveLength(1);
    expect(mergeBases([{ so_hieu: "91/2017/NĐ-CP" }], [{ so_hieu: "91/2017/nđ-cp", het_hieu_luc: "2020-01-01" }, { so_hieu: "152/2025/NĐ-CP", het_hieu_luc: "2027-03-01" }])).toEqual([{ so_hieu: "91/2017/NĐ-CP" }, { so_hieu: "152/2025/NĐ-CP", het_hieu_luc: "2027-03-01" }]);
  });

  it("in khoi.yaml: a document citing one past its end on its own date is warned at that line", async () => {
    const world = exampleWorld({
      "data/khoi.yaml": khoi + "van_ban_phap_ly:\n  - so_hieu: 91/2017/NĐ-CP\n    het_hieu_luc: 2021-01-01\n  - so_hieu: 12/2018/QĐ-UBND\n    hieu_luc: 2018-09-01\n",
    });
    const { diagnostics } = await checkProject(world, "data");
    const said = diagnostics.filter((d) => d.code.startsWith("basis/")).map((d) => formatDiagnostic(d, "vi").split("\n")[0]!);
    // The Tờ trình (9/2/2021) and the year-end report (8/2/2021) cite it after its end; the plan (5/2/2020) before.
    expect(said).toContain("data/2020/to-trinh.md:14:5: cảnh báo [basis/expired] Dòng căn cứ dẫn 91/2017/NĐ-CP, văn bản này hết hiệu lực từ ngày 1/1/2021, trước ngày của văn bản (9/2/2021)");
    expect(said.some((l) => l.includes("ke-hoach.md"))).toBe(false);
    // Quyết định 12/2018 applies from 1/9/2018: every 2020 document is after it.
    expect(said.some((l) => l.includes("12/2018"))).toBe(false);
  });
});
