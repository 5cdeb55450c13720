/**
 * Issue 20 item 10: documents agree with the data they are made from. A unit
 * without year-end results (tong_ket:) that a vote or the year-end ranking names
 * is an error where it is named (the minutes' ballot, the unit in khoi.yaml), not
 * a warning after which the report drops the unit and moves the others up while
 * the proposal proposes it with no score. khoi.yaml's cho_phep_chua_co_ket_qua
 * allows it: the documents then say "chưa có kết quả" for the unit, without a
 * rank; the others are ranked among the units with results.
 */
import { describe, expect, it } from "vitest";
import type { AdminDocument, Block } from "../../src/document/model.ts";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.ts";
import { formatDiagnostic } from "../../src/diagnostics/format.ts";
import { checkProject } from "../../src/pipeline.ts";
import type { MemoryWorld } from "../../src/io/memory-world.ts";
import { makeForms } from "../../src/forms/make-forms.ts";
import { exampleWorld } from "../helpers/example.ts";

const dec = new TextDecoder();
const FILE = "data/2020/ket-qua/so-ldtbxh.yaml";
const KHOI = dec.decode(exampleWorld().files.get("data/khoi.yaml")!);
const ALLOW = `${KHOI}cho_phep_chua_co_ket_qua: true\n`;
const CODES = ["vote/no-results", "rank/no-results", "results/missing"];

/** The example without so-ldtbxh's results file (it is on the Bằng khen ballot and proposed; ranked 3rd with 100,5 points in the example). */
function withoutResults(extra: Record<string, string> = {}): MemoryWorld {
  const w = exampleWorld(extra);
  w.files.delete(FILE);
  return w;
}

const where = (ds: Diagnostic[]) => ds.filter((d) => CODES.includes(d.code)).map((d) => `${d.severity} ${d.pos.file}:${d.pos.line}:${d.pos.column} ${d.code}`);
const errors = (ds: Diagnostic[]) => ds.filter((d) => d.severity === "error");

function text(blocks: Block[]): string[] {
  return blocks.map((b) =>
    b.kind === "table"
      ? b.rows.map((r) => r.cells.map((c) => c.paragraphs.map((p) => p.map((x) => x.text).join("")).join(" ")).join(" | ")).join("\n")
      : b.kind === "pageBreak"
        ? ""
        : b.runs.map((r) => r.text).join(""),
  );
}

describe("a vote or a ranking that names a unit without year-end results", () => {
  it("the example (every unit has its results) has none of these", async () => {
    const { diagnostics } = await checkProject(exampleWorld());
    expect(where(diagnostics)).toEqual([]);
  });

  it("is an error at the unit's place on the ballot and at the unit in khoi.yaml, in both languages, and nothing is composed", async () => {
    const { diagnostics, documents } = await checkProject(withoutResults());
    expect(where(diagnostics)).toEqual(["error data/2020/bien-ban.md:80:17 vote/no-results", "error data/khoi.yaml:36:9 rank/no-results"]);
    const vote = diagnostics.find((d) => d.code === "vote/no-results")!;
    expect(formatDiagnostic(vote, "vi")).toBe(
      "data/2020/bien-ban.md:80:17: lỗi [vote/no-results] Đơn vị so-ldtbxh có tên trong phiếu bầu Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh nhưng chưa có kết quả tổng kết (phần tong_ket: trong data/2020/ket-qua/so-ldtbxh.yaml): tờ trình, báo cáo tổng kết sẽ ghi kết quả bình bầu của đơn vị này mà không có điểm, xếp hạng\n" +
        "    → Thêm phần tong_ket: vào tệp data/2020/ket-qua/so-ldtbxh.yaml (tạo tệp nếu chưa có); nếu Quy chế của Khối cho phép bình bầu đơn vị chưa có kết quả, ghi cho_phep_chua_co_ket_qua: true trong data/khoi.yaml (văn bản sẽ ghi “chưa có kết quả” cho đơn vị này).",
    );
    expect(formatDiagnostic(vote, "en")).toBe(
      "data/2020/bien-ban.md:80:17: error [vote/no-results] Unit so-ldtbxh is on the ballot for Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh but has no year-end results (a tong_ket: section in data/2020/ket-qua/so-ldtbxh.yaml): the proposal, the year-end report would show its vote without a score or rank\n" +
        "    → Add a tong_ket: section to data/2020/ket-qua/so-ldtbxh.yaml (create the file if it does not exist); if the bloc's rules allow voting on a unit without results, set cho_phep_chua_co_ket_qua: true in data/khoi.yaml (the documents then say “chưa có kết quả”, no results yet, for it).",
    );
    const rank = diagnostics.find((d) => d.code === "rank/no-results")!;
    expect(formatDiagnostic(rank, "vi")).toBe(
      "data/khoi.yaml:36:9: lỗi [rank/no-results] Đơn vị so-ldtbxh chưa có kết quả tổng kết (phần tong_ket: trong data/2020/ket-qua/so-ldtbxh.yaml): bảng tổng hợp điểm của báo cáo tổng kết (data/2020/tong-ket.md) sẽ bỏ sót đơn vị này và xếp hạng các đơn vị khác trong số còn lại\n" +
        "    → Thêm phần tong_ket: vào tệp data/2020/ket-qua/so-ldtbxh.yaml (tạo tệp nếu chưa có); nếu Quy chế của Khối cho phép xếp hạng khi đơn vị chưa có kết quả, ghi cho_phep_chua_co_ket_qua: true trong data/khoi.yaml (văn bản sẽ ghi “chưa có kết quả” cho đơn vị này).",
    );
    expect(formatDiagnostic(rank, "en")).toContain("error [rank/no-results] Unit so-ldtbxh has no year-end results");
    expect(documents).toEqual([]);
  });

  it("a results file without its tong_ket: section is the same error, naming that file", async () => {
    const res = dec.decode(exampleWorld().files.get(FILE)!);
    const midYearOnly = res.slice(0, res.indexOf("tong_ket:"));
    expect(midYearOnly).toContain("so_ket:");
    const { diagnostics } = await checkProject(exampleWorld({ [FILE]: midYearOnly }));
    expect(where(diagnostics)).toEqual(["error data/2020/bien-ban.md:80:17 vote/no-results", "error data/khoi.yaml:36:9 rank/no-results"]);
    expect(diagnostics.find((d) => d.code === "vote/no-results")!.params).toMatchObject({ unit: "so-ldtbxh", file: FILE });
  });

  it("a unit on no ballot is an error for the ranking only; a year without the year-end report ranks nobody", async () => {
    const w = exampleWorld();
    w.files.delete("data/2020/ket-qua/so-khcn.yaml");
    expect(where((await checkProject(w)).diagnostics)).toEqual(["error data/khoi.yaml:50:9 rank/no-results"]);
    w.files.delete("data/2020/tong-ket.md");
    expect(where((await checkProject(w)).diagnostics)).toEqual(["warning data/khoi.yaml:50:9 results/missing"]);
  });

  it("the ballot is an error as long as the proposal or the year-end report shows the vote; the minutes alone count votes only", async () => {
    const w = withoutResults();
    w.files.delete("data/2020/tong-ket.md");
    const onlyProposal = (await checkProject(w)).diagnostics;
    expect(where(onlyProposal)).toEqual(["error data/2020/bien-ban.md:80:17 vote/no-results", "warning data/khoi.yaml:36:9 results/missing"]);
    expect(onlyProposal.find((d) => d.code === "vote/no-results")!.params).toMatchObject({ docs: "tờ trình", docsEn: "the proposal" });
    w.files.delete("data/2020/to-trinh.md");
    expect(where((await checkProject(w)).diagnostics)).toEqual(["warning data/khoi.yaml:36:9 results/missing"]);
  });

  it("is no error for forms, the command that collects the missing results: the unit's year-end form is made", async () => {
    const w = withoutResults();
    const made = await makeForms(w, { dataDir: "data", outDir: "out", unit: "so-ldtbxh", stage: "tong-ket" });
    expect(errors(made.diagnostics).map((d) => formatDiagnostic(d, "en"))).toEqual([]);
    expect(made.written).toEqual(["out/2020/bieu-mau/so-ldtbxh-tong-ket.xlsx"]);
  });
});

describe("khoi.yaml's cho_phep_chua_co_ket_qua: true", () => {
  it("no error; the year-end report lists the unit as “Chưa có kết quả” without a rank, the proposal says “chưa có kết quả” where its score would be", async () => {
    const { diagnostics, documents } = await checkProject(withoutResults({ "data/khoi.yaml": ALLOW }));
    expect(errors(diagnostics).map((d) => formatDiagnostic(d, "en"))).toEqual([]);
    // still a warning: the results are missing, as the documents say
    expect(where(diagnostics)).toEqual(["warning data/khoi.yaml:36:9 results/missing"]);

    const doc = (stem: string) => documents.find((d) => d.doc.stem === stem)!.doc as AdminDocument;
    const appendix = text(doc("bao-cao-tong-ket").appendices[0]!.body);
    // Ranked among the 9 units with results (the unit cannot be placed without a score), then the unit, with no rank.
    expect(appendix[0]).toBe(
      [
        "STT | Đơn vị | Điểm chuẩn | Tự chấm | Khối chấm | Điểm cộng | Điểm trừ | Tổng | Xếp hạng",
        "1 | Sở Y tế | 100 | 100 | 99,5 | 3 | 0 | 102,5 | 1",
        "2 | Sở Giáo dục và Đào tạo | 100 | 100 | 99 | 2 | 0 | 101 | 2",
        "3 | Sở Văn hóa, Thể thao và Du lịch | 100 | 99,5 | 99 | 1 | 0 | 100 | 3",
        "4 | Đài Phát thanh và Truyền hình Trà Vinh | 100 | 100 | 98,5 | 1 | 0 | 99,5 | 4",
        "5 | Báo Trà Vinh | 100 | 100 | 99 | 0,5 | 0 | 99,5 | 4",
        "6 | Sở Thông tin và Truyền thông | 100 | 99 | 98 | 1 | 0 | 99 | 6",
        "7 | Sở Khoa học và Công nghệ | 100 | 99,5 | 97,5 | 0,5 | 0 | 98 | 7",
        "8 | Trường Đại học Trà Vinh | 100 | 100 | 98 | 0 | 1 | 97 | 8",
        "9 | Ban Dân tộc tỉnh | 100 | 98 | 96,5 | 0 | 1,5 | 95 | 9",
        "10 | Sở Lao động - Thương binh và Xã hội | Chưa có kết quả | ",
      ].join("\n"),
    );
    expect(appendix[1]).toBe("Ghi chú: đơn vị chưa có kết quả tổng kết không được xếp hạng; xếp hạng tính trong số 9 đơn vị đã có kết quả.");
    const table = doc("bao-cao-tong-ket").appendices[0]!.body[0]!;
    expect(table.kind === "table" && table.rows[10]!.cells[2]!.colSpan).toBe(6);

    const proposal = text(doc("to-trinh").body).find((t) => t.startsWith("STT | Tên tập thể"))!;
    expect(proposal.split("\n")).toEqual([
      "STT | Tên tập thể | Hình thức đề nghị | Ghi chú",
      "1 | Sở Y tế | Cờ thi đua của Ủy ban nhân dân tỉnh | 8 phiếu đồng ý; 102,5 điểm, xếp hạng 1",
      "2 | Sở Giáo dục và Đào tạo | Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh | 8 phiếu đồng ý; 101 điểm, xếp hạng 2",
      "3 | Sở Lao động - Thương binh và Xã hội | Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh | 7 phiếu đồng ý; chưa có kết quả",
    ]);
  });

  it("the setting changes nothing when every unit has its results", async () => {
    const { diagnostics, documents } = await checkProject(exampleWorld({ "data/khoi.yaml": ALLOW }));
    expect(errors(diagnostics)).toEqual([]);
    const appendix = text((documents.find((d) => d.doc.stem === "bao-cao-tong-ket")!.doc as AdminDocument).appendices[0]!.body);
    expect(appendix).toHaveLength(1);
    expect(appendix[0]).toContain("\n3 | Sở Lao động - Thương binh và Xã hội | 100 | 100 | 99 | 1,5 | 0 | 100,5 | 3\n");
  });
});
