/**
 * Deadlines in the province's view: each bloc's units that sent on time, late or not yet at each
 * of its own deadlines (the report's appendix and the page), and the province's deadline for the
 * blocs' dossiers (tinh.yaml han_ho_so): each bloc's proposal date against it, the late ones said
 * in the report's text, on the overview page and in the workbook's list of what to settle.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Block } from "../../src/document/model.ts";
import { mergeProvince } from "../../src/province/merge.ts";
import { provinceHtml } from "../../src/province/province-html.ts";
import { provinceReport } from "../../src/province/province-report.ts";
import type { ResultsFile } from "../../src/results/schema.ts";

const k8 = JSON.parse(readFileSync("out/2020/ket-qua-2020.json", "utf8")) as ResultsFile;
// A second bloc whose proposal is dated 20/1/2021.
const k9: ResultsFile = { ...k8, khoi: { ...k8.khoi, ma: "K9", ten_ngan: "Khối 9" }, van_ban: k8.van_ban.map((d) => (d.loai === "to-trinh" ? { ...d, ngay: "2021-01-20" } : d)) };
const blocs = [
  { id: "k8", file: "khoi/k8/out/2020/ket-qua-2020.json", results: k8 },
  { id: "k9", file: "ket-qua/2020/k9.json", results: k9 },
];
const text = (blocks: readonly Block[]) => blocks.map((b) => ("runs" in b ? b.runs.map((r) => r.text).join("") : "")).join("\n");

describe("the deadline for dossiers in the province's view", () => {
  it("sets each bloc's proposal against it", () => {
    const v = mergeProvince("Trà Vinh", 2020, blocs, [], { due: "2021-01-31" });
    expect(v.han_ho_so).toBe("2021-01-31");
    expect(v.khoi.map((b) => b.ho_so)).toEqual([
      { han: "2021-01-31", ngay: "2021-02-09", tre_ngay: 9 },
      { han: "2021-01-31", ngay: "2021-01-20", tre_ngay: 0 },
    ]);
    const none = mergeProvince("Trà Vinh", 2020, blocs, []);
    expect(none.han_ho_so).toBeNull();
    expect(none.khoi.map((b) => b.ho_so)).toEqual([null, null]);
  });

  it("says the late blocs in the report and on the page", () => {
    const v = mergeProvince("Trà Vinh", 2020, blocs, [], { due: "2021-01-31" });
    const body = text(provinceReport(v, { tinh: "Trà Vinh", nam: 2020 }).body);
    expect(body).toContain("Hạn gửi hồ sơ đề nghị khen thưởng về tỉnh: ngày 31/01/2021; 2 khối đã trình, 1 khối trình sau hạn: Khối 8 (tờ trình ngày 09/02/2021, trễ 9 ngày).");
    const html = provinceHtml(v);
    expect(html).toContain("<li><strong>Khối 8</strong> trình đề nghị khen thưởng ngày 09/02/2021, sau hạn gửi hồ sơ (31/01/2021) 9 ngày</li>");
    expect(html).not.toContain("<strong>Khối 9</strong> trình");
    const inTime = mergeProvince("Trà Vinh", 2020, blocs, [], { due: "2021-02-09" });
    expect(text(provinceReport(inTime, { tinh: "Trà Vinh", nam: 2020 }).body)).toContain("2 khối đã trình, đều đúng hạn.");
    expect(text(provinceReport(mergeProvince("Trà Vinh", 2020, blocs, []), { tinh: "Trà Vinh", nam: 2020 }).body)).not.toContain("Hạn gửi hồ sơ");
  });

  it("shows each bloc's units on time, late and not sent at each of its deadlines, in the appendix and on the page", () => {
    const v = mergeProvince("Trà Vinh", 2020, blocs, []);
    const lines = k8.thoi_han.map((t) => `${t.ten}: ${["dung-han", "tre-han", "chua-nop"].map((st) => t.don_vi.filter((x) => x.trang_thai === st).length).join(" / ")}`);
    expect(lines[0]).toMatch(/^Đăng ký thi đua: \d+ \/ [1-9]\d* \/ \d+$/);
    const table = provinceReport(v, { tinh: "Trà Vinh", nam: 2020 }).appendices![0]!.body[0]!;
    if (table.kind !== "table") throw new Error("no table");
    const cellText = (c: (typeof table.rows)[number]["cells"][number]) => c.paragraphs.map((p) => p.map((r) => r.text).join("")).join("\n");
    expect(cellText(table.rows[0]!.cells.at(-1)!)).toBe("Đơn vị gửi đúng hạn / trễ hạn / chưa gửi");
    expect(cellText(table.rows[1]!.cells.at(-1)!)).toBe(lines.join("\n").replaceAll(" / ", "\u00A0/\u00A0"));
    const html = provinceHtml(v);
    expect(html).toContain(lines.join("<br>"));
  });
});
