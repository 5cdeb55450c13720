/**
 * Every mistake of a returned form in one run, each at its sheet and cell: a score over its
 * maximum is not hidden behind a missing cell, and two missing cells are two errors.
 */
import { describe, expect, it } from "vitest";
import { exampleWithForms } from "../helpers/example.ts";
import { openXmlBook, type XmlBook } from "../helpers/xlsx-xml.ts";
import { importForms } from "../../src/import/import-forms.ts";
import { formatDiagnostic } from "../../src/diagnostics/format.ts";

const rowOf = (book: XmlBook, sheet: string, key: string) => book.keys(sheet).find((k) => k.key === key)!.row;

describe("a form with several mistakes", () => {
  it("says each, at its cell, in one run", async () => {
    const { world } = await exampleWithForms("so-y-te");
    const book = openXmlBook(world.files.get("out/2020/bieu-mau/so-y-te-tong-ket.xlsx")!);
    book.set("Tự chấm", `D${rowOf(book, "Tự chấm", "tc01")}`, 22);
    book.set("Tự chấm", `D${rowOf(book, "Tự chấm", "ngay_gui")}`, undefined);
    book.set("Tự chấm", `D${rowOf(book, "Tự chấm", "tc02")}`, 99);
    world.files.set("returned/so-y-te-tong-ket.xlsx", book.bytes());
    const r = await importForms(world, { dataDir: "data", files: [{ path: "returned/so-y-te-tong-ket.xlsx", name: "so-y-te-tong-ket.xlsx" }], check: false, blocColumns: false });
    const errors = r.diagnostics.filter((d) => d.severity === "error").map((d) => formatDiagnostic(d, "vi").split("\n")[0]);
    expect(errors).toHaveLength(3);
  }, 60_000);
});

describe("a registration form with both required counts left empty", () => {
  it("gives two errors, each at its cell, none at a data file and none about an editor", async () => {
    const { world } = await exampleWithForms("so-y-te");
    const book = openXmlBook(world.files.get("out/2020/bieu-mau/so-y-te-dang-ky.xlsx")!);
    book.set("Đăng ký", `D${rowOf(book, "Đăng ký", "lao_dong_tien_tien")}`, undefined);
    book.set("Đăng ký", `D${rowOf(book, "Đăng ký", "chien_si_thi_dua_co_so")}`, undefined);
    world.files.set("returned/so-y-te-dang-ky.xlsx", book.bytes());
    const r = await importForms(world, { dataDir: "data", files: [{ path: "returned/so-y-te-dang-ky.xlsx", name: "so-y-te-dang-ky.xlsx" }], check: false, blocColumns: false });
    const errors = r.diagnostics.filter((d) => d.severity === "error");
    const text = errors.map((d) => formatDiagnostic(d, "vi"));
    expect(errors).toHaveLength(2);
    for (const t of text) {
      expect(t).toMatch(/^so-y-te-dang-ky\.xlsx › Đăng ký › D\d+: /u);
      expect(t).not.toMatch(/VS Code|\.yaml/u);
    }
  }, 60_000);
});

describe("a penalty added on a form whose data had none", () => {
  it("is written one item a line, as the rest of the file, not as a one-line [ { … } ]", async () => {
    const { world } = await exampleWithForms("so-y-te");
    expect(new TextDecoder().decode(world.files.get("data/2020/ket-qua/so-y-te.yaml")!)).toContain("diem_tru: []\n");
    const book = openXmlBook(world.files.get("out/2020/bieu-mau/so-y-te-tong-ket.xlsx")!);
    const row = book.keys("Tự chấm").find((k) => k.key === "tru")!.row;
    book.set("Tự chấm", `D${row}`, 1);
    book.set("Tự chấm", `E${row}`, "Gửi báo cáo trễ hạn", "text");
    world.files.set("returned/so-y-te-tong-ket.xlsx", book.bytes());
    const r = await importForms(world, { dataDir: "data", files: [{ path: "returned/so-y-te-tong-ket.xlsx", name: "so-y-te-tong-ket.xlsx" }], check: false, blocColumns: false });
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const text = new TextDecoder().decode(world.files.get("data/2020/ket-qua/so-y-te.yaml")!);
    expect(text).toMatch(/\n {2}diem_tru:\n {4}- diem: 1\n {6}ly_do: Gửi báo cáo trễ hạn\n/u);
    expect(text).not.toContain("[ {");
  }, 60_000);
});
