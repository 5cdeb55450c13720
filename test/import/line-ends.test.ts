/**
 * What `import` keeps of the unit's YAML file it rewrites: its line ends (LF, CRLF,
 * CR only, or mixed), its BOM, its comments and every value the form did not change;
 * the file's diff is the one line changed. A file that is not the mapping import
 * edits (a list, a single value, a syntax error) is an error naming it, never a
 * fresh start.
 */
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { exampleWorld } from "../helpers/example.ts";
import { openXmlBook } from "../helpers/xlsx-xml.ts";
import { makeForms } from "../../src/forms/make-forms.ts";
import { importForms } from "../../src/import/import-forms.ts";
import { formatDiagnostic } from "../../src/diagnostics/format.ts";

const FILE = "data/2020/ket-qua/so-y-te.yaml";
const FORM = "so-y-te-tong-ket.xlsx";
const dec = new TextDecoder("utf-8", { ignoreBOM: true });
const enc = new TextEncoder();

/** Each line with its own line end ("a\r\n", "b\r", "c\n", "d"). */
const linesWithEnds = (s: string) => s.split(/(?<=\r\n|\r(?!\n)|\n)/);

/** The example with so-y-te's results file written by `shape`, its year-end form returned with tc05's own score 10 → 9,5 and imported. */
async function importOneChange(shape: (lf: string) => string) {
  const world = exampleWorld();
  const lf = dec.decode(world.files.get(FILE)!);
  const before = shape(lf);
  world.files.set(FILE, enc.encode(before));
  const made = await makeForms(world, { dataDir: "data", outDir: "out", unit: "so-y-te", stage: "tong-ket" });
  expect(made.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const book = openXmlBook(world.files.get(`out/2020/bieu-mau/${FORM}`)!);
  const row = book.keys("Tự chấm").find((k) => k.key === "tc05")!.row;
  book.set("Tự chấm", `D${row}`, "9,5", "text");
  world.files.set(`returned/${FORM}`, book.bytes());
  const r = await importForms(world, { dataDir: "data", files: [{ path: `returned/${FORM}`, name: FORM }], check: false });
  return { lf, before, after: dec.decode(world.files.get(FILE)!), r, errors: r.diagnostics.filter((d) => d.severity === "error").map((d) => formatDiagnostic(d, "en")) };
}

describe("import keeps the rewritten file's shape", async () => {
  const base = await importOneChange((s) => s);

  it("with LF line ends: one line differs, the one changed", () => {
    expect(base.errors).toEqual([]);
    expect(base.r.files.map((f) => f.changes)).toEqual([["tong_ket.diem[tc05].tu_cham: 10 → 9.5"]]);
    const [a, b] = [linesWithEnds(base.before), linesWithEnds(base.after)];
    expect(b.length).toBe(a.length);
    expect(b.filter((l, i) => l !== a[i])).toEqual(["      tu_cham: 9.5\n"]);
  });

  const shapes: [string, string, string][] = [
    ["CRLF", "\r\n", ""],
    ["CR only", "\r", ""],
    ["CRLF with a BOM", "\r\n", "\ufeff"],
    ["CR only with a BOM", "\r", "\ufeff"],
  ];
  for (const [what, eol, bom] of shapes) {
    const ends = (s: string) => s.replace(/\n/g, eol);
    const shape = (s: string) => bom + ends(s);
    it(`with ${what}: the same change as with LF, in the file's own line ends, its comments and so_ket kept`, async () => {
      const run = await importOneChange(shape);
      expect(run.errors).toEqual([]);
      expect(run.r.files.map((f) => f.changes)).toEqual([["tong_ket.diem[tc05].tu_cham: 10 → 9.5"]]);
      expect(run.r.written).toEqual([FILE]);
      expect(run.after).toBe(shape(base.after));
      expect(run.after.startsWith(shape("# Kết quả thi đua năm 2020 (dữ liệu ví dụ).\n"))).toBe(true);
      const [was, now] = [parse(base.lf), parse(run.after.replace(/^\ufeff/, "").replace(/\r\n?/g, "\n"))];
      expect(now.so_ket).toEqual(was.so_ket);
      const [a, b] = [linesWithEnds(run.before), linesWithEnds(run.after)];
      expect(b.length).toBe(a.length);
      expect(b.filter((l, i) => l !== a[i])).toEqual([ends("      tu_cham: 9.5\n")]);
    }, 60_000);
  }

  it("with mixed line ends: each line not changed keeps its own", async () => {
    // The first 20 lines CRLF (copied from Windows), the rest LF.
    const mixed = (s: string) => {
      const lines = linesWithEnds(s);
      return lines.map((l, i) => (i < 20 ? l.replace(/\n$/, "\r\n") : l)).join("");
    };
    const run = await importOneChange(mixed);
    expect(run.errors).toEqual([]);
    const [a, b] = [linesWithEnds(run.before), linesWithEnds(run.after)];
    expect(b.length).toBe(a.length);
    expect(b.filter((l, i) => l !== a[i])).toEqual(["      tu_cham: 9.5\n"]);
  }, 60_000);
});

describe("import of a form into a file that is not a mapping", () => {
  const cases: [string, string, string, RegExp][] = [
    ["a list", "- tong_ket\n- so_ket\n", "1:1", /but found a list: no file was written/],
    ["a single value", "kết quả năm 2020\n", "1:1", /but found a single value/],
    ["a YAML syntax error", "# Kết quả\nso_ket:\n  ket_qua: [\n", "4:1", /but found a YAML syntax error/],
  ];
  for (const [what, content, at, message] of cases) {
    it(`${what}: an error naming the file, and nothing written`, async () => {
      const world = exampleWorld();
      await makeForms(world, { dataDir: "data", outDir: "out", unit: "so-y-te", stage: "tong-ket" });
      world.files.set(FILE, enc.encode(content));
      world.files.set(`returned/${FORM}`, world.files.get(`out/2020/bieu-mau/${FORM}`)!);
      const data = new Map([...world.files].filter(([k]) => k.startsWith("data/")));
      const r = await importForms(world, { dataDir: "data", files: [{ path: `returned/${FORM}`, name: FORM }], check: false });
      const errors = r.diagnostics.filter((d) => d.severity === "error");
      expect(errors.map((d) => d.code)).toEqual(["file/not-a-map"]);
      const shown = formatDiagnostic(errors[0]!, "en");
      expect(shown.startsWith(`${FILE}:${at}: error [file/not-a-map] import needs this file to hold fields (key: value)`)).toBe(true);
      expect(shown).toMatch(message);
      expect(formatDiagnostic(errors[0]!, "vi")).toMatch(new RegExp(`^${FILE}:${at}: lỗi \\[file/not-a-map\\] Lệnh import cần tệp này gồm các trường`));
      expect(r.written).toEqual([]);
      expect(new Map([...world.files].filter(([k]) => k.startsWith("data/")))).toEqual(data);
    }, 60_000);
  }
});
