/**
 * The second example bloc (test/fixtures/kinh-te-ky-thuat): unlike the first on
 * every axis issue 14 names — central-line units with their own parent bodies and
 * a company with none, 16 units, a 1,000-point scale, a KT. signer, absent members
 * whose written opinions count as votes, a tie at a quota settled by a second
 * ballot. It builds from its data alone, and its minutes, year-end report and
 * proposal agree on every number and name, read back from the DOCX.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { memoryWorld } from "../../src/io/memory-world.ts";
import { fontsourceTinosDir } from "../../src/pdf/fonts/node-font-reader.ts";
import { buildProject } from "../../src/write/build.ts";
import { docxTables } from "../helpers/docx-tables.ts";
import { FIXTURES, readTree, repoTemplates } from "../helpers/fixture-world.ts";
import { expectGolden } from "../helpers/golden.ts";
import { docxParts, paragraphTexts, part } from "../render/docx/docx-helpers.ts";
import { stemsOf } from "../helpers/registry-stems.ts";
import { checkResultsAgainstDocuments } from "../helpers/results-check.ts";

const DIR = join(FIXTURES, "kinh-te-ky-thuat");
const UNITS = ["so-khdt", "so-tc", "so-ct", "so-xd", "so-gtvt", "so-tnmt", "so-nnptnt", "bql-kcn", "kbnn", "cuc-thue", "nhnn", "bhxh", "cuc-thong-ke", "dien-luc", "xo-so", "quy-dtpt"];

async function build() {
  const data: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(readTree(join(DIR, "data")))) data[`data/${k}`] = v;
  const world = memoryWorld({ ...repoTemplates(), ...data }, { outside: async (p) => new Uint8Array(await readFile(p)) });
  const result = await buildProject(world, { dataDir: "data", outDir: "out", fontSource: "package", fontPackageDir: fontsourceTinosDir()! });
  return { result, files: world.files };
}

const xml = (files: Map<string, Uint8Array>, stem: string) => part(docxParts(files.get(`out/2024/${stem}.docx`)!), "word/document.xml");
const norm = (s: string) => s.replace(/\s+/g, " ").trim();

describe("the second example bloc (Khối 3, Sóc Trăng, 2024)", async () => {
  const first = await build();
  const docs = [...first.files.keys()].filter((k) => /^out\/2024\/[^/]+\.(docx|pdf)$/.test(k) && !k.includes("ho-so-thi-dua"));

  it("builds every document from data alone, with the expected warnings only", () => {
    expect(first.result.diagnostics.map((d) => `${d.severity} ${d.code} ${d.pos.file}`).sort()).toEqual(
      [
        "warning date/late data/2024/dang-ky/xo-so.yaml", // registered after 15/3
        "warning date/late data/2024/ket-qua/so-gtvt.yaml", // mid-year report late
        "warning date/late data/2024/ket-qua/quy-dtpt.yaml", // mid-year report late
        "warning date/late data/2024/ket-qua/cuc-thong-ke.yaml", // year-end report late
        "warning results/no-mid-year data/khoi.yaml", // cuc-thong-ke sent no mid-year report
      ].sort(),
    );
    const stems = stemsOf(join(DIR, "data"), 2024, UNITS);
    expect(docs.sort()).toEqual(stems.flatMap((s) => [`out/2024/${s}.docx`, `out/2024/${s}.pdf`]).sort());
  });

  it("writes a results file that validates and says what its documents say (two rounds of one award)", async () => {
    const r = await checkResultsAgainstDocuments(first.files, 2024);
    expect(r.binh_bau.danh_hieu.map((a) => a.vong.length)).toContain(2);
    expect(r.diem.chua_co_ket_qua).toEqual([]);
  });

  it("gives the same bytes on a second build", async () => {
    const second = await build();
    for (const path of [...docs, "out/2024/ket-qua-2024.json", "out/2024/ket-qua-2024.xlsx"]) expect(Buffer.compare(Buffer.from(first.files.get(path)!), Buffer.from(second.files.get(path)!)), path).toBe(0);
  });

  it("matches the golden text of every document (DOCX paragraphs, tables included)", () => {
    const text = stemsOf(join(DIR, "data"), 2024, UNITS).map((s) => `=== ${s}\n${paragraphTexts(xml(first.files, s)).join("\n")}`).join("\n");
    expectGolden("second-bloc.docx-text.txt", text);
  });

  it("heads each unit's registration with its own parent body (one line, two, none) or the bloc's", () => {
    const head = (u: string) => paragraphTexts(xml(first.files, `dang-ky-${u}`)).slice(0, 6).join(" | ");
    // (the unit's own name broken into lines where the column needs it)
    expect(head("kbnn")).toMatch(/^KHO BẠC NHÀ NƯỚC \| KHO BẠC NHÀ NƯỚC \| SÓC TRĂNG \|/);
    expect(head("cuc-thong-ke")).toMatch(/^BỘ KẾ HOẠCH VÀ ĐẦU TƯ \| TỔNG CỤC THỐNG KÊ \| CỤC THỐNG KÊ \| TỈNH SÓC TRĂNG \|/);
    expect(head("xo-so")).toMatch(/^CÔNG TY TNHH \| MỘT THÀNH VIÊN \| XỔ SỐ KIẾN THIẾT \| SÓC TRĂNG \|/);
    expect(head("so-tc")).toMatch(/^UBND TỈNH SÓC TRĂNG \| SỞ TÀI CHÍNH \|/);
    // The bloc's own documents keep the bloc's parent.
    expect(paragraphTexts(xml(first.files, "to-trinh"))[0]).toBe("UBND TỈNH SÓC TRĂNG");
  });

  it("the minutes, the year-end report and the proposal agree on every number and name", () => {
    const minutes = paragraphTexts(xml(first.files, "bien-ban-binh-bau")).map(norm);
    // The header is a table too: the vote tables are those headed TT.
    const minutesTables = docxTables(xml(first.files, "bien-ban-binh-bau")).filter((t) => t[0]?.[0] === "TT").map((t) => t.slice(1).map((r) => ({ name: r[1]!, votes: Number(r[2]), pct: r[3]! })));
    const report = paragraphTexts(xml(first.files, "bao-cao-tong-ket")).map(norm);
    const reportTables = docxTables(xml(first.files, "bao-cao-tong-ket"));
    const proposal = docxTables(xml(first.files, "to-trinh")).find((t) => t[0]?.[0] === "STT")!.slice(1).map((r) => ({ name: r[1]!, award: r[2]!, note: r[3]! }));

    // Who is proposed, by hand from the data: round 1 settles the flag; the last place of the
    // certificate is tied 11–11 in round 1, and round 2 gives it to the State Bank branch 10–3.
    const CO = "Cờ thi đua của Ủy ban nhân dân tỉnh";
    const BK = "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh";
    const expected = [
      [CO, "Cục Thuế tỉnh Sóc Trăng"],
      [CO, "Kho bạc Nhà nước Sóc Trăng"],
      [BK, "Bảo hiểm xã hội tỉnh Sóc Trăng"],
      [BK, "Sở Tài chính"],
      [BK, "Ngân hàng Nhà nước Chi nhánh tỉnh Sóc Trăng"],
    ];
    expect(proposal.map((p) => [p.award, p.name])).toEqual(expected);

    // The minutes' conclusion names the same units, the round-2 winner said as such.
    const conclusion = (award: string) => minutes.find((p) => p.includes(`Đề nghị tặng ${award}:`))!;
    expect(conclusion(CO)).toContain("Cục Thuế tỉnh Sóc Trăng, Kho bạc Nhà nước Sóc Trăng.");
    expect(conclusion(BK)).toContain("Bảo hiểm xã hội tỉnh Sóc Trăng, Sở Tài chính, Ngân hàng Nhà nước Chi nhánh tỉnh Sóc Trăng (bỏ phiếu lần 2).");

    // Three vote tables in the minutes: the flag, the certificate, its second round among the tied units.
    expect(minutesTables.map((t) => t.map((r) => `${r.name} ${r.votes}`))).toEqual([
      ["Cục Thuế tỉnh Sóc Trăng 14", "Kho bạc Nhà nước Sóc Trăng 12", "Sở Kế hoạch và Đầu tư 8", "Bảo hiểm xã hội tỉnh Sóc Trăng 1"],
      ["Bảo hiểm xã hội tỉnh Sóc Trăng 13", "Sở Tài chính 12", "Ngân hàng Nhà nước Chi nhánh tỉnh Sóc Trăng 11", "Công ty Điện lực Sóc Trăng 11", "Sở Kế hoạch và Đầu tư 5", "Ban Quản lý các Khu công nghiệp tỉnh Sóc Trăng 2", "Sở Công Thương 1"],
      ["Ngân hàng Nhà nước Chi nhánh tỉnh Sóc Trăng 10", "Công ty Điện lực Sóc Trăng 3"],
    ]);
    const [coTable, bkTable, bkRound2] = minutesTables as [typeof minutesTables[0], typeof minutesTables[0], typeof minutesTables[0]];
    const inMinutes = (award: string, name: string, round: number) => (award === CO ? coTable : round === 2 ? bkRound2 : bkTable).find((r) => r.name === name)!;

    // The ratios' base: 13 present plus 2 written opinions counted as votes.
    expect(minutes.join("\n")).toContain("tỷ lệ được tính trên số đơn vị có mặt (13) cộng số ý kiến bằng văn bản được tính như phiếu bầu (2), tổng cộng 15");
    expect(report.join("\n")).toContain("tỷ lệ tính trên số đơn vị có mặt (13) cộng số ý kiến bằng văn bản được tính như phiếu bầu (2), tổng cộng 15");
    expect(minutes.join("\n")).toContain("đại diện 13/16 đơn vị thành viên");
    expect(report.join("\n")).toContain("đại diện 13/16 đơn vị thành viên");

    // The report's vote items: each proposed unit with the same votes and percentage as the minutes' table.
    const items = report.filter((p) => p.startsWith("- Đề nghị tặng") || p.startsWith("Đề nghị tặng"));
    expect(items).toHaveLength(2);
    // The appendix: unit → total and rank.
    const scores = new Map(reportTables[reportTables.length - 1]!.slice(1).map((r) => [r[1]!, { total: r[7]!, rank: r[8]! }]));
    expect(scores.size).toBe(16);
    expect(scores.get("Cục Thuế tỉnh Sóc Trăng")).toEqual({ total: "985", rank: "1" });
    // Equal totals share a rank: the two units tied in the vote are tied in points too.
    expect(scores.get("Ngân hàng Nhà nước Chi nhánh tỉnh Sóc Trăng")).toEqual({ total: "965", rank: "5" });
    expect(scores.get("Công ty Điện lực Sóc Trăng")).toEqual({ total: "965", rank: "5" });

    for (const [award, name] of expected as [string, string][]) {
      const p = proposal.find((x) => x.name === name)!;
      const round = p.note.includes("lần 2") ? 2 : 1;
      const m = inMinutes(award, name, round);
      const item = items.find((i) => i.includes(award))!;
      if (round === 1) {
        expect(p.note, name).toContain(`${m.votes} phiếu đồng ý`);
        expect(item, name).toContain(`${name} (${m.votes}/15 phiếu, đạt ${m.pct})`);
      } else {
        const r1 = inMinutes(award, name, 1);
        expect(p.note, name).toContain(`lần 1: ${r1.votes} phiếu đồng ý; lần 2: ${m.votes} phiếu đồng ý`);
        expect(item, name).toContain(`${name} (lần 1: ${r1.votes}/15 phiếu, đạt ${r1.pct}; bỏ phiếu lần 2: ${m.votes}/15 phiếu, đạt ${m.pct})`);
      }
      const s = scores.get(name)!;
      expect(p.note, name).toContain(`${s.total} điểm, xếp hạng ${s.rank}`);
    }
  });
});
