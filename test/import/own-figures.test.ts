/**
 * Issue 20, item 7: a unit's form changes only the unit's own figures. The
 * bloc's cells (its review score, its note on a criterion it scored
 * differently) come in only from the bloc's own copy (import --khoi-cham); a
 * form whose file name does not say it is that unit's changes the unit's data
 * only when the secretary confirms the unit (--xac-nhan-don-vi).
 */
import { describe, expect, it } from "vitest";
import { exampleWorld } from "../helpers/example.ts";
import { openXmlBook, type XmlBook } from "../helpers/xlsx-xml.ts";
import { makeForms } from "../../src/forms/make-forms.ts";
import { importForms, type ImportOptions } from "../../src/import/import-forms.ts";
import { formatDiagnostic } from "../../src/diagnostics/format.ts";
import { helpText, parseArgs } from "../../src/cli/args.ts";
import type { MemoryWorld } from "../../src/io/memory-world.ts";

async function withForms(...units: string[]): Promise<{ world: MemoryWorld; form: (name: string) => XmlBook }> {
  const world = exampleWorld();
  for (const unit of units) await makeForms(world, { dataDir: "data", outDir: "out", unit, stage: "tong-ket" });
  return { world, form: (name) => openXmlBook(world.files.get(`out/2020/bieu-mau/${name}`)!) };
}

const dataSnapshot = (world: MemoryWorld) => new Map([...world.files].filter(([k]) => k.startsWith("data/")).map(([k, v]) => [k, Buffer.from(v).toString("base64")]));

async function importOne(world: MemoryWorld, name: string, bytes: Uint8Array, opts: Partial<ImportOptions> = {}) {
  world.files.set(`returned/${name}`, bytes);
  const r = await importForms(world, { dataDir: "data", files: [{ path: `returned/${name}`, name }], check: false, ...opts });
  const shown = (sev: string) => r.diagnostics.filter((d) => d.severity === sev).map((d) => formatDiagnostic(d, "vi"));
  return { ...r, errors: shown("error"), warnings: shown("warning"), changes: r.files.flatMap((f) => f.changes) };
}

const TK = "Tự chấm";
const rowOf = (book: XmlBook, key: string) => book.keys(TK).find((k) => k.key === key)!.row;
const SO_Y_TE = "data/2020/ket-qua/so-y-te.yaml";
const text = (world: MemoryWorld, path: string) => new TextDecoder().decode(world.files.get(path)!);

/** so-y-te's year-end form in which the unit raised the bloc's score of tc05 (9,5 → 10), rewrote the bloc's note, and its own note of tc01. */
function unitEdits(book: XmlBook): { tc01: number; tc05: number } {
  const tc01 = rowOf(book, "tc01");
  const tc05 = rowOf(book, "tc05");
  book.set(TK, `E${tc05}`, 10);
  book.set(TK, `F${tc05}`, "Hoàn thành số hóa hồ sơ", "text");
  book.set(TK, `F${tc01}`, "Vượt mọi chỉ tiêu y tế", "text");
  return { tc01, tc05 };
}

describe("the bloc's cells in a unit's form", () => {
  it("are not imported: the bloc's score and note stay, a warning names the cells, the unit's own note comes in", async () => {
    const { world, form } = await withForms("so-y-te");
    const book = form("so-y-te-tong-ket.xlsx");
    const { tc05 } = unitEdits(book);
    const r = await importOne(world, "so-y-te-tong-ket.xlsx", book.bytes());
    expect(r.errors).toEqual([]);
    expect(r.changes).toEqual(['tong_ket.diem[tc01].minh_chung: "Hoàn thành và vượt các chỉ tiêu y tế; kiểm soát tốt dịch COVID-19" → "Vượt mọi chỉ tiêu y tế"']);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(new RegExp(`^so-y-te-tong-ket\\.xlsx › Tự chấm › E${tc05}: cảnh báo \\[import/bloc-cells-kept\\] Các ô E${tc05}, F${tc05} là phần của Khối`));
    expect(r.warnings[0]).toContain("--khoi-cham");
    const saved = text(world, SO_Y_TE);
    expect(saved).toMatch(/tieu_chi: tc05\n {6}tu_cham: 10\n {6}khoi_cham: 9\.5\n {6}minh_chung: "Khối trừ 0,5 điểm/);
  }, 60_000);

  it("come in from the bloc's own copy (--khoi-cham), without a warning", async () => {
    const { world, form } = await withForms("so-y-te");
    const book = form("so-y-te-tong-ket.xlsx");
    unitEdits(book);
    const r = await importOne(world, "so-y-te-tong-ket.xlsx", book.bytes(), { blocColumns: true });
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.changes).toContain("tong_ket.diem[tc05].khoi_cham: 9.5 → 10");
    expect(r.changes).toContain('tong_ket.diem[tc05].minh_chung: "Khối trừ 0,5 điểm: chưa hoàn thành số hóa hồ sơ thủ tục hành chính theo kế hoạch" → "Hoàn thành số hóa hồ sơ"');
  }, 60_000);

  it("the options are on the command line and in the help, in both languages", () => {
    const o = parseArgs(["import", "a.xlsx", "--khoi-cham", "--xac-nhan-don-vi", "so-y-te", "--xac-nhan-don-vi=so-gddt"]);
    expect(o.errors).toEqual([]);
    expect(o.blocColumns).toBe(true);
    expect(o.confirmUnits).toEqual(["so-y-te", "so-gddt"]);
    expect(parseArgs(["import", "a.xlsx"]).blocColumns).toBe(false);
    expect(parseArgs(["import", "a.xlsx", "--xac-nhan-don-vi", "Sở Y tế"]).errors).toEqual(["--xac-nhan-don-vi needs a unit id, e.g. so-y-te"]);
    for (const help of [helpText("vi"), helpText("en"), helpText("vi", "import")]) for (const opt of ["--khoi-cham", "--xac-nhan-don-vi"]) expect(help).toContain(opt);
  });
});

describe("a form relabelled as another unit", () => {
  /** so-gddt's year-end form with its hidden identity sheet edited to say so-y-te. */
  async function relabelled() {
    const { world, form } = await withForms("so-gddt", "so-y-te");
    const book = form("so-gddt-tong-ket.xlsx");
    book.setIdentity("B3", "so-y-te");
    return { world, bytes: book.bytes(), form };
  }

  it("under a neutral file name is refused, naming the file and the unit, and nothing is written", async () => {
    const { world, bytes } = await relabelled();
    const before = dataSnapshot(world);
    const r = await importOne(world, "bieu-mau.xlsx", bytes);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(/^bieu-mau\.xlsx › Mã biểu mẫu › B3: lỗi \[import\/unconfirmed-unit\] Tên tệp bieu-mau\.xlsx không nêu đơn vị nào, còn trang ẩn của biểu mẫu ghi là của đơn vị “so-y-te”: không sửa dữ liệu của “so-y-te” \(data\/2020\/ket-qua\/so-y-te\.yaml\)/);
    expect(r.errors[0]).toContain("so-y-te-tong-ket.xlsx hoặc nhập lại với --xac-nhan-don-vi so-y-te");
    expect(r.written).toEqual([]);
    expect(dataSnapshot(world)).toEqual(before);
  }, 60_000);

  it("is imported when the secretary confirms the unit, under a neutral name or another unit's", async () => {
    for (const name of ["bieu-mau.xlsx", "so-gddt-tong-ket.xlsx"]) {
      const { world, bytes } = await relabelled();
      const r = await importOne(world, name, bytes, { confirmUnits: ["so-y-te"] });
      expect(r.errors).toEqual([]);
      expect(r.written).toEqual([SO_Y_TE]);
    }
  }, 120_000);

  it("a confirmed unit that is not one of the bloc (a typo) is an error naming the nearest id, and nothing is written", async () => {
    const { world, bytes } = await relabelled();
    const before = dataSnapshot(world);
    const r = await importOne(world, "bieu-mau.xlsx", bytes, { confirmUnits: ["so-yte"] });
    expect(r.errors[0]).toMatch(/^--xac-nhan-don-vi: lỗi \[import\/confirm-unknown-unit\] --xac-nhan-don-vi so-yte: .*\n {4}→ Mã đơn vị gần nhất trước: so-y-te, /);
    expect(r.written).toEqual([]);
    expect(dataSnapshot(world)).toEqual(before);
  }, 120_000);

  it("a unit's own form under a neutral name that changes nothing, or under its name with a copy number, needs no confirmation", async () => {
    const { world, form } = await withForms("so-y-te");
    const unchanged = await importOne(world, "bieu-mau.xlsx", form("so-y-te-tong-ket.xlsx").bytes());
    expect(unchanged.errors).toEqual([]);
    expect(unchanged.files).toEqual([]);
    const book = form("so-y-te-tong-ket.xlsx");
    book.set(TK, `D${rowOf(book, "tc05")}`, "9,5", "text");
    const copy = await importOne(world, "So-Y-Te-tong-ket (1).xlsx", book.bytes());
    expect(copy.errors).toEqual([]);
    expect(copy.changes).toEqual(["tong_ket.diem[tc05].tu_cham: 10 → 9.5"]);
  }, 60_000);
});
