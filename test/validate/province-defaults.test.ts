/**
 * The province's defaults for the year it gathers (tinh.yaml: binh_bau, moc_thoi_gian, can_cu,
 * han_ho_so), given to each bloc as ProvinceInput.year: under nam.yaml's own, key by key; căn cứ
 * lines for a plan or proposal that gives none; a proposal dated after the province's deadline
 * for dossiers is a warning at its date. Only the bloc's folder of that year takes them.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Diagnostics } from "../../src/diagnostics/diagnostic.ts";
import { formatDiagnostic } from "../../src/diagnostics/format.ts";
import { checkProject, readProject } from "../../src/pipeline.ts";
import { memoryWorld } from "../../src/io/memory-world.ts";
import { readProvinceSettings } from "../../src/province/settings.ts";
import type { ProvinceInput, ProvinceYear } from "../../src/validate/province-input.ts";
import { exampleWorld } from "../helpers/example.ts";

const nam = readFileSync("data/2020/nam.yaml", "utf8");
const plan = readFileSync("data/2020/ke-hoach.md", "utf8");
/** nam.yaml without its moc_thoi_gian and binh_bau (the file's last two blocks). */
const bareYear = nam.slice(0, nam.indexOf("moc_thoi_gian:"));
const RULES = {
  nguong: "1/2",
  co_so: "thanh_vien",
  danh_hieu: [
    { ma: "co-thi-dua", ten: "Cờ thi đua của Ủy ban nhân dân tỉnh", chi_tieu: 1 },
    { ma: "bang-khen", ten: "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", chi_tieu: 2 },
  ],
};
const DEADLINES = { dang_ky: "2020-03-10", bao_cao_so_ket: "2020-06-15", so_ket_thang: "2020-07", bao_cao_tong_ket: "2021-01-31", tong_ket_thang: "2021-02" };
const province = (year: Omit<ProvinceYear, "nam"> & { nam?: number }): ProvinceInput => ({ defaults: { tinh: "Trà Vinh" }, bases: [], year: { nam: 2020, ...year } });

async function validYear(files: Record<string, string>, p?: ProvinceInput) {
  const diags = new Diagnostics();
  const { valid } = await readProject(exampleWorld(files), diags, "data", { documents: true, ...(p ? { province: p } : {}) });
  return { year: valid?.years[0]?.year.data, errors: diags.sorted().filter((d) => d.severity === "error"), said: diags.sorted().map((d) => formatDiagnostic(d, "vi").split("\n")[0]!) };
}

describe("the province's year defaults", () => {
  it("give nam.yaml the vote rules and deadlines it leaves out", async () => {
    const without = await validYear({ "data/2020/nam.yaml": bareYear });
    expect(without.errors.map((d) => d.code)).toContain("schema/missing");
    const given = await validYear({ "data/2020/nam.yaml": bareYear }, province({ binh_bau: RULES, moc_thoi_gian: DEADLINES }));
    expect(given.errors).toEqual([]);
    expect(given.year?.binh_bau.nguong).toBe("1/2");
    expect(given.year?.binh_bau.danh_hieu.map((a) => a.ma)).toEqual(["co-thi-dua", "bang-khen"]);
    expect(given.year?.moc_thoi_gian.dang_ky).toBe("2020-03-10");
  });

  it("lie under the bloc's own, key by key", async () => {
    // nam.yaml keeps its whole binh_bau (2/3) and its deadlines; the province's give nothing it has.
    const own = await validYear({}, province({ binh_bau: { nguong: "1/2" }, moc_thoi_gian: { dang_ky: "2020-03-01" } }));
    expect(own.errors).toEqual([]);
    expect(own.year?.binh_bau.nguong).toBe("2/3");
    expect(own.year?.moc_thoi_gian.dang_ky).toBe("2020-03-15");
    // Without its own threshold, the bloc takes the province's and keeps the rest of its rules.
    const partial = await validYear({ "data/2020/nam.yaml": nam.replace(/^ {2}nguong: 2\/3\n/m, "") }, province({ binh_bau: { nguong: "1/2", co_so: "co_mat" } }));
    expect(partial.errors).toEqual([]);
    expect(partial.year?.binh_bau.nguong).toBe("1/2");
    expect(partial.year?.binh_bau.co_so).toBe("thanh_vien");
  });

  it("are named as the province's when a date is late against one", async () => {
    const late = (said: string[]) => said.filter((l) => l.includes("ban-dan-toc.yaml") && l.includes("date/late"));
    // ban-dan-toc registered on 19/3/2020; nam.yaml's deadline is 15/3.
    expect(late((await validYear({})).said)).toEqual([expect.stringContaining("sau hạn 2020-03-15 (moc_thoi_gian trong nam.yaml)")]);
    const given = await validYear({ "data/2020/nam.yaml": bareYear }, province({ binh_bau: RULES, moc_thoi_gian: DEADLINES }));
    expect(late(given.said)).toEqual([expect.stringContaining("sau hạn 2020-03-10 (moc_thoi_gian trong tinh.yaml)")]);
  });

  it("say a căn cứ line the province gave that cites a document past its end as the province's", async () => {
    const p: ProvinceInput = { ...province({ can_cu: { "to-trinh": ["Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ"] } }), bases: [{ so_hieu: "91/2017/NĐ-CP", het_hieu_luc: "2021-01-01" }] };
    const proposal = readFileSync("data/2020/to-trinh.md", "utf8").replace(/^can_cu:\n(  - .*\n)+/m, "");
    const { said } = await validYear({ "data/2020/to-trinh.md": proposal }, p);
    expect(said.filter((l) => l.includes("basis/expired"))).toEqual([
      "data/2020/to-trinh.md:2:1: cảnh báo [basis/expired] Dòng căn cứ dẫn 91/2017/NĐ-CP, văn bản này hết hiệu lực từ ngày 1/1/2021, trước ngày của văn bản (9/2/2021) (dòng căn cứ do tinh.yaml của tỉnh đưa vào)",
    ]);
  });

  it("in tinh.yaml: an award named twice, a deadline for dossiers outside the year, a key that is no bloc's id: errors at their lines", async () => {
    const diags = new Diagnostics();
    await readProvinceSettings(
      memoryWorld({ "tinh.yaml": 'tinh: Trà Vinh\nnam: 2020\nkhoi_noi_khac:\n  "__proto__": ../a\nhan_ho_so: 1999-01-01\nbinh_bau:\n  danh_hieu:\n    - { ma: a, ten: A, chi_tieu: 1 }\n    - { ma: a, ten: B, chi_tieu: 1 }\n' }),
      diags,
    );
    expect(diags.sorted().map((d) => `${d.pos.line} ${d.code}`)).toEqual(["4 tinh/bad-bloc-id", "5 date/out-of-window", "9 dup/id"]);
  });

  it("in tinh.yaml: a deadline outside the province's year is an error at its line", async () => {
    const diags = new Diagnostics();
    const s = await readProvinceSettings(memoryWorld({ "tinh.yaml": "tinh: Trà Vinh\nnam: 2020\nmoc_thoi_gian:\n  dang_ky: 2019-03-15\n" }), diags);
    expect(s).toBeDefined();
    expect(diags.sorted().map((d) => formatDiagnostic(d, "vi").split("\n")[0])).toEqual([
      "tinh.yaml:4:12: lỗi [date/out-of-window] Hạn gửi đăng ký (moc_thoi_gian.dang_ky): 2019-03-15 nằm ngoài thời gian của năm thi đua 2020 (từ 2020-01-01 đến 2020-12-31)",
    ]);
  });

  it("reach only the year the province gathers", async () => {
    const other = await validYear({ "data/2020/nam.yaml": bareYear }, province({ nam: 2021, binh_bau: RULES, moc_thoi_gian: DEADLINES }));
    expect(other.errors.map((d) => d.code)).toContain("schema/missing");
  });

  it("give the căn cứ lines to a plan without its own; a proposal with its own keeps them", async () => {
    const lines = ["Căn cứ Nghị định số 152/2025/NĐ-CP ngày 26 tháng 6 năm 2025 của Chính phủ", "Căn cứ Quyết định số 063/2025/QĐ-UBND của Ủy ban nhân dân tỉnh"];
    const { diagnostics, documents } = await checkProject(exampleWorld(), "data", undefined, province({ can_cu: { "ke-hoach": lines, "to-trinh": ["Căn cứ gì đó"] } }));
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const bases = (type: string) => documents.find((d) => d.type === type)?.doc.bases;
    expect(bases("ke-hoach")).toEqual([`${lines[0]};`, `${lines[1]}.`]);
    expect(bases("to-trinh")?.[0]).toMatch(/^Căn cứ Luật Thi đua, Khen thưởng ngày 26 tháng 11 năm 2003/);
    // A plan that writes can_cu, even empty, keeps its own.
    const empty = await checkProject(exampleWorld({ "data/2020/ke-hoach.md": plan.replace(/^trich_yeu:/m, "can_cu: []\ntrich_yeu:") }), "data", undefined, province({ can_cu: { "ke-hoach": lines } }));
    expect(empty.documents.find((d) => d.type === "ke-hoach")?.doc.bases).toBeUndefined();
  });

  it("say a proposal dated after the province's deadline for dossiers, at its date", async () => {
    const late = await validYear({}, province({ han_ho_so: "2021-01-31" }));
    expect(late.said).toContain("data/2020/to-trinh.md:3:7: cảnh báo [tinh/dossier-late] Tờ trình ghi ngày 9/2/2021, sau hạn gửi hồ sơ về tỉnh (31/1/2021) 9 ngày");
    const inTime = await validYear({}, province({ han_ho_so: "2021-02-09" }));
    expect(inTime.said.some((l) => l.includes("dossier-late"))).toBe(false);
  });
});
