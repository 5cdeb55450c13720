import { describe, expect, it } from "vitest";
import PizZip from "pizzip";
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { exampleWithForms, exampleWorld } from "../helpers/example.ts";
import { openXmlBook, type XmlBook } from "../helpers/xlsx-xml.ts";
import { importForms } from "../../src/import/import-forms.ts";
import { changedValues } from "../../src/import/changed-values.ts";
import { formatDiagnostic } from "../../src/diagnostics/format.ts";
import { nodeWorld } from "../../src/io/node-world.ts";
import type { MemoryWorld } from "../../src/io/memory-world.ts";

async function withForms(): Promise<{ world: MemoryWorld; form: (name: string) => Uint8Array }> {
  const { world } = await exampleWithForms("so-y-te");
  return { world, form: (name) => world.files.get(`out/2020/bieu-mau/${name}`)! };
}

async function importOne(world: MemoryWorld, name: string, bytes: Uint8Array, lang: "vi" | "en" = "vi", blocColumns = false) {
  world.files.set(`returned/${name}`, bytes);
  const r = await importForms(world, { dataDir: "data", files: [{ path: `returned/${name}`, name }], check: true, blocColumns });
  const shown = (sev: string) => r.diagnostics.filter((d) => d.severity === sev).map((d) => formatDiagnostic(d, lang));
  return { ...r, errors: shown("error"), warnings: shown("warning") };
}

const rowOf = (book: XmlBook, sheet: string, key: string) => book.keys(sheet).find((k) => k.key === key)!.row;
const TC = ["tc01", "tc02", "tc03", "tc04", "tc05", "tc06", "tc07", "tc08", "tc09", "tc10"];

describe("an imported workbook too large to read", () => {
  it("refuses a small zip whose entries declare a huge uncompressed size, before parsing it", async () => {
    const { world } = await withForms();
    const zip = new PizZip();
    zip.file("[Content_Types].xml", "<Types/>");
    zip.file("xl/worksheets/sheet1.xml", " ".repeat(21 * 1024 * 1024));
    const bytes = zip.generate({ type: "uint8array", compression: "DEFLATE" });
    expect(bytes.byteLength).toBeLessThan(200_000);
    const r = await importOne(world, "so-y-te-tong-ket.xlsx", bytes);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(/^so-y-te-tong-ket\.xlsx: lỗi \[import\/too-large\] .*giải nén/);
  }, 60_000);

  it("refuses a file above the size limit without reading it", async () => {
    const { world } = await withForms();
    const r = await importOne(world, "so-y-te-tong-ket.xlsx", new Uint8Array(5 * 1024 * 1024 + 1));
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(/^so-y-te-tong-ket\.xlsx: lỗi \[import\/too-large\] Tệp lớn 5\.0 MiB/);
  });
});

describe("errors of empty cells are located at the cells", () => {
  it("one error on column E when the bloc's column is empty for every criterion", async () => {
    const { world, form } = await withForms();
    const book = openXmlBook(form("so-y-te-tong-ket.xlsx"));
    for (const tc of TC) book.set("Tự chấm", `E${rowOf(book, "Tự chấm", tc)}`, undefined);
    // The bloc's own copy (import --khoi-cham): from a unit's form, column E is never read.
    const r = await importOne(world, "so-y-te-tong-ket.xlsx", book.bytes(), "vi", true);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(/^so-y-te-tong-ket\.xlsx › Tự chấm › E9:E18: lỗi \[import\/bloc-column-empty\]/);
    expect(r.errors[0]).toContain("Khối điền cột Điểm Khối thẩm định trước khi nhập");
    expect(r.errors[0]).not.toMatch(/yaml|VS Code/i);
  }, 60_000);

  it("a cleared score cell is reported at its cell with a hint about the form", async () => {
    const { world, form } = await withForms();
    const book = openXmlBook(form("so-y-te-tong-ket.xlsx"));
    const row = rowOf(book, "Tự chấm", "tc06");
    book.set("Tự chấm", `D${row}`, undefined);
    const r = await importOne(world, "so-y-te-tong-ket.xlsx", book.bytes());
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(new RegExp(`^so-y-te-tong-ket\\.xlsx › Tự chấm › D${row}: lỗi \\[schema/missing\\] Thiếu trường bắt buộc tong_ket\\.diem\\[tc06\\]\\.tu_cham`));
    expect(r.errors[0]).toMatch(/→ .*ô/);
    expect(r.errors[0]).not.toMatch(/yaml|VS Code/i);
  }, 60_000);
});

describe("hints written for the form's user", () => {
  it("a date that does not exist", async () => {
    const { world, form } = await withForms();
    const book = openXmlBook(form("so-y-te-tong-ket.xlsx"));
    book.set("Tự chấm", `D${rowOf(book, "Tự chấm", "ngay_gui")}`, "31/02/2021", "text");
    const r = await importOne(world, "so-y-te-tong-ket.xlsx", book.bytes());
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(/› Tự chấm › D6: lỗi \[schema\/format\]/);
    expect(r.errors[0]).toContain("31/02/2021");
    expect(r.errors[0]).toMatch(/không có thật/);
    expect(r.errors[0]).not.toContain("2021-02-31");
  }, 60_000);

  for (const bad of ["abc", "1.234,5"]) {
    it(`a score cell holding ${bad}`, async () => {
      const { world, form } = await withForms();
      const book = openXmlBook(form("so-y-te-tong-ket.xlsx"));
      book.set("Tự chấm", `D${rowOf(book, "Tự chấm", "tc02")}`, bad, "text");
      const r = await importOne(world, "so-y-te-tong-ket.xlsx", book.bytes());
      expect(r.errors).toHaveLength(1);
      expect(r.errors[0]).toMatch(/› Tự chấm › D10: lỗi \[schema\/type\]/);
      expect(r.errors[0]).toMatch(/9,5 hoặc 9\.5/);
      expect(r.errors[0]).not.toMatch(/ngoặc kép|“- ”/);
    }, 60_000);
  }
});

describe("a file that is not a workbook", () => {
  it("says in Vietnamese that it is not an .xlsx workbook, without the zip library's text", async () => {
    const { world } = await withForms();
    const r = await importOne(world, "so-y-te-tong-ket.xlsx", new TextEncoder().encode("not a zip at all"));
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(/^so-y-te-tong-ket\.xlsx: lỗi \[import\/unreadable\] Tệp không phải bảng tính Excel \(\.xlsx\) hoặc đã bị hỏng/);
    expect(r.errors[0]).not.toMatch(/https?:|central directory/);
    const en = (await importOne(world, "so-y-te-tong-ket.xlsx", new TextEncoder().encode("not a zip at all"), "en")).errors[0]!;
    expect(en).not.toMatch(/https?:/);
  }, 60_000);

  it("a folder given as a form", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ktd-fx1-"));
    try {
      mkdirSync(join(dir, "data"));
      mkdirSync(join(dir, "nhan-ve"));
      const ex = exampleWorld();
      const world = nodeWorld(dir);
      for (const [p, b] of ex.files) if (p.startsWith("data/")) await world.writeFileAtomic(p, b);
      const r = await importForms(world, { dataDir: "data", files: [{ path: join(dir, "nhan-ve"), name: "nhan-ve" }], check: true });
      const errors = r.diagnostics.map((d) => formatDiagnostic(d, "vi"));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/^nhan-ve: lỗi \[import\/is-folder\] .*là thư mục, không phải tệp \.xlsx/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe("a criterion row missing from the returned form", () => {
  const clearRow = (book: XmlBook, row: number) => {
    for (const c of ["A", "B", "C", "D", "E", "F"]) book.set("Tự chấm", `${c}${row}`, undefined);
  };

  it("warns that the old values are kept", async () => {
    const { world, form } = await withForms();
    const book = openXmlBook(form("so-y-te-tong-ket.xlsx"));
    clearRow(book, rowOf(book, "Tự chấm", "tc06"));
    const r = await importOne(world, "so-y-te-tong-ket.xlsx", book.bytes());
    expect(r.errors).toEqual([]);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(/^so-y-te-tong-ket\.xlsx › Tự chấm: cảnh báo \[import\/missing-criterion\] .*dòng tiêu chí tc06 không có trong biểu mẫu gửi lại: giữ giá trị cũ/i);
  }, 60_000);

  it("is an error when the data has no value for that criterion", async () => {
    const { world, form } = await withForms();
    const path = "data/2020/ket-qua/so-y-te.yaml";
    const text = new TextDecoder().decode(world.files.get(path)!);
    const cut = text.replace(/\n {4}- tieu_chi: tc06\n {6}tu_cham: .*\n {6}khoi_cham: .*\n/, "\n");
    expect(cut).not.toBe(text);
    world.files.set(path, new TextEncoder().encode(cut));
    const book = openXmlBook(form("so-y-te-tong-ket.xlsx"));
    clearRow(book, rowOf(book, "Tự chấm", "tc06"));
    const r = await importOne(world, "so-y-te-tong-ket.xlsx", book.bytes());
    expect(r.errors).toContainEqual(expect.stringMatching(/\[import\/missing-criterion-new\].*tc06/));
  }, 60_000);
});

describe("import --check's change list", () => {
  it("leaves out an empty list added or removed", () => {
    expect(changedValues({ a: 1 }, { a: 2, tong_ket: { diem_cong: [] } })).toEqual(["a: 1 → 2"]);
    expect(changedValues({ tong_ket: { diem_cong: [] } }, {})).toEqual([]);
  });
});
