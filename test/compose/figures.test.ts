/**
 * Issue 14 item 4: every computed value of the year (scores, ranks, votes,
 * thresholds, who was late, who has no report) is a template value and every
 * computed table is usable by name in every report and minutes body.
 * Expected numbers are those of the committed out/2020/bao-cao-tong-ket and
 * bien-ban-binh-bau (read by hand), not recomputed here.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { yearFigures } from "../../src/compose/figures.ts";
import { YEAR_TABLE_NAMES, yearTables } from "../../src/compose/tables.ts";
import { formatDiagnostic } from "../../src/diagnostics/format.ts";
import { checkProject } from "../../src/pipeline.ts";
import { exampleWorld } from "../helpers/example.ts";
import { REPO } from "../helpers/fixture-world.ts";

const dec = new TextDecoder();
const example = exampleWorld();
const fileOf = (path: string) => dec.decode(example.files.get(path)!);

/** Every text of a composed block list, in order, one string a paragraph or cell. */
function texts(x: unknown, out: string[] = []): string[] {
  if (Array.isArray(x)) for (const y of x) texts(y, out);
  else if (x && typeof x === "object") {
    const o = x as Record<string, unknown>;
    if (Array.isArray(o["runs"])) out.push((o["runs"] as { text: string }[]).map((r) => r.text).join(""));
    else if (Array.isArray(o["paragraphs"])) for (const p of o["paragraphs"] as { text: string }[][]) out.push(p.map((r) => r.text).join(""));
    else for (const v of Object.values(o)) texts(v, out);
  }
  return out;
}

async function exampleModel() {
  const { models } = await checkProject(exampleWorld());
  expect(models).toHaveLength(1);
  return models[0]!;
}

describe("the year's figures on the example", () => {
  it("scores per unit in rank order, as the committed score table shows them", async () => {
    const f = yearFigures(await exampleModel());
    const row = (d: (typeof f.diem)[number]) => [d.xep_hang, d.ma, d.tu_cham, d.khoi_cham, d.cong, d.tru, d.tong];
    expect(f.diem.map(row)).toEqual([
      [1, "so-y-te", 100, 99.5, 3, 0, 102.5],
      [2, "so-gddt", 100, 99, 2, 0, 101],
      [3, "so-ldtbxh", 100, 99, 1.5, 0, 100.5],
      [4, "svhttdl", 99.5, 99, 1, 0, 100],
      [5, "dai-ptth", 100, 98.5, 1, 0, 99.5],
      [5, "bao-tra-vinh", 100, 99, 0.5, 0, 99.5],
      [7, "so-tttt", 99, 98, 1, 0, 99],
      [8, "so-khcn", 99.5, 97.5, 0.5, 0, 98],
      [9, "dh-tra-vinh", 100, 98, 0, 1, 97],
      [10, "ban-dan-toc", 98, 96.5, 0, 1.5, 95],
    ]);
    expect(f.diem[0]).toMatchObject({ stt: 1, ten: "Sở Y tế", ten_ngan: "Sở Y tế", diem_chuan: 100, tong_vn: "102,5" });
    expect(f.diem_theo_don_vi["bao-tra-vinh"]).toMatchObject({ tong: 99.5, tong_vn: "99,5", xep_hang: 5, ten: "Báo Trà Vinh" });
    expect(Object.keys(f.diem_theo_don_vi)).toHaveLength(10);
  });

  it("who registered and reported on time, late, or not at all, with the dates", async () => {
    const f = yearFigures(await exampleModel());
    expect(f.dang_ky.han).toBe("2020-03-15");
    expect(f.dang_ky.tre_han).toEqual([expect.objectContaining({ ma: "ban-dan-toc", ten: "Ban Dân tộc tỉnh", ngay: "2020-03-19" })]);
    expect(f.dang_ky.dung_han.map((u) => u.ma)).toHaveLength(9);
    expect(f.dang_ky.dung_han.find((u) => u.ma === "svhttdl")?.ngay).toBe("2020-02-24");
    expect(f.dang_ky).toMatchObject({ chua_gui: [], so_da_gui: 10, so_dung_han: 9, so_tre_han: 1, so_chua_gui: 0 });
    expect(f.so_ket).toMatchObject({ han: "2020-06-15", tre_han: [], chua_gui: [], so_da_gui: 10, so_dung_han: 10 });
    // so-khcn sent its mid-year report on the deadline day: on time.
    expect(f.so_ket.dung_han.find((u) => u.ma === "so-khcn")).toMatchObject({ ngay: "2020-06-15", so_chi_tieu: 10, so_dat_50: 7, ty_le_binh_quan: 67, ty_le_binh_quan_vn: "67,0%" });
    expect(f.tong_ket).toMatchObject({ han: "2021-01-31", tre_han: [], chua_gui: [], so_da_gui: 10, so_dung_han: 10 });
  });

  it("the vote per award: counts, ratios, who reached the threshold, who is proposed", async () => {
    const f = yearFigures(await exampleModel());
    expect(f.binh_bau).toMatchObject({ nguong: "2/3", co_so: "tổng số 10 đơn vị thành viên", so_co_so: 10, tinh_tren: "thanh_vien" });
    const [co, bk] = f.binh_bau.danh_hieu;
    expect(co).toMatchObject({ stt: 1, ma: "co-thi-dua", ten: "Cờ thi đua của Ủy ban nhân dân tỉnh", chi_tieu: 1, bang: "phieu-co-thi-dua" });
    expect(co!.phieu).toEqual({ phat_ra: 9, thu_vao: 9, hop_le: 9, khong_hop_le: 0 });
    expect(co!.ket_qua.map((r) => [r.ma, r.phieu, r.ty_le_vn, r.dat_nguong, r.de_nghi])).toEqual([
      ["so-y-te", 8, "80%", true, true],
      ["so-gddt", 1, "10%", false, false],
    ]);
    expect(co!.ket_qua[0]!.ty_le).toBeCloseTo(0.8, 12);
    expect(bk!.dat_nguong.map((r) => `${r.ten} ${r.phieu} ${r.ty_le_vn}`)).toEqual(["Sở Giáo dục và Đào tạo 8 80%", "Sở Lao động - Thương binh và Xã hội 7 70%"]);
    expect(bk!.de_nghi.map((r) => r.ma)).toEqual(["so-gddt", "so-ldtbxh"]);
    expect(bk!.bang_phieu).toEqual([]);
    expect(f.binh_bau.theo_danh_hieu["bang-khen"]!.chi_tieu).toBe(2);
    expect(f.binh_bau.de_nghi.map((r) => `${r.ma} ${r.danh_hieu}`)).toEqual(["so-y-te co-thi-dua", "so-gddt bang-khen", "so-ldtbxh bang-khen"]);
    expect(f.hop_binh_bau).toEqual({ ngay: "2021-02-05", so_co_mat: 9, so_vang_mat: 1 });
  });

  it("a tie at the quota is listed, not proposed", async () => {
    const m = await exampleModel();
    const tied = { ...m, votes: m.votes.map((v) => (v.awardId === "bang-khen" ? { ...v, proposed: ["so-gddt"], tiedAtQuota: ["so-ldtbxh", "svhttdl"], rounds: v.rounds.map((r) => ({ ...r, proposed: ["so-gddt"], tiedAtQuota: ["so-ldtbxh", "svhttdl"] })) } : v)) };
    const bk = yearFigures(tied).binh_bau.theo_danh_hieu["bang-khen"]!;
    expect(bk.bang_phieu.map((r) => r.ten)).toEqual(["Sở Lao động - Thương binh và Xã hội", "Sở Văn hóa, Thể thao và Du lịch"]);
    expect(bk.de_nghi.map((r) => r.ma)).toEqual(["so-gddt"]);
  });

  it("the year's tables by name: scores, the mid-year results, each award's vote, the proposal, late and missing units", async () => {
    const m = await exampleModel();
    const tables = yearTables(m);
    expect([...tables.keys()]).toEqual([
      "tong-hop-diem", "ket-qua-6-thang", "phieu-co-thi-dua", "phieu-bang-khen", "danh-sach-de-nghi", "ket-qua-binh-bau", "tre-han-dang-ky", "tre-han-so-ket", "tre-han-tong-ket",
    ]);
    expect(texts(tables.get("tre-han-dang-ky"))).toEqual(["STT", "Đơn vị", "Hạn gửi", "Ngày gửi", "1", "Ban Dân tộc tỉnh", "15/03/2020", "19/03/2020"]);
    expect(texts(tables.get("tre-han-so-ket"))).toEqual(["Tất cả các đơn vị đã gửi đúng thời hạn."]);
    // a unit with no report is listed as not sent
    const missing = { ...m, results: new Map([...m.results].filter(([id]) => id !== "so-tttt")) };
    expect(texts(yearTables(missing).get("tre-han-tong-ket"))).toEqual(["STT", "Đơn vị", "Hạn gửi", "Ngày gửi", "1", "Sở Thông tin và Truyền thông", "31/01/2021", "Chưa gửi"]);
    expect(texts(yearTables(missing).get("ket-qua-6-thang")).join("|")).toContain("Sở Thông tin và Truyền thông|10|Chưa báo cáo");
  });
});

describe("figures and tables in the example's bodies", () => {
  const soKet = fileOf("data/2020/so-ket.md");
  const tongKet = fileOf("data/2020/tong-ket.md");

  it("values by unit id and any year table in any report body", async () => {
    const body = `${soKet.trimEnd()}\n\nSở Y tế đạt {{diem_vn diem_theo_don_vi.so-y-te.tong}} điểm ({{diem_theo_don_vi.so-y-te.tong_vn}}), xếp hạng {{diem_theo_don_vi.so-y-te.xep_hang}}; {{dang_ky.so_tre_han}} đơn vị đăng ký trễ: {{#each dang_ky.tre_han}}{{ten}} ({{ngay_ngan ngay}}){{/each}}.\n\n{{bang "tong-hop-diem"}}\n\n{{bang "phieu-bang-khen"}}\n`;
    const tk = tongKet.replace("# II. ĐÁNH GIÁ CHUNG", '{{#each binh_bau.danh_hieu}}\n{{ten}}: {{#each dat_nguong}}{{ten}} {{phieu}}/{{../so_co_so}} ({{ty_le_vn}}){{/each}}\n{{/each}}\n\n{{bang "tre-han-dang-ky"}}\n\n# II. ĐÁNH GIÁ CHUNG');
    const { diagnostics, documents } = await checkProject(exampleWorld({ "data/2020/so-ket.md": body, "data/2020/tong-ket.md": tk }));
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const sk = texts(documents.find((d) => d.doc.stem === "bao-cao-so-ket")!.doc.body);
    expect(sk).toContain("Sở Y tế đạt 102,5 điểm (102,5), xếp hạng 1; 1 đơn vị đăng ký trễ: Ban Dân tộc tỉnh (19/3/2020).");
    // the score table (owned by tong-ket) and a vote table (owned by the minutes) in the mid-year report
    expect(sk.join("|")).toContain("Xếp hạng|1|Sở Y tế|100|100|99,5|3|0|102,5|1");
    expect(sk.join("|")).toContain("Số phiếu đồng ý|Tỷ lệ|1|Sở Giáo dục và Đào tạo|8|80%");
    const t = texts(documents.find((d) => d.doc.stem === "bao-cao-tong-ket")!.doc.body);
    expect(t).toContain("Cờ thi đua của Ủy ban nhân dân tỉnh: Sở Y tế 8/10 (80%)");
    expect(t.join("|")).toContain("Ngày gửi|1|Ban Dân tộc tỉnh|15/03/2020|19/03/2020");
  });

  it("a misspelt unit id is a located error that names the close ids", async () => {
    const lines = soKet.split("\n").length;
    const body = `${soKet.trimEnd()}\n\nĐiểm: {{diem_theo_don_vi.so-y-tee.tong}}.\n`;
    const { diagnostics } = await checkProject(exampleWorld({ "data/2020/so-ket.md": body }));
    const errors = diagnostics.filter((d) => d.severity === "error");
    expect(errors.map((d) => `${d.pos.file}:${d.pos.line} ${d.code}`)).toEqual([`data/2020/so-ket.md:${lines + 1} template/missing-value`]);
    expect(String(errors[0]!.params.known).split(", ")[0]).toBe("so-y-te");
  });

  it("an unknown table lists the year's tables", async () => {
    const body = `${soKet.trimEnd()}\n\n{{bang "tong-hop-diemm"}}\n`;
    const { diagnostics } = await checkProject(exampleWorld({ "data/2020/so-ket.md": body }));
    const errors = diagnostics.filter((d) => d.severity === "error");
    expect(errors.map((d) => d.code)).toEqual(["template/unknown-table"]);
    expect(formatDiagnostic(errors[0]!, "vi")).toContain("tong-hop-diem, ket-qua-6-thang, phieu-co-thi-dua, phieu-bang-khen, danh-sach-de-nghi, ket-qua-binh-bau, tre-han-dang-ky, tre-han-so-ket, tre-han-tong-ket");
  });
});

describe("docs/du-lieu.md", () => {
  const readme = readFileSync(join(REPO, "docs", "du-lieu.md"), "utf8");
  it("names every top-level figure and every year table", async () => {
    const m = await exampleModel();
    const missing = [...Object.keys(yearFigures(m)), ...YEAR_TABLE_NAMES].filter((k) => !readme.includes(`\`${k}\``));
    expect(missing).toEqual([]);
    // and the list of names is the tables' own: each table of the year is one of them
    const named = (t: string) => YEAR_TABLE_NAMES.some((n) => n === t || (n.endsWith("<mã danh hiệu>") && t.startsWith(n.slice(0, n.indexOf("<")))));
    expect([...yearTables(m).keys()].filter((t) => !named(t))).toEqual([]);
  });
});

describe("a printed dotted path is strict at every name", () => {
  it("names the misspelt name in the middle with the close names, at the path; same text when every name exists", async () => {
    const { renderTemplate } = await import("../../src/compose/handlebars.ts");
    const { Diagnostics } = await import("../../src/diagnostics/diagnostic.ts");
    const { stripMarks } = await import("../../src/compose/marks.ts");
    const ctx = { a: { "so-y-te": { tong: 102.5 }, ten: "Sở" }, this_x: { y: "z" } };
    const run = (text: string) => {
      const diags = new Diagnostics();
      const r = renderTemplate(text, ctx, { file: "t.md", line: 1 }, diags);
      return { text: r && stripMarks(r.text), diags: diags.items.map((d) => ({ code: d.code, column: d.pos.column, ...d.params })) };
    };
    expect(run("x {{a.so-y-tee.tong}}").diags).toEqual([{ code: "template/missing-value", column: 5, name: "so-y-tee", known: "so-y-te", detail: "a.so-y-tee.tong" }]);
    expect(run("{{a.so-y-te.tong}} {{{a.ten}}} {{this.a.ten}} {{this_x.y}}")).toEqual({ text: "102.5 Sở Sở z", diags: [] });
    // a name of a text value is still the error Handlebars gives
    expect(run("{{a.ten.x}}").diags.map((d) => d.code)).toEqual(["template/error"]);
  });
});
