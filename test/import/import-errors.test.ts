import { describe, expect, it } from "vitest";
import { exampleWithForms } from "../helpers/example.ts";
import { openXmlBook, type XmlBook } from "../helpers/xlsx-xml.ts";
import { importForms } from "../../src/import/import-forms.ts";
import { formatDiagnostic } from "../../src/diagnostics/format.ts";
import type { MemoryWorld } from "../../src/io/memory-world.ts";

/** The example with its prefilled forms made; returns the world and a form's bytes. */
async function withForms(): Promise<{ world: MemoryWorld; form: (name: string) => Uint8Array }> {
  const { world, written } = await exampleWithForms("so-y-te");
  expect(written.length).toBe(3);
  return { world, form: (name) => world.files.get(`out/2020/bieu-mau/${name}`)! };
}

function dataSnapshot(world: MemoryWorld): Map<string, string> {
  return new Map([...world.files].filter(([k]) => k.startsWith("data/")).map(([k, v]) => [k, Buffer.from(v).toString("base64")]));
}

async function importOne(world: MemoryWorld, name: string, bytes: Uint8Array, check = false, blocColumns = false) {
  world.files.set(`returned/${name}`, bytes);
  const r = await importForms(world, { dataDir: "data", files: [{ path: `returned/${name}`, name }], check, blocColumns });
  return { ...r, errors: r.diagnostics.filter((d) => d.severity === "error").map((d) => formatDiagnostic(d, "vi")) };
}

/** tc01's row on the Tự chấm sheet. */
function rowOf(book: XmlBook, sheet: string, key: string): number {
  return book.keys(sheet).find((k) => k.key === key)!.row;
}

describe("a form that is not there", () => {
  it("names the path tried and how to get it right, not a data file to create; nothing written", async () => {
    const { world } = await withForms();
    const before = dataSnapshot(world);
    const r = await importForms(world, { dataDir: "data", files: [{ path: "Downloads/so-y-te-tong-ket.xlsx", name: "so-y-te-tong-ket.xlsx" }], check: false, blocColumns: false });
    const said = r.diagnostics.map((d) => formatDiagnostic(d, "vi"));
    expect(said).toEqual([expect.stringMatching(/^so-y-te-tong-ket\.xlsx: lỗi \[import\/not-found\] Không tìm thấy tệp biểu mẫu Downloads\/so-y-te-tong-ket\.xlsx\n    → Kiểm tra tên tệp và thư mục/)]);
    expect(r.written).toEqual([]);
    expect(dataSnapshot(world)).toEqual(before);
  }, 60_000);
});

describe("import of an unchanged form", () => {
  it("changes no file in data/, also after a re-sort and an added empty row", async () => {
    const { world, form } = await withForms();
    const before = dataSnapshot(world);
    for (const name of ["so-y-te-dang-ky.xlsx", "so-y-te-so-ket.xlsx", "so-y-te-tong-ket.xlsx"]) {
      const r = await importOne(world, name, form(name));
      expect(r.errors).toEqual([]);
      expect(r.files).toEqual([]);
    }
    const book = openXmlBook(form("so-y-te-tong-ket.xlsx"));
    book.swapRows("Tự chấm", rowOf(book, "Tự chấm", "tc01"), rowOf(book, "Tự chấm", "tc05"));
    book.insertEmptyRow("Tự chấm", rowOf(book, "Tự chấm", "tc03"));
    const r = await importOne(world, "so-y-te-tong-ket.xlsx", book.bytes());
    expect(r.errors).toEqual([]);
    expect(r.files).toEqual([]);
    expect(dataSnapshot(world)).toEqual(before);
  }, 60_000);

  it("changes only the value edited, keeping the file's comments", async () => {
    const { world, form } = await withForms();
    const book = openXmlBook(form("so-y-te-tong-ket.xlsx"));
    book.set("Tự chấm", `D${rowOf(book, "Tự chấm", "tc05")}`, "9,5", "text");
    const r = await importOne(world, "so-y-te-tong-ket.xlsx", book.bytes());
    expect(r.errors).toEqual([]);
    expect(r.files.map((f) => f.changes)).toEqual([["tong_ket.diem[tc05].tu_cham: 10 → 9.5"]]);
    const text = new TextDecoder().decode(world.files.get("data/2020/ket-qua/so-y-te.yaml")!);
    expect(text.startsWith("# Kết quả thi đua năm 2020 (dữ liệu ví dụ).\n")).toBe(true);
    expect(text).toMatch(/tieu_chi: tc05\n {6}tu_cham: 9\.5\n {6}khoi_cham: 9\.5/);
  }, 60_000);

  it("--check reports the change and writes nothing", async () => {
    const { world, form } = await withForms();
    const before = dataSnapshot(world);
    const book = openXmlBook(form("so-y-te-so-ket.xlsx"));
    book.set("Sơ kết", `E${rowOf(book, "Sơ kết", "tc01")}`, 60);
    const r = await importOne(world, "so-y-te-so-ket.xlsx", book.bytes(), true);
    expect(r.files.map((f) => f.changes)).toEqual([["so_ket.ket_qua[tc01].ty_le: 55 → 60"]]);
    expect(r.written).toEqual([]);
    expect(dataSnapshot(world)).toEqual(before);
  }, 60_000);
});

describe("a form with a mistake gives one located error and writes nothing", () => {
  // The fifth item: the form is the bloc's own copy (import --khoi-cham), whose column E is read.
  const cases: [string, string, (b: XmlBook) => void, RegExp, boolean?][] = [
    ["a score above its maximum", "so-y-te-tong-ket.xlsx", (b) => b.set("Tự chấm", `D${rowOf(b, "Tự chấm", "tc01")}`, 22), /^so-y-te-tong-ket\.xlsx › Tự chấm › D\d+: lỗi \[score\/over-max\] Điểm 22 vượt điểm tối đa 20 của tiêu chí tc01/],
    ["a text in a number cell", "so-y-te-tong-ket.xlsx", (b) => b.set("Tự chấm", `E${rowOf(b, "Tự chấm", "tc02")}`, "mười", "text"), /^so-y-te-tong-ket\.xlsx › Tự chấm › E\d+: lỗi \[schema\/type\] Trường tong_ket\.diem\[tc02\]\.khoi_cham sai kiểu/, true],
    ["a missing required cell", "so-y-te-dang-ky.xlsx", (b) => b.set("Đăng ký", `D${rowOf(b, "Đăng ký", "ngay")}`, undefined), /^so-y-te-dang-ky\.xlsx › Đăng ký › D\d+: lỗi \[schema\/missing\] Thiếu trường bắt buộc ngay/],
    ["a form named after another unit", "so-gddt-tong-ket.xlsx", () => {}, /^so-gddt-tong-ket\.xlsx › Mã biểu mẫu › B3: lỗi \[import\/file-name-unit\] Biểu mẫu là của đơn vị “so-y-te”, nhưng tên tệp so-gddt-tong-ket\.xlsx là của đơn vị “so-gddt”/],
    ["a form of another year", "so-y-te-tong-ket.xlsx", (b) => b.setIdentity("B2", 2019), /^so-y-te-tong-ket\.xlsx › Mã biểu mẫu › B2: lỗi \[import\/unknown-year\] Biểu mẫu của năm 2019/],
    ["a form of another bloc", "so-y-te-tong-ket.xlsx", (b) => b.setIdentity("B1", "K7"), /^so-y-te-tong-ket\.xlsx › Mã biểu mẫu › B1: lỗi \[import\/other-bloc\]/],
    ["a form of a unit not in the bloc", "so-y-te-tong-ket.xlsx", (b) => b.setIdentity("B3", "so-tu-phap"), /^so-y-te-tong-ket\.xlsx › Mã biểu mẫu › B3: lỗi \[import\/unknown-unit\] Đơn vị “so-tu-phap”/],
  ];
  for (const [what, name, edit, expected, blocColumns] of cases) {
    it(what, async () => {
      const { world, form } = await withForms();
      const before = dataSnapshot(world);
      const source = name.includes("dang-ky") ? "so-y-te-dang-ky.xlsx" : "so-y-te-tong-ket.xlsx";
      const book = openXmlBook(form(source));
      edit(book);
      const r = await importOne(world, name, book.bytes(), false, blocColumns);
      expect(r.errors).toHaveLength(1);
      expect(r.errors[0]).toMatch(expected);
      expect(r.written).toEqual([]);
      expect(dataSnapshot(world)).toEqual(before);
    }, 60_000);
  }
});
