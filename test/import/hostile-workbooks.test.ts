/**
 * Workbooks from other agencies are untrusted: each hostile one is refused
 * with a located error, in bounded time and memory, never a crash. The
 * reading runs in a child process with a small heap (256 MB), so that a
 * reading that hangs or blows up is seen as such (killed after a while)
 * instead of taking the test runner down; each case's CPU time and the
 * child's peak memory are checked too.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { exampleWorld } from "../helpers/example.ts";
import { REPO } from "../helpers/fixture-world.ts";
import { bombEntry, entriesOf, zipOf } from "../helpers/hostile-xlsx.ts";
import { openXmlBook, type XmlBook } from "../helpers/xlsx-xml.ts";
import { makeForms } from "../../src/forms/make-forms.ts";
import { importForms } from "../../src/import/import-forms.ts";
import { yamlValue } from "../../src/import/cell-values.ts";
import { formatDiagnostic } from "../../src/diagnostics/format.ts";
import type { MemoryWorld } from "../../src/io/memory-world.ts";

const NAME = "so-y-te-tong-ket.xlsx";
const SHEET = "Tự chấm";
/** A GiB inflated from about a MB. */
const BOMB_MIB = 1024;
/** Most CPU time for reading one workbook (a valid form takes a few hundred ms). */
const MAX_CPU_MS = 3000;
/** Most memory the child may reach (it starts at about 100 MB; 1 GiB inflated would be far above). */
const MAX_RSS_MB = 400;
/** A reading that prints nothing for this long has hung (the machine may be busy: generous). */
const HANG_MS = 60_000;

const editSheet = (form: Uint8Array, edit: (xml: string) => string) => {
  const book = openXmlBook(form);
  book.editXml(SHEET, edit);
  return book.bytes();
};
const withMerges = (refs: string[]) => (xml: string) => xml.replace("</mergeCells>", refs.map((r) => `<mergeCell ref="${r}"/>`).join("") + "</mergeCells>");
const range = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i));

interface Case {
  name: string;
  make: (form: Uint8Array) => Uint8Array;
  /** The one error it gives, "place: code"; none for a valid form. */
  error?: string;
  /** The message's beginning, formatted in Vietnamese, when imported. */
  message?: RegExp;
  /** Read only (importing it in the test runner too would only repeat the valid form's case, slowly). */
  readOnly?: true;
}

const CASES: Case[] = [
  { name: "a valid form", make: (form) => form },
  {
    name: "a ~1 GiB zip bomb whose central directory says 0 entries",
    make: (form) => zipOf([...entriesOf(form), bombEntry("xl/worksheets/sheet4.xml", BOMB_MIB)], { count: 0 }),
    error: `${NAME}: import/too-large`,
    message: /^so-y-te-tong-ket\.xlsx: lỗi \[import\/too-large\] Nội dung giải nén của tệp lớn 1024\.0 MiB, vượt giới hạn 20\.0 MiB/,
  },
  {
    name: "a ~1 GiB zip bomb with 64 junk bytes in front",
    make: (form) => zipOf([...entriesOf(form), bombEntry("xl/worksheets/sheet4.xml", BOMB_MIB)], { prefix: 64 }),
    error: `${NAME}: import/too-large`,
  },
  {
    name: "a ~1 GiB entry that says it is 1000 bytes",
    make: (form) => zipOf([...entriesOf(form), { ...bombEntry("xl/worksheets/sheet4.xml", BOMB_MIB), size: 1000 }]),
    error: `${NAME}: import/unreadable`,
    message: /^so-y-te-tong-ket\.xlsx: lỗi \[import\/unreadable\] Tệp không phải bảng tính Excel/,
  },
  {
    name: "40,000 merged ranges",
    make: (form) => editSheet(form, withMerges(range(40_000, (i) => `H${i + 1}:I${i + 1}`))),
    error: `${NAME} › ${SHEET}: import/too-many-merges`,
    message: /^so-y-te-tong-ket\.xlsx › Tự chấm: lỗi \[import\/too-many-merges\] Trang có 40003 vùng gộp ô, vượt giới hạn 1000 vùng/,
  },
  {
    name: "one merged range over the whole sheet (a 10 KiB form)",
    make: (form) => editSheet(form, withMerges(["H1:XFD1048576"])),
    error: `${NAME} › ${SHEET}: import/too-many-cells`,
    message: /^so-y-te-tong-ket\.xlsx › Tự chấm: lỗi \[import\/too-many-cells\] Bảng tính có \d+ ô/,
  },
  {
    name: "a workbook just within the limits (96,000 cells, 990 merges) is read",
    readOnly: true,
    make: (form) =>
      editSheet(form, (xml) =>
        withMerges(range(990, (i) => `AB${i + 40}:AC${i + 40}`))(
          xml.replace("</sheetData>", range(4800, (i) => `<row r="${i + 40}">${range(20, (c) => `<c r="${String.fromCharCode(71 + c)}${i + 40}"><v>${i}</v></c>`).join("")}</row>`).join("") + "</sheetData>"),
        ),
      ),
  },
  {
    name: "150,000 rows within the size limits",
    make: (form) => editSheet(form, (xml) => xml.replace("</sheetData>", range(150_000, (i) => `<row r="${i + 40}"><c r="H${i + 40}"><v>1</v></c></row>`).join("") + "</sheetData>")),
    error: `${NAME} › ${SHEET}: import/too-many-rows`,
    message: /^so-y-te-tong-ket\.xlsx › Tự chấm: lỗi \[import\/too-many-rows\] Trang có 150025 dòng, vượt giới hạn 10000 dòng/,
  },
];

interface Read {
  path: string;
  cpuMs: number;
  maxRssMb: number;
  problems: string[];
  sheets: string[];
}

/** Reads the files in a child process; a file whose reading hung or crashed gets a string saying so, and the rest are read again. */
async function readInChild(paths: string[]): Promise<Map<string, Read | string>> {
  const out = new Map<string, Read | string>();
  let rest = paths;
  while (rest.length) {
    const failed = await new Promise<{ path?: string; why: string }>((resolve) => {
      const child = spawn(process.execPath, ["--import", "tsx", "--max-old-space-size=256", join(REPO, "test/helpers/read-forms-child.ts"), ...rest], { cwd: REPO });
      let started: string | undefined;
      let buffered = "";
      let stderr = "";
      let timer = setTimeout(() => child.kill("SIGKILL"), HANG_MS);
      child.stderr.on("data", (d) => (stderr = (stderr + d).slice(-2000)));
      child.stdout.on("data", (d) => {
        buffered += d;
        let nl: number;
        while ((nl = buffered.indexOf("\n")) >= 0) {
          const line = JSON.parse(buffered.slice(0, nl));
          buffered = buffered.slice(nl + 1);
          clearTimeout(timer);
          timer = setTimeout(() => child.kill("SIGKILL"), HANG_MS);
          if (line.start) started = line.start;
          else if (line.path) {
            out.set(line.path, line);
            started = undefined;
          }
        }
      });
      child.on("close", (code, signal) => {
        clearTimeout(timer);
        const said = stderr.split("\n").find((l) => /error/i.test(l)) ?? stderr.trim().split("\n").pop();
        resolve({ path: started, why: signal === "SIGKILL" ? `no answer in ${HANG_MS / 1000} s: killed` : `crashed (exit ${code ?? signal}): ${said}` });
      });
    });
    if (failed.path) out.set(failed.path, failed.why);
    const next = rest.filter((p) => !out.has(p));
    if (next.length === rest.length) {
      for (const p of next) out.set(p, failed.why);
      break;
    }
    rest = next;
  }
  return out;
}

let world: MemoryWorld;
let dir: string;
const files = new Map<Case, { path: string; bytes: Uint8Array }>();
let read: Map<string, Read | string>;

beforeAll(async () => {
  world = exampleWorld();
  await makeForms(world, { dataDir: "data", outDir: "out", unit: "so-y-te" });
  const form = world.files.get(`out/2020/bieu-mau/${NAME}`)!;
  dir = mkdtempSync(join(tmpdir(), "ktd-hostile-"));
  for (const [i, c] of CASES.entries()) {
    const bytes = c.make(form);
    mkdirSync(join(dir, `${i}`));
    const path = join(dir, `${i}`, NAME);
    writeFileSync(path, bytes);
    files.set(c, { path, bytes });
  }
  read = await readInChild([...files.values()].map((f) => f.path));
  if (process.env.SHOW_READS) console.log([...read.values()]);
}, 600_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function importOne(bytes: Uint8Array) {
  world.files.set(`returned/${NAME}`, bytes);
  const r = await importForms(world, { dataDir: "data", files: [{ path: `returned/${NAME}`, name: NAME }], check: true });
  return r.diagnostics.filter((d) => d.severity === "error").map((d) => formatDiagnostic(d, "vi"));
}

describe("a hostile workbook is refused with a located error, in bounded time and memory", () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const { path, bytes } = files.get(c)!;
      expect(bytes.byteLength).toBeLessThan(5 * 1024 * 1024);
      const r = read.get(path)!;
      expect(r, "the reading hung or crashed").not.toBeTypeOf("string");
      const done = r as Read;
      expect(done.problems).toEqual(c.error ? [c.error] : []);
      if (!c.error) expect(done.sheets).toEqual(["Hướng dẫn", SHEET]);
      expect(done.cpuMs).toBeLessThan(MAX_CPU_MS);
      expect(done.maxRssMb).toBeLessThan(MAX_RSS_MB);
      if (c.readOnly) return;
      const errors = await importOne(bytes);
      expect(errors).toHaveLength(c.error ? 1 : 0);
      if (c.message) expect(errors[0]).toMatch(c.message);
    }, 60_000);
  }
});

describe("a date serial out of range", () => {
  it("in a date cell is an error at the cell saying what was found and what to type, not a crash", async () => {
    const book: XmlBook = openXmlBook(world.files.get(`out/2020/bieu-mau/${NAME}`)!);
    const row = book.keys(SHEET).find((k) => k.key === "ngay_gui")!.row;
    book.set(SHEET, `D${row}`, 1e20);
    const errors = await importOne(book.bytes());
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(new RegExp(`^so-y-te-tong-ket\\.xlsx › Tự chấm › D${row}: lỗi \\[import/date-out-of-range\\] Ô ngày chứa một số ngày quá lớn`));
    expect(errors[0]).toMatch(/05\/02\/2020/);
  }, 60_000);

  it("as a number in a date field stays as typed, for validation to report", () => {
    expect(yamlValue("date", 1e20)).toBe("100000000000000000000");
    expect(yamlValue("date", 44218)).toBe("2021-01-22");
  });
});
