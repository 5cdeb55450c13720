/**
 * The units' forms as units fill them: typed into LibreOffice Calc on a computer set to Vietnamese
 * (vi-VN) and to English (US), and filled from Python with openpyxl; each saved form is imported
 * and must give the values the person meant, dates included.
 *
 * Typing is simulated through UNO (test/helpers/lo-type.py): the cell's FormulaLocal property is set
 * to the text as typed, which LibreOffice reads as its input line does, with the profile's locale
 * (decimal separator, date acceptance patterns). XCell.setFormula is not typing: it reads numbers
 * as en-US whatever the locale ("9,5" stays text on vi-VN). The locale is set in a fresh user profile
 * (registrymodifications.xcu: ooSetupSystemLocale) for the first locale, and changed for the second
 * in the same session as the Options dialog changes it (the configuration, committed): one start of
 * LibreOffice for both. The script reports back the locale each form was opened under and what each
 * cell became (a number or a text), and both are checked before the import. The same session opens
 * a form with a score left as the text "9,5" and saves it with nothing typed: LibreOffice's re-save
 * imports as the form it saved.
 *
 * Skips without LibreOffice Calc, without python3-uno (the LibreOffice tests), without openpyxl (the
 * openpyxl tests). Nothing is installed here: the CI script installs python3-uno and python3-openpyxl.
 */
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { exampleWithForms } from "../helpers/example.ts";
import { importForms } from "../../src/import/import-forms.ts";
import { openXmlBook } from "../helpers/xlsx-xml.ts";
import { formatDiagnostic } from "../../src/diagnostics/format.ts";
import type { MemoryWorld } from "../../src/io/memory-world.ts";

const LO_TYPE = fileURLToPath(new URL("../helpers/lo-type.py", import.meta.url));
const OPENPYXL_FILL = fileURLToPath(new URL("../helpers/openpyxl-fill.py", import.meta.url));

/** A Python that imports `module`: KTD_TEST_PYTHON, then Debian's (python3-uno is built for it), then the one on PATH. */
function pythonWith(module: string): string | undefined {
  for (const py of [process.env.KTD_TEST_PYTHON, "/usr/bin/python3", "python3"])
    if (py && spawnSync(py, ["-c", `import ${module}`], { stdio: "ignore", timeout: 30_000 }).status === 0) return py;
  return undefined;
}
// LibreOffice with Calc (the Writer-only package cannot open a workbook).
const calc = spawnSync("soffice", ["--version"], { stdio: "ignore", timeout: 60_000 }).status === 0 && existsSync("/usr/lib/libreoffice/program/libsclo.so");
const unoPython = calc ? pythonWith("uno") : undefined;
const openpyxlPython = pythonWith("openpyxl");

const FORM = { "dang-ky": "so-y-te-dang-ky.xlsx", "so-ket": "so-y-te-so-ket.xlsx", "tong-ket": "so-y-te-tong-ket.xlsx" } as const;
type FormName = (typeof FORM)[keyof typeof FORM];
const SHEET: Record<FormName, string> = { "so-y-te-dang-ky.xlsx": "Đăng ký", "so-y-te-so-ket.xlsx": "Sơ kết", "so-y-te-tong-ket.xlsx": "Tự chấm" };

/** Days since 1899-12-30: a date cell's number. */
const serial = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86400000) + 25569;
const inWords = (iso: string) => {
  const [y, m, d] = iso.split("-").map(Number);
  return `Ngày ${d} tháng ${m} năm ${y}`;
};

/** What a unit means to enter: a date (ISO), a number or a text, in a row of a form (row found by its column-A key; n: which of the rows with that key). */
interface Meant {
  form: FormName;
  key: string;
  col: "D" | "E";
  n?: number;
  date?: string;
  number?: number;
  text?: string;
}
const MEANT: Meant[] = [
  { form: FORM["dang-ky"], key: "ngay", col: "D", date: "2020-02-25" },
  { form: FORM["so-ket"], key: "ngay_gui", col: "D", date: "2020-06-15" },
  { form: FORM["so-ket"], key: "tc01", col: "E", number: 67.5 },
  { form: FORM["tong-ket"], key: "ngay_gui", col: "D", date: "2021-01-20" },
  { form: FORM["tong-ket"], key: "tc05", col: "D", number: 9.5 },
  { form: FORM["tong-ket"], key: "cong", col: "D", number: 0.5 },
  { form: FORM["tong-ket"], key: "cong", col: "E", text: "Khen thưởng đột xuất" },
];

/** The changes the import reports for MEANT, against the example's data. */
const EXPECTED_CHANGES = [
  ['ngay: "2020-02-26" → "2020-02-25"'],
  [
    'so_ket.ngay_gui: "2020-06-10" → "2020-06-15"',
    "so_ket.ket_qua[tc01].ty_le: 55 → 67.5",
    'tong_ket.ngay_gui: "2021-01-22" → "2021-01-20"',
    "tong_ket.diem[tc05].tu_cham: 10 → 9.5",
    "tong_ket.diem_cong[1].diem: 3 → 0.5",
    'tong_ket.diem_cong[1].ly_do: "Thành tích xuất sắc trong công tác phòng, chống dịch COVID-19, được UBND tỉnh biểu dương" → "Khen thưởng đột xuất"',
  ],
];

/** How a person types in a locale: vi-VN 20/01/2021 and 9,5; en-US 1/20/2021 and 9.5. */
function typed(locale: "vi-VN" | "en-US", m: Meant): string {
  if (m.date) {
    const [y, mo, d] = m.date.split("-");
    return locale === "vi-VN" ? `${d}/${mo}/${y}` : `${Number(mo)}/${Number(d)}/${y}`;
  }
  if (m.number !== undefined) return locale === "vi-VN" ? String(m.number).replace(".", ",") : String(m.number);
  return m.text!;
}

/** The example with so-y-te's three forms made (out/2020/bieu-mau/). */
async function withForms(): Promise<{ world: MemoryWorld; form: (name: FormName) => Uint8Array }> {
  const { world } = await exampleWithForms("so-y-te");
  return { world, form: (name) => world.files.get(`out/2020/bieu-mau/${name}`)! };
}

async function importAll(world: MemoryWorld, forms: Partial<Record<FormName, Uint8Array>>) {
  const files = Object.entries(forms).map(([name, bytes]) => {
    world.files.set(`returned/${name}`, bytes!);
    return { path: `returned/${name}`, name };
  });
  const r = await importForms(world, { dataDir: "data", files, check: false, blocColumns: false });
  const said = (severity: string) => r.diagnostics.filter((d) => d.severity === severity).map((d) => formatDiagnostic(d, "vi"));
  const yaml = (p: string) => parse(new TextDecoder().decode(world.files.get(p)!));
  return { ...r, errors: said("error"), warnings: said("warning"), registration: () => yaml("data/2020/dang-ky/so-y-te.yaml"), results: () => yaml("data/2020/ket-qua/so-y-te.yaml") };
}

/** The values MEANT asks for, as the unit's YAML files hold them after the import. */
function expectMeantValues(r: Awaited<ReturnType<typeof importAll>>): void {
  const reg = r.registration();
  const res = r.results();
  expect(reg.ngay).toBe("2020-02-25");
  expect(res.so_ket.ngay_gui).toBe("2020-06-15");
  expect(res.so_ket.ket_qua.find((x: { tieu_chi: string }) => x.tieu_chi === "tc01").ty_le).toBe(67.5);
  expect(res.tong_ket.ngay_gui).toBe("2021-01-20");
  expect(res.tong_ket.diem.find((x: { tieu_chi: string }) => x.tieu_chi === "tc05").tu_cham).toBe(9.5);
  expect(res.tong_ket.diem_cong).toEqual([{ diem: 0.5, ly_do: "Khen thưởng đột xuất" }]);
}

interface CellReport {
  key: string;
  ref: string;
  typed: string;
  kind: "number" | "text" | "empty" | "formula";
  value: number | null;
  shown: string;
  format: string;
  /** The cell to the right as shown: for a date, the form's "date in words" formula. */
  right: string;
}
interface LoReport {
  locale: string;
  /** The locale every file of the report was opened under, read back from LibreOffice's configuration ("mixed" when they differ). */
  profileLocale: string;
  startSeconds: number;
  totalSeconds: number;
  files: { out: string; locale: string; seconds: number; cells: CellReport[] }[];
}

interface TypedFile {
  /** Where the saved form goes below the run's folder (the file keeps its form's name, as the import needs). */
  dir: string;
  form: FormName;
  cells: { key: string; col: string; n?: number; type: string }[];
  /** The locale setting the form is typed under (the session's first locale when not given). */
  locale?: string;
  /** The workbook opened instead of the form as made. */
  source?: Uint8Array;
}

/**
 * Types into the forms in one LibreOffice session with a fresh profile set to `locale` (a file with
 * a locale of its own: the setting changed to it first), saves each as xlsx; returns the script's
 * report and the saved files' bytes (by `dir/form`).
 */
function typeInLibreOffice(locale: string, forms: (name: FormName) => Uint8Array, files: TypedFile[]): { report: LoReport; saved: (dir: string, form: FormName) => Uint8Array } {
  const tmp = mkdtempSync(join(tmpdir(), "ktd-lo-typed-"));
  const profile = join(tmp, "profile");
  try {
    for (const name of Object.values(FORM)) writeFileSync(join(tmp, name), forms(name));
    const spec = {
      locale,
      mode: "local",
      profile,
      files: files.map((f) => {
        mkdirSync(join(tmp, "out", f.dir), { recursive: true });
        let source = join(tmp, f.form);
        if (f.source) {
          mkdirSync(join(tmp, "in", f.dir), { recursive: true });
          writeFileSync((source = join(tmp, "in", f.dir, f.form)), f.source);
        }
        return { in: source, out: join(tmp, "out", f.dir, f.form), sheet: SHEET[f.form], cells: f.cells, locale: f.locale };
      }),
    };
    writeFileSync(join(tmp, "spec.json"), JSON.stringify(spec));
    const run = spawnSync(unoPython!, [LO_TYPE, join(tmp, "spec.json")], { encoding: "utf8", timeout: 150_000 });
    if (run.status !== 0) throw new Error(`lo-type.py failed (${run.status ?? run.signal}): ${run.stderr}`);
    const report = JSON.parse(run.stdout) as LoReport;
    const bytes = new Map(files.map((f) => [`${f.dir}/${f.form}`, new Uint8Array(readFileSync(join(tmp, "out", f.dir, f.form)))]));
    return { report, saved: (dir, form) => bytes.get(`${dir}/${form}`)! };
  } finally {
    // A script killed by the timeout leaves its soffice: end its process group.
    try {
      process.kill(-Number(readFileSync(`${profile}.pgid`, "utf8")), "SIGKILL");
    } catch {
      // Already ended (the usual case), or never started.
    }
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** MEANT as typed in a locale, one TypedFile per form, in folder `dir`. */
function meantAsTyped(locale: "vi-VN" | "en-US", dir: string): TypedFile[] {
  return Object.values(FORM).map((form) => ({ dir, form, cells: MEANT.filter((m) => m.form === form).map((m) => ({ key: m.key, col: m.col, n: m.n, type: typed(locale, m) })) }));
}

/** Checks that LibreOffice read every typed MEANT cell under the locale: dates and numbers became numbers, not texts. */
function expectParsed(report: LoReport, locale: string, dir: string): void {
  expect(report.profileLocale).toBe(locale);
  for (const form of Object.values(FORM)) {
    const cells = report.files.find((f) => f.out.endsWith(`/${dir}/${form}`))!.cells;
    for (const m of MEANT.filter((x) => x.form === form)) {
      const c = cells.find((x) => x.key === m.key && x.ref.startsWith(m.col))!;
      if (m.date) {
        expect(c, `${form} ${c.ref} typed ${c.typed}`).toMatchObject({ kind: "number", value: serial(m.date), right: inWords(m.date) });
      } else if (m.number !== undefined) {
        expect(c, `${form} ${c.ref} typed ${c.typed}`).toMatchObject({ kind: "number", value: m.number });
      } else expect(c).toMatchObject({ kind: "text", shown: m.text });
    }
  }
}

/**
 * What the tests below type, locale by locale: starting LibreOffice is most of a test's time, so
 * every form is typed in one session, vi-VN's first, then en-US's with the setting changed (each
 * file in a folder of its locale and its own), and every test reads its own files from it.
 */
const EXTRA_TYPED: Record<"vi-VN" | "en-US", TypedFile[]> = {
  "en-US": [
    { dir: "may", form: FORM["tong-ket"], cells: [{ key: "ngay_gui", col: "D", type: "05/01/2021" }] },
    { dir: "march", form: FORM["dang-ky"], cells: [{ key: "ngay", col: "D", type: "03/02/2020" }] },
    { dir: "text", form: FORM["tong-ket"], cells: [{ key: "ngay_gui", col: "D", type: "20/01/2021" }, { key: "tc05", col: "D", type: "9,5" }] },
  ],
  "vi-VN": [{ dir: "us", form: FORM["tong-ket"], cells: [{ key: "ngay_gui", col: "D", type: "1/20/2021" }] }],
};
/** The year-end form with tc05's score a text "9,5" (as a unit's spreadsheet may leave it), opened and saved with nothing typed. */
function resaved(form: (name: FormName) => Uint8Array): TypedFile {
  const book = openXmlBook(form(FORM["tong-ket"]));
  book.set(SHEET[FORM["tong-ket"]], `D${book.keys(SHEET[FORM["tong-ket"]]).find((k) => k.key === "tc05")!.row}`, "9,5", "text");
  return { dir: "resaved", form: FORM["tong-ket"], cells: [], source: book.bytes() };
}

const LOCALES = ["vi-VN", "en-US"] as const;
let session: Promise<ReturnType<typeof typeInLibreOffice>> | undefined;
/** The session's files typed under `locale`: their report (its profileLocale the locale they were all opened under) and bytes. */
async function typedIn(locale: (typeof LOCALES)[number]): Promise<ReturnType<typeof typeInLibreOffice>> {
  session ??= withForms().then(({ form }) =>
    typeInLibreOffice(
      LOCALES[0],
      form,
      LOCALES.flatMap((l) => [...meantAsTyped(l, "meant"), ...EXTRA_TYPED[l], ...(l === "en-US" ? [resaved(form)] : [])].map((f) => ({ ...f, dir: `${l}/${f.dir}`, locale: l }))),
    ),
  );
  const { report, saved } = await session;
  const files = report.files.filter((f) => f.out.includes(`/out/${locale}/`));
  const opened = [...new Set(files.map((f) => f.locale))];
  return { report: { ...report, profileLocale: opened.length === 1 ? opened[0]! : "mixed", files }, saved: (dir, form) => saved(`${locale}/${dir}`, form) };
}

describe.skipIf(!unoPython)("forms typed into LibreOffice Calc and saved as xlsx", () => {
  for (const locale of ["vi-VN", "en-US"] as const) {
    it(`${locale}: dates typed as ${typed(locale, MEANT[3]!)}, scores as ${typed(locale, MEANT[4]!)}, import as meant`, async () => {
      const { world } = await withForms();
      const { report, saved } = await typedIn(locale);
      expectParsed(report, locale, "meant");
      const r = await importAll(world, Object.fromEntries(Object.values(FORM).map((f) => [f, saved("meant", f)])));
      expect(r.errors).toEqual([]);
      expect(r.warnings).toEqual([]);
      expect(r.files.map((f) => f.changes)).toEqual(EXPECTED_CHANGES);
      expectMeantValues(r);
    }, 180_000);
  }

  /**
   * A Vietnamese unit on a computer set to English (US) types dates as dd/mm/yyyy. LibreOffice reads
   * a day ≤ 12 as the month (05/01/2021 is 1 May), and a day > 12 not at all (a text). The form shows
   * the date it understood in words beside the cell; the import takes what the cell holds.
   */
  it("en-US, dates typed dd/mm/yyyy: 05/01/2021 is 1 May (said in words beside it, imported as 2021-05-01, only a late warning); 03/02/2020 is 2 March, imported without a word; 20/01/2021 stays text and imports as 20 January; 9,5 stays text and imports as 9.5", async () => {
    const { world } = await withForms();
    const { report, saved } = await typedIn("en-US");
    expect(report.profileLocale).toBe("en-US");
    const cell = (dir: string, ref: string) => report.files.find((f) => f.out.includes(`/${dir}/`))!.cells.find((c) => c.ref === ref)!;
    expect(cell("may", "D6")).toMatchObject({ kind: "number", value: serial("2021-05-01"), shown: "01/05/2021", right: "Ngày 1 tháng 5 năm 2021" });
    expect(cell("march", "D7")).toMatchObject({ kind: "number", value: serial("2020-03-02"), shown: "02/03/2020", right: "Ngày 2 tháng 3 năm 2020" });
    expect(cell("text", "D6")).toMatchObject({ kind: "text", shown: "20/01/2021", right: "" });
    expect(cell("text", "D13")).toMatchObject({ kind: "text", shown: "9,5" });

    const may = await importAll(world, { [FORM["tong-ket"]]: saved("may", FORM["tong-ket"]) });
    expect(may.errors).toEqual([]);
    expect(may.warnings).toEqual([expect.stringMatching(/^so-y-te-tong-ket\.xlsx › Tự chấm › D6: cảnh báo \[date\/late\] .*2021-05-01, sau hạn 2021-01-31/)]);
    expect(may.results().tong_ket.ngay_gui).toBe("2021-05-01");

    const { world: w2 } = await withForms();
    const march = await importAll(w2, { [FORM["dang-ky"]]: saved("march", FORM["dang-ky"]) });
    // Nothing tells the secretary: 2 March is before the registration deadline (15 March).
    expect([...march.errors, ...march.warnings]).toEqual([]);
    expect(march.registration().ngay).toBe("2020-03-02");

    const { world: w3 } = await withForms();
    const text = await importAll(w3, { [FORM["tong-ket"]]: saved("text", FORM["tong-ket"]) });
    expect([...text.errors, ...text.warnings]).toEqual([]);
    expect(text.results().tong_ket.ngay_gui).toBe("2021-01-20");
    expect(text.results().tong_ket.diem.find((x: { tieu_chi: string }) => x.tieu_chi === "tc05").tu_cham).toBe(9.5);
  }, 180_000);

  it("vi-VN, a date typed the US way (1/20/2021) stays text and is a located error, nothing written", async () => {
    const { world } = await withForms();
    const { report, saved } = await typedIn("vi-VN");
    expect(report.files.find((f) => f.out.includes("/us/"))!.cells[0]).toMatchObject({ kind: "text", shown: "1/20/2021" });
    const r = await importAll(world, { [FORM["tong-ket"]]: saved("us", FORM["tong-ket"]) });
    expect(r.errors).toEqual([expect.stringMatching(/^so-y-te-tong-ket\.xlsx › Tự chấm › D6: lỗi \[schema\/format\] Trường tong_ket\.ngay_gui/)]);
    expect(r.written).toEqual([]);
  }, 180_000);
});

describe.skipIf(!unoPython)("a form re-saved by LibreOffice", () => {
  it("imports the same values as the form it saved", async () => {
    const { world } = await withForms();
    const { saved } = await typedIn("en-US");
    const r = await importAll(world, { [FORM["tong-ket"]]: saved("resaved", FORM["tong-ket"]) });
    expect(r.errors).toEqual([]);
    expect(r.files.map((f) => f.changes)).toEqual([["tong_ket.diem[tc05].tu_cham: 10 → 9.5"]]);
  }, 180_000);
});

describe.skipIf(!openpyxlPython)("forms filled with openpyxl", () => {
  // A date as a datetime, as a date, as the text 2021-01-20 and as the text 20/01/2021; numbers as floats.
  const variants = {
    datetime: (iso: string) => ({ datetime: iso }),
    date: (iso: string) => ({ date: iso }),
    "iso-text": (iso: string) => ({ text: iso }),
    "dmy-text": (iso: string) => ({ text: iso.split("-").reverse().join("/") }),
  };

  function fill(forms: (name: FormName) => Uint8Array, files: { dir: string; form: FormName; cells: { key: string; col: string; n?: number; value: unknown }[] }[]) {
    const tmp = mkdtempSync(join(tmpdir(), "ktd-openpyxl-"));
    try {
      for (const name of Object.values(FORM)) writeFileSync(join(tmp, name), forms(name));
      const spec = {
        files: files.map((f) => {
          mkdirSync(join(tmp, "out", f.dir), { recursive: true });
          return { in: join(tmp, f.form), out: join(tmp, "out", f.dir, f.form), sheet: SHEET[f.form], cells: f.cells };
        }),
      };
      writeFileSync(join(tmp, "spec.json"), JSON.stringify(spec));
      const run = spawnSync(openpyxlPython!, [OPENPYXL_FILL, join(tmp, "spec.json")], { encoding: "utf8", timeout: 60_000 });
      if (run.status !== 0) throw new Error(`openpyxl-fill.py failed (${run.status ?? run.signal}): ${run.stderr}`);
      const bytes = new Map(files.map((f) => [`${f.dir}/${f.form}`, new Uint8Array(readFileSync(join(tmp, "out", f.dir, f.form)))]));
      return (dir: string, form: FormName) => bytes.get(`${dir}/${form}`)!;
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }

  it("dates as datetime, date, text 2021-01-20 and text 20/01/2021, scores as floats: each imports as meant", async () => {
    const { form } = await withForms();
    const saved = fill(
      form,
      Object.entries(variants).flatMap(([dir, date]) =>
        Object.values(FORM).map((f) => ({
          dir,
          form: f,
          cells: MEANT.filter((m) => m.form === f).map((m) => ({ key: m.key, col: m.col, n: m.n, value: m.date ? date(m.date) : m.number !== undefined ? { number: m.number } : { text: m.text } })),
        })),
      ),
    );
    for (const dir of Object.keys(variants)) {
      const { world } = await withForms();
      const r = await importAll(world, Object.fromEntries(Object.values(FORM).map((f) => [f, saved(dir, f)])));
      expect(r.errors, dir).toEqual([]);
      expect(r.warnings, dir).toEqual([]);
      expect(r.files.map((f) => f.changes), dir).toEqual(EXPECTED_CHANGES);
      expectMeantValues(r);
    }
  }, 120_000);

  it("a date written as str(datetime) ('2021-01-20 00:00:00') is a located error, nothing written", async () => {
    const { world, form } = await withForms();
    const saved = fill(form, [{ dir: "str", form: FORM["tong-ket"], cells: [{ key: "ngay_gui", col: "D", value: { text: "2021-01-20 00:00:00" } }] }]);
    const r = await importAll(world, { [FORM["tong-ket"]]: saved("str", FORM["tong-ket"]) });
    expect(r.errors).toEqual([expect.stringMatching(/^so-y-te-tong-ket\.xlsx › Tự chấm › D6: lỗi \[schema\/format\] Trường tong_ket\.ngay_gui/)]);
    expect(r.written).toEqual([]);
  }, 60_000);
});
