/**
 * The year's results file (src/results/): its published JSON Schema is current, the example's
 * file validates against it and says what the documents say, the same build gives the same bytes,
 * and the workbook carries the same figures.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { RESULTS_SCHEMA_FILE, resultsJsonSchema } from "../../src/results/schema.ts";
import { builtExample, rebuiltExample } from "../helpers/shared-example.ts";
import { checkResultsAgainstDocuments, validateResults } from "../helpers/results-check.ts";


describe("the results file", () => {
  it("publishes a current JSON Schema (UPDATE=true rewrites docs/ket-qua-nam.schema.json)", () => {
    const now = resultsJsonSchema();
    if (process.env["UPDATE"] === "true") writeFileSync(RESULTS_SCHEMA_FILE, now);
    expect(readFileSync(RESULTS_SCHEMA_FILE, "utf8")).toBe(now);
  });

  it("of the example validates and equals its documents' numbers", async () => {
    const { world } = await builtExample();
    const r = await checkResultsAgainstDocuments(world.files, 2020);
    expect(r.van_ban.map((d) => d.ma)).toContain("to-trinh");
    expect(r.diem.don_vi).toHaveLength(10);
  });

  it("is refused by the schema when a number is changed to text or a field is added", async () => {
    const { world } = await builtExample();
    const r = JSON.parse(new TextDecoder().decode(world.files.get("out/2020/ket-qua-2020.json")!));
    expect((await validateResults({ ...r, phien_ban: 2 })).ok).toBe(false);
    expect((await validateResults({ ...r, them: 1 })).ok).toBe(false);
    r.diem.don_vi[0].tong = "102,5";
    expect((await validateResults(r)).ok).toBe(false);
  });

  it("is byte-identical across two builds, JSON and workbook", async () => {
    const [a, b] = [await builtExample(), await rebuiltExample()];
    for (const f of ["out/2020/ket-qua-2020.json", "out/2020/ket-qua-2020.xlsx"]) {
      expect(a.world.files.get(f), f).toBeDefined();
      expect(Buffer.compare(Buffer.from(a.world.files.get(f)!), Buffer.from(b.world.files.get(f)!)), f).toBe(0);
    }
  });

  it("as a workbook holds the same scores, votes and documents", async () => {
    const { world } = await builtExample();
    const r = JSON.parse(new TextDecoder().decode(world.files.get("out/2020/ket-qua-2020.json")!));
    const { default: ExcelJS } = await import("exceljs");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(world.files.get("out/2020/ket-qua-2020.xlsx")!) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Khối", "Điểm", "Bình bầu", "Văn bản"]);
    const scores = wb.getWorksheet("Điểm")!;
    const last = 2 + r.tieu_chi.length + 5;
    r.diem.don_vi.forEach((s: { tong: number; xep_hang: number }, i: number) => {
      expect(scores.getCell(4 + i, 1).value).toBe(s.xep_hang);
      expect(scores.getCell(4 + i, last).value).toBe(s.tong);
    });
    const docs = wb.getWorksheet("Văn bản")!;
    expect(docs.getCell(4, 2).value).toBe("01/KH-K8");
    expect(docs.rowCount).toBe(3 + r.van_ban.length);
  });
});
