/**
 * Issue 20, item 6: a cell's value is what the unit meant. 55% typed in Excel
 * (kept as 0.55 with a percent format) is 55 in a percentage field; a formula
 * saved without its value, an error value, is a located error, never a value
 * in the data; the text of rich text and links is read; a hidden row or column
 * with content is named in a warning.
 */
import { describe, expect, it } from "vitest";
import PizZip from "pizzip";
import { exampleWithForms } from "../helpers/example.ts";
import { openXmlBook, type XmlBook } from "../helpers/xlsx-xml.ts";
import { importForms } from "../../src/import/import-forms.ts";
import { formatDiagnostic } from "../../src/diagnostics/format.ts";
import type { MemoryWorld } from "../../src/io/memory-world.ts";

async function withForms(): Promise<{ world: MemoryWorld; form: (name: string) => XmlBook }> {
  const { world } = await exampleWithForms("so-y-te");
  return { world, form: (name) => openXmlBook(world.files.get(`out/2020/bieu-mau/${name}`)!) };
}

const dataSnapshot = (world: MemoryWorld) => new Map([...world.files].filter(([k]) => k.startsWith("data/")).map(([k, v]) => [k, Buffer.from(v).toString("base64")]));

async function importOne(world: MemoryWorld, name: string, bytes: Uint8Array) {
  world.files.set(`returned/${name}`, bytes);
  const r = await importForms(world, { dataDir: "data", files: [{ path: `returned/${name}`, name }], check: false });
  const shown = (sev: string) => r.diagnostics.filter((d) => d.severity === sev).map((d) => formatDiagnostic(d, "vi"));
  return { ...r, errors: shown("error"), warnings: shown("warning"), changes: r.files.flatMap((f) => f.changes) };
}

const rowOf = (book: XmlBook, sheet: string, key: string) => book.keys(sheet).find((k) => k.key === key)!.row;
const SK = "Sơ kết";
const TK = "Tự chấm";
const text = (world: MemoryWorld, path: string) => new TextDecoder().decode(world.files.get(path)!);

describe("a percentage typed with %", () => {
  it("67,7% (kept as 0.677, percent format) is 67.7 in the rate field, as is the text “60 %”", async () => {
    const { world, form } = await withForms();
    const book = form("so-y-te-so-ket.xlsx");
    book.setPercent(SK, `E${rowOf(book, SK, "tc01")}`, 0.677);
    book.setPercent(SK, `E${rowOf(book, SK, "tc02")}`, 1); // 100%, as in the data: no change
    book.set(SK, `E${rowOf(book, SK, "tc03")}`, "60 %", "text");
    const r = await importOne(world, "so-y-te-so-ket.xlsx", book.bytes());
    expect(r.errors).toEqual([]);
    expect(r.changes).toEqual(["so_ket.ket_qua[tc01].ty_le: 55 → 67.7", "so_ket.ket_qua[tc03].ty_le: 50 → 60"]);
    expect(text(world, "data/2020/ket-qua/so-y-te.yaml")).toMatch(/tieu_chi: tc01\n.*\n {6}ty_le: 67\.7\n/);
  }, 60_000);

  it("a score shown as a percentage is an error at its cell, and nothing is written", async () => {
    const { world, form } = await withForms();
    const before = dataSnapshot(world);
    const book = form("so-y-te-tong-ket.xlsx");
    const row = rowOf(book, TK, "tc02");
    book.setPercent(TK, `D${row}`, 0.95);
    const r = await importOne(world, "so-y-te-tong-ket.xlsx", book.bytes());
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(new RegExp(`^so-y-te-tong-ket\\.xlsx › Tự chấm › D${row}: lỗi \\[import/percent-not-expected\\] Ô ghi 95% \\(định dạng phần trăm\\)`));
    expect(r.written).toEqual([]);
    expect(dataSnapshot(world)).toEqual(before);
  }, 60_000);
});

describe("a formula", () => {
  it("saved without its computed value is an error at its cell saying what to do, and nothing is written", async () => {
    const { world, form } = await withForms();
    const before = dataSnapshot(world);
    const book = form("so-y-te-so-ket.xlsx");
    const row = rowOf(book, SK, "tc02");
    book.setRaw(SK, `D${row}`, 't="str"', '<f>CONCATENATE("Đạt ",E9)</f>');
    const r = await importOne(world, "so-y-te-so-ket.xlsx", book.bytes());
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(new RegExp(`^so-y-te-so-ket\\.xlsx › Sơ kết › D${row}: lỗi \\[import/formula-no-value\\] Ô có công thức =CONCATENATE\\("Đạt ",E9\\) nhưng công thức chưa có giá trị`));
    expect(r.errors[0]).toMatch(/Excel hoặc LibreOffice rồi lưu lại .*gõ thẳng giá trị/);
    expect(r.errors.join("\n")).not.toContain("[object Object]");
    expect(r.written).toEqual([]);
    expect(dataSnapshot(world)).toEqual(before);
  }, 60_000);

  it("saved with its value gives that value", async () => {
    const { world, form } = await withForms();
    const book = form("so-y-te-so-ket.xlsx");
    book.setRaw(SK, `E${rowOf(book, SK, "tc01")}`, "", "<f>60+10</f><v>70</v>");
    const r = await importOne(world, "so-y-te-so-ket.xlsx", book.bytes());
    expect(r.errors).toEqual([]);
    expect(r.changes).toEqual(["so_ket.ket_qua[tc01].ty_le: 55 → 70"]);
  }, 60_000);

  it("an error value (#DIV/0!) is an error at its cell, not a text in the data", async () => {
    const { world, form } = await withForms();
    const before = dataSnapshot(world);
    const book = form("so-y-te-so-ket.xlsx");
    const row = rowOf(book, SK, "tc04");
    book.setRaw(SK, `D${row}`, 't="e"', "<f>1/0</f><v>#DIV/0!</v>");
    const r = await importOne(world, "so-y-te-so-ket.xlsx", book.bytes());
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(new RegExp(`^so-y-te-so-ket\\.xlsx › Sơ kết › D${row}: lỗi \\[import/cell-error\\] Ô có giá trị lỗi #DIV/0!`));
    expect(dataSnapshot(world)).toEqual(before);
  }, 60_000);
});

describe("rich text and links", () => {
  it("a linked cell whose text has two styles gives its text", async () => {
    const { world, form } = await withForms();
    const book = form("so-y-te-so-ket.xlsx");
    const row = rowOf(book, SK, "tc02");
    book.setRaw(SK, `D${row}`, 't="inlineStr"', "<is><r><t xml:space=\"preserve\">Đạt kế hoạch: </t></r><r><rPr><b/></rPr><t>xem báo cáo</t></r></is>");
    const zip = new PizZip(book.bytes());
    const sheet = "xl/worksheets/sheet2.xml";
    zip.file(sheet, zip.file(sheet)!.asText().replace("<pageMargins", `<hyperlinks><hyperlink ref="D${row}" r:id="rIdLink"/></hyperlinks><pageMargins`));
    zip.file("xl/worksheets/_rels/sheet2.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdLink" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/bao-cao" TargetMode="External"/></Relationships>`);
    const r = await importOne(world, "so-y-te-so-ket.xlsx", zip.generate({ type: "uint8array" }));
    expect(r.errors).toEqual([]);
    expect(r.changes).toHaveLength(1);
    expect(r.changes[0]).toMatch(/^so_ket\.ket_qua\[tc02\]\.ket_qua: ".*" → "Đạt kế hoạch: xem báo cáo"$/);
  }, 60_000);
});

describe("hidden rows and columns", () => {
  it("a hidden bonus row is imported with a warning naming its row", async () => {
    const { world, form } = await withForms();
    const book = form("so-y-te-tong-ket.xlsx");
    const bonus = book.keys(TK).filter((k) => k.key === "cong")[1]!.row; // the first empty bonus row
    book.set(TK, `D${bonus}`, 2);
    book.set(TK, `E${bonus}`, "Thêm", "text");
    book.hideRow(TK, bonus);
    const r = await importOne(world, "so-y-te-tong-ket.xlsx", book.bytes());
    expect(r.errors).toEqual([]);
    expect(r.changes).toEqual(["tong_ket.diem_cong[2].diem: ∅ → 2", 'tong_ket.diem_cong[2].ly_do: ∅ → "Thêm"']); // the second bonus, counted from 1
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(new RegExp(`^so-y-te-tong-ket\\.xlsx › Tự chấm › A${bonus}: cảnh báo \\[import/hidden-row\\] Hàng ${bonus} \\(mã cong\\) đang bị ẩn nhưng có nội dung \\(D${bonus}, E${bonus}\\)`));
  }, 60_000);

  it("a hidden column with content is named; a hidden empty row is not", async () => {
    const { world, form } = await withForms();
    const book = form("so-y-te-tong-ket.xlsx");
    const empty = book.keys(TK).filter((k) => k.key === "tru")[0]!.row;
    book.hideRow(TK, empty);
    book.hideColumn(TK, "F");
    const r = await importOne(world, "so-y-te-tong-ket.xlsx", book.bytes());
    expect(r.errors).toEqual([]);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(/^so-y-te-tong-ket\.xlsx › Tự chấm › F\d+:F\d+: cảnh báo \[import\/hidden-column\] Cột F đang bị ẩn nhưng có nội dung ở \d+ ô/);
  }, 60_000);
});
