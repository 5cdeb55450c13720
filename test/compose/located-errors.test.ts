/**
 * Item 13: control characters from the data are escaped when echoed; an
 * unknown CLI option is named without its value; helper errors and
 * pdf/missing-glyph point at the line where the value is written or used.
 */
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { buildProject } from "../../src/write/build.ts";
import { parseArgs } from "../../src/cli/args.ts";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.ts";
import { escapeControls, formatDiagnostic } from "../../src/diagnostics/format.ts";
import { memoryWorld } from "../../src/io/memory-world.ts";
import { fontsourceTinosDir } from "../../src/pdf/fonts/node-font-reader.ts";
import { checkProject } from "../../src/pipeline.ts";
import { fixtureWorld, repoTemplates } from "../helpers/fixture-world.ts";

const dec = new TextDecoder();
const plan = dec.decode(fixtureWorld().files.get("data/2020/ke-hoach.md")!);
const khoi = dec.decode(fixtureWorld().files.get("data/khoi.yaml")!);
const at = (d: Diagnostic) => `${d.pos.file}:${d.pos.line}:${d.pos.column} ${d.code}`;
const errors = (ds: Diagnostic[]) => ds.filter((d) => d.severity === "error");

describe("control characters in messages", () => {
  const d: Diagnostic = {
    code: "schema/format",
    severity: "error",
    pos: { file: "data/2020/dang-ky/\u001b]0;x\u0007.yaml", line: 3, column: 5 },
    params: { field: "ngay", kind: "date", value: "\u001b[2J\u001b[31mxoá màn hình\u0007\r\nlỗi giả\u202e" },
  };

  it("are escaped in the printed diagnostic, in both languages", () => {
    for (const lang of ["vi", "en"] as const) {
      const text = formatDiagnostic(d, lang);
      expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
      expect(text.split("\n")).toHaveLength(2); // the message and its hint: no line forged by the data
      expect(text).toContain("\\u001b[2J\\u001b[31mxoá màn hình\\u0007\\u000d\\u000alỗi giả\\u202e");
      expect(text.startsWith("data/2020/dang-ky/\\u001b]0;x\\u0007.yaml:3:5:")).toBe(true);
    }
  });

  it("escapeControls keeps Vietnamese text and ordinary punctuation", () => {
    expect(escapeControls("Sở Văn hóa, Thể thao & Du lịch “K8” – 100%")).toBe("Sở Văn hóa, Thể thao & Du lịch “K8” – 100%");
    expect(escapeControls("a\tb\u0085c")).toBe("a\\u0009b\\u0085c");
  });
});

describe("unknown CLI options", () => {
  it("are named without their value", () => {
    for (const argv of [["build", "--pw=secret"], ["--pw=secret"], ["validate", "--password", "secret"], ["build", "--pasword", "secret", "--verbose"]]) {
      const o = parseArgs(argv);
      expect(o.errors.join("\n"), argv.join(" ")).not.toContain("secret");
      expect(o.errors.join("\n"), argv.join(" ")).toMatch(/unknown option: --pa?s?s?w?o?r?d?|unknown option: --pw/);
    }
    expect(parseArgs(["build", "--pw=secret"]).errors).toEqual(["unknown option: --pw"]);
    expect(parseArgs(["build", "--pasword", "secret", "--verbose"])).toMatchObject({ errors: ["unknown option: --pasword"], verbose: true, command: "build" });
  });

  it("stray words are counted, not quoted; control characters in a name are escaped", () => {
    expect(parseArgs(["build", "--verbose", "hunter2"]).errors).toEqual(["unexpected argument #3"]);
    expect(parseArgs(["build", "--\u001b[31m"]).errors).toEqual(["unknown option: --\\u001b[31m"]);
  });

  it("known options still work, also as --name=value", () => {
    expect(parseArgs(["build", "--lang=en", "--year", "2020", "--only=ke-hoach", "--check"])).toMatchObject({ command: "build", lang: "en", year: 2020, only: "ke-hoach", check: true, errors: [] });
    expect(parseArgs(["--help"])).toMatchObject({ command: "help", errors: [] });
    expect(parseArgs(["build", "--verbose=1"]).errors).toEqual(["--verbose takes no value"]);
  });
});

describe("helper errors point at the expression", () => {
  it("a format helper that fails on its value, in a data body", async () => {
    const lines = plan.split("\n");
    const body = `${plan.trimEnd()}\n\nNgày: {{ngay_day_du khoi.ten}}.\n`;
    const { diagnostics } = await checkProject(fixtureWorld(undefined, { "data/2020/ke-hoach.md": body }));
    expect(errors(diagnostics).map(at)).toEqual([`data/2020/ke-hoach.md:${lines.length + 1}:7 template/error`]);
  });

  it("a format helper that fails, in a template", async () => {
    const dangKy = dec.decode(repoTemplates()["templates/dang-ky.md"]!).replace("{{so_vn ca_nhan.lao_dong_tien_tien}}", "{{ngay_ngan ca_nhan.lao_dong_tien_tien}}");
    const lines = dangKy.split("\n");
    const line = lines.findIndex((l) => l.includes("ngay_ngan")) + 1;
    const col = lines[line - 1]!.indexOf("{{ngay_ngan") + 1;
    const { diagnostics } = await checkProject(fixtureWorld(undefined, { "templates/dang-ky.md": dangKy }));
    expect([...new Set(errors(diagnostics).map(at))]).toEqual([`templates/dang-ky.md:${line}:${col} template/error`]);
  });

  it("a lookup inside a text value (a TypeError in Handlebars) is located at the expression started last", async () => {
    const body = `${plan.trimEnd()}\n\n{{khoi.ten.x}}\n`;
    const { diagnostics } = await checkProject(fixtureWorld(undefined, { "data/2020/ke-hoach.md": body }));
    expect(errors(diagnostics).map(at)).toEqual([`data/2020/ke-hoach.md:${plan.split("\n").length + 1}:1 template/error`]);
    expect(String(errors(diagnostics)[0]!.params.detail)).not.toMatch(/[\u0001-\u0004]/);
  });
});

describe("pdf/missing-glyph points at the line where the character is", async () => {
  const build = async (extra: Record<string, string>) => {
    const files = { ...Object.fromEntries(fixtureWorld().files), ...extra };
    const w = memoryWorld(files, { outside: async (p) => new Uint8Array(await readFile(p)) });
    const r = await buildProject(w, { dataDir: "data", outDir: "out", fontSource: "package", fontPackageDir: fontsourceTinosDir()!, toolVersion: "test" });
    return errors(r.diagnostics);
  };

  it("written in a data body: its line and column there", async () => {
    const body = `${plan.trimEnd()}\n\nNgười tuyết ☃ ở đây.\n`;
    const e = await build({ "data/2020/ke-hoach.md": body });
    expect(e.map(at)).toEqual([`data/2020/ke-hoach.md:${plan.split("\n").length + 1}:13 pdf/missing-glyph`]);
    expect(e[0]!.params.char).toMatch(/U\+2603/);
  });

  it("in a value: where the template inserts it", async () => {
    const e = await build({ "data/khoi.yaml": khoi.replace("ten: Sở A", "ten: Sở A ☃") });
    const dangKy = dec.decode(repoTemplates()["templates/dang-ky.md"]!).split("\n");
    const line = dangKy.findIndex((l) => l.includes("{{don_vi.ten}}")) + 1;
    const col = dangKy[line - 1]!.indexOf("{{don_vi.ten}}") + 1;
    expect(e.map(at)).toContain(`templates/dang-ky.md:${line}:${col} pdf/missing-glyph`);
    expect(e.map(at).some((s) => s.endsWith(":1:1 pdf/missing-glyph"))).toBe(false);
  });

  it("its message shows a control character escaped (U+000A printed a line break)", () => {
    const d: Diagnostic = { code: "pdf/missing-glyph", severity: "error", pos: { file: "a.md", line: 2, column: 3 }, params: { char: "U+0007 “\u0007”", page: 1, document: "ke-hoach.pdf", context: "x\u0007y" } };
    expect(formatDiagnostic(d, "vi")).toContain("U+0007 “\\u0007”");
  });
});
