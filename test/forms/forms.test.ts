import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import PizZip from "pizzip";
import { exampleWorld } from "../helpers/example.ts";
import { makeForms } from "../../src/forms/make-forms.ts";
import { formatDiagnostic } from "../../src/diagnostics/format.ts";

const FORM = "out/2020/bieu-mau/so-y-te-tong-ket.xlsx";

async function sheetsOf(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

describe("forms", () => {
  it("one form per member unit and stage, the same bytes on every run (no clock in the zip or the properties)", async () => {
    const a = exampleWorld();
    const b = exampleWorld();
    const ra = await makeForms(a, { dataDir: "data", outDir: "out" });
    await new Promise((r) => setTimeout(r, 2100)); // zip times have a 2-second resolution
    const rb = await makeForms(b, { dataDir: "data", outDir: "out" });
    expect(ra.written).toHaveLength(30);
    expect(rb.written).toEqual(ra.written);
    for (const f of ra.written) expect(Buffer.from(b.files.get(f)!).equals(Buffer.from(a.files.get(f)!))).toBe(true);
    const zip = new PizZip(a.files.get(FORM)!);
    for (const e of Object.values(zip.files)) expect(e.date.getUTCFullYear()).toBe(1980);
    expect(zip.file("docProps/core.xml")!.asText()).toContain("2020-01-01T00:00:00Z");
  }, 60_000);

  it("identifies itself, prints on A4 in Times New Roman, protects all but the cells to fill, validates them", async () => {
    const w = exampleWorld();
    await makeForms(w, { dataDir: "data", outDir: "out", unit: "so-y-te", stage: "tong-ket" });
    const wb = await sheetsOf(w.files.get(FORM)!);
    expect(wb.worksheets.map((s) => s.name)).toEqual(["Hướng dẫn", "Tự chấm", "Mã biểu mẫu"]);
    const id = wb.getWorksheet("Mã biểu mẫu")!;
    expect(id.state).toBe("veryHidden");
    expect([1, 2, 3, 4, 5].map((r) => id.getCell(`B${r}`).value)).toEqual(["K8", 2020, "so-y-te", "tong-ket", 1]);
    const ws = wb.getWorksheet("Tự chấm")!;
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.getCell("A1").value).toBe("BẢNG TỰ CHẤM ĐIỂM THI ĐUA NĂM 2020");
    expect(ws.getCell("A2").value).toBe("Sở Y tế");
    const row = ws.getColumn(1).values.findIndex((v) => v === "tc01");
    expect(ws.getCell(`C${row}`).value).toBe(20);
    const self = ws.getCell(`D${row}`);
    expect(self.value).toBe(20); // prefilled from ket-qua/so-y-te.yaml
    expect(self.font.name).toBe("Times New Roman");
    expect(self.protection?.locked).toBe(false);
    expect(ws.getCell(`B${row}`).protection?.locked).not.toBe(false);
    // The bloc's own column (its review score) is locked in a unit's form.
    expect(ws.getCell(`E${row}`).protection?.locked).not.toBe(false);
    expect(ws.getCell(`E${row}`).fill).toMatchObject({ fgColor: { argb: "FFE7E6E6" } });
    expect(self.dataValidation).toMatchObject({ type: "decimal", operator: "between", formulae: [0, 20] });
    const date = ws.getCell(`D${ws.getColumn(1).values.findIndex((v) => v === "ngay_gui")}`);
    expect(date.value).toEqual(new Date(Date.UTC(2021, 0, 22)));
    expect(date.dataValidation?.type).toBe("date");
    // Beside it, the date as the workbook understood it, in words (DAY/MONTH/YEAR: the same in every locale).
    const words = ws.getCell(`E${date.row}`).value as { formula: string; result: string };
    expect(words.formula).toBe(`IF(ISNUMBER(D${date.row}),"Ngày "&DAY(D${date.row})&" tháng "&MONTH(D${date.row})&" năm "&YEAR(D${date.row}),"")`);
    expect(words.result).toBe("Ngày 22 tháng 1 năm 2021");
    const xml = new PizZip(w.files.get(FORM)!).file("xl/worksheets/sheet2.xml")!.asText();
    expect(xml).toMatch(/<sheetProtection [^>]*sheet="1"/);
    expect(xml).not.toMatch(/hashValue|password=/);
  }, 60_000);

  it("titles every stage's sheet once with its year (never “… NĂM NĂM 2020”)", async () => {
    const w = exampleWorld();
    const r = await makeForms(w, { dataDir: "data", outDir: "out", unit: "so-y-te" });
    expect(r.written.length).toBeGreaterThanOrEqual(3);
    const titles: string[] = [];
    for (const f of r.written) {
      const wb = await sheetsOf(w.files.get(f)!);
      for (const ws of wb.worksheets) if (ws.state === "visible") titles.push(String(ws.getCell("A1").value));
    }
    expect(titles).toContain("KẾT QUẢ THI ĐUA 6 THÁNG ĐẦU NĂM 2020");
    for (const t of titles) expect(t).not.toMatch(/NĂM\s+NĂM/u);
  }, 60_000);

  it("writes each validation rule once, with ranges that never overlap (none of ExcelJS's “E10:E18” with “E9:E18”)", async () => {
    const w = exampleWorld();
    const r = await makeForms(w, { dataDir: "data", outDir: "out" });
    expect(r.written).toHaveLength(30);
    const cellsOf = (sqref: string) =>
      sqref.split(" ").flatMap((part) => {
        const [a, b = a] = part.split(":");
        const [, c1, r1] = /^([A-Z]+)(\d+)$/.exec(a!)!;
        const [, c2, r2] = /^([A-Z]+)(\d+)$/.exec(b!)!;
        const out: string[] = [];
        for (let c = c1!.charCodeAt(0); c <= c2!.charCodeAt(0); c++) for (let row = Number(r1); row <= Number(r2); row++) out.push(`${String.fromCharCode(c)}${row}`);
        return out;
      });
    for (const f of r.written) {
      const zip = new PizZip(w.files.get(f)!);
      for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
        const rules = [...zip.file(name)!.asText().matchAll(/<dataValidation\b([^>]*?)\ssqref="([^"]*)"([^>]*)>([\s\S]*?)<\/dataValidation>/g)];
        const seen = new Set<string>();
        for (const m of rules) for (const c of cellsOf(m[2]!)) {
          expect(seen.has(c), `${f} ${name}: ${c} under two rules`).toBe(false);
          seen.add(c);
        }
        const keys = rules.map((m) => m[1]! + m[3]! + m[4]!);
        expect(new Set(keys).size, `${f} ${name}: a rule written twice`).toBe(keys.length);
      }
    }
  }, 60_000);

  it("never replaces a file it did not write there (a filled form saved in bieu-mau/)", async () => {
    const w = exampleWorld();
    await makeForms(w, { dataDir: "data", outDir: "out", unit: "so-y-te" });
    const filled = new Uint8Array([1, 2, 3]);
    w.files.set(FORM, filled);
    w.files.delete("out/2020/bieu-mau/so-y-te-so-ket.xlsx");
    const r = await makeForms(w, { dataDir: "data", outDir: "out", unit: "so-y-te" });
    expect(r.diagnostics.filter((d) => d.severity === "error").map((d) => formatDiagnostic(d, "vi"))).toEqual([
      expect.stringMatching(/^out\/2020\/bieu-mau\/so-y-te-tong-ket\.xlsx: lỗi \[forms\/kept-file\]/),
    ]);
    expect(r.written).toEqual([]);
    expect(w.files.get(FORM)).toBe(filled);
    expect(w.files.has("out/2020/bieu-mau/so-y-te-so-ket.xlsx")).toBe(false);
  }, 60_000);
});

describe("a damaged record of the forms the tool wrote (out/<year>/bieu-mau/.bieu-mau.json)", () => {
  const RECORD = "out/2020/bieu-mau/.bieu-mau.json";
  const DATA = "data/2020/ket-qua/so-y-te.yaml";
  const SO_KET = "out/2020/bieu-mau/so-y-te-so-ket.xlsx";
  const changeData = (w: ReturnType<typeof exampleWorld>) => {
    const text = new TextDecoder().decode(w.files.get(DATA)!);
    expect(text).toContain("ngay_gui: 2020-06-10");
    w.files.set(DATA, new TextEncoder().encode(text.replace("ngay_gui: 2020-06-10", "ngay_gui: 2020-06-11")));
  };
  // The example's data has warnings of its own (a late registration): only the forms' are looked at.
  const messages = (r: { diagnostics: Parameters<typeof formatDiagnostic>[0][] }) =>
    r.diagnostics.filter((d) => d.code.startsWith("forms/") || d.severity === "error").map((d) => formatDiagnostic(d, "vi"));

  it("is rebuilt from the forms that are the tool's own: the next change of data still updates them", async () => {
    const w = exampleWorld();
    await makeForms(w, { dataDir: "data", outDir: "out", unit: "so-y-te" });
    w.files.set(RECORD, new TextEncoder().encode('{"version": 1, "files": {"so-y-te-so-ket.xlsx": "ab'));
    const again = await makeForms(w, { dataDir: "data", outDir: "out", unit: "so-y-te" });
    expect(again.unchanged).toHaveLength(3);
    const record = JSON.parse(new TextDecoder().decode(w.files.get(RECORD)));
    expect(Object.keys(record.files).sort()).toEqual(["so-y-te-dang-ky.xlsx", "so-y-te-so-ket.xlsx", "so-y-te-tong-ket.xlsx"]);
    changeData(w);
    const after = await makeForms(w, { dataDir: "data", outDir: "out", unit: "so-y-te" });
    expect(messages(after)).toEqual([]);
    expect(after.written).toContain(SO_KET);
  }, 60_000);

  it("is a warning naming it, not a silent reset", async () => {
    const w = exampleWorld();
    await makeForms(w, { dataDir: "data", outDir: "out", unit: "so-y-te" });
    w.files.set(RECORD, new TextEncoder().encode('{"version": 1, "files": {"so-y-te-so-ket.xlsx": "ab'));
    const again = await makeForms(w, { dataDir: "data", outDir: "out", unit: "so-y-te" });
    expect(messages(again)).toEqual([expect.stringMatching(/^out\/2020\/bieu-mau\/\.bieu-mau\.json: cảnh báo \[forms\/record-damaged\] .*bị hỏng/)]);
  }, 60_000);

  it("with the data changed meanwhile: the forms that differ are kept and named, with the way back in the hint", async () => {
    const w = exampleWorld();
    await makeForms(w, { dataDir: "data", outDir: "out", unit: "so-y-te" });
    w.files.set(RECORD, new TextEncoder().encode("not json"));
    changeData(w);
    const r = await makeForms(w, { dataDir: "data", outDir: "out", unit: "so-y-te" });
    const m = messages(r);
    expect(m).toContainEqual(expect.stringMatching(/^out\/2020\/bieu-mau\/so-y-te-so-ket\.xlsx: lỗi \[forms\/kept-file\]/));
    expect(m).toContainEqual(expect.stringMatching(/\[forms\/record-damaged\][^]*xóa hoặc chuyển nó ra khỏi out\/2020\/bieu-mau\/ rồi chạy lại npm run forms/));
    expect(r.written).toEqual([]);
    // The way back: the form no unit filled is deleted, and forms writes it again.
    w.files.delete(SO_KET);
    const back = await makeForms(w, { dataDir: "data", outDir: "out", unit: "so-y-te" });
    expect(back.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(back.written).toEqual([SO_KET]);
    const record = JSON.parse(new TextDecoder().decode(w.files.get(RECORD)));
    expect(Object.keys(record.files)).toContain("so-y-te-so-ket.xlsx");
  }, 60_000);
});
