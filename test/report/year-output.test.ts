/**
 * The year's report (out/<year>/index.html) as an output of the build: written with the
 * documents, rebuilt only when what it shows changes, the same bytes whatever --only
 * selects, named by --check, and its path owned by the tool like the documents'.
 */
import { describe, expect, it } from "vitest";
import type { MemoryWorld } from "../../src/io/memory-world.ts";
import { fontsourceTinosDir } from "../../src/pdf/fonts/package-dir.ts";
import { buildProject, type BuildOptions, type BuildResult } from "../../src/write/build.ts";
import { upToDate } from "../../src/write/up-to-date.ts";
import { exampleWorld } from "../helpers/example.ts";
import { builtExample, copyWorld, exampleOptions, rebuiltExample } from "../helpers/shared-example.ts";
import { parseArgs } from "../../src/cli/args.ts";
import { buildOptions } from "../../src/cli/commands.ts";

const opts = (extra: Partial<BuildOptions> = {}): BuildOptions => exampleOptions(extra);
const REPORT = "out/2020/index.html";
const dec = (b: Uint8Array | undefined) => new TextDecoder().decode(b);
const enc = (s: string) => new TextEncoder().encode(s);
const edit = (w: MemoryWorld, path: string, from: RegExp | string, to: string) => {
  const text = dec(w.files.get(path));
  const next = text.replace(from, to);
  expect(next, `${path}: ${String(from)}`).not.toBe(text);
  w.files.set(path, enc(next));
};
const copy = (w: MemoryWorld) => copyWorld(w.files);
const ask = (w: MemoryWorld) => upToDate(w, { dataDir: "data", outDir: "out", toolVersion: "test", fontSource: "package" });
const KEY = "2020/bao-cao-nam";
/** The report's line of what a build (or --check) rebuilt of the year outputs. */
const reportOf = (r: BuildResult) => (r.yearOutputs ?? []).filter((y) => y.key === KEY);

describe("the year's report as an output of the build", async () => {
  // The example's first build from an empty out/, shared with the other files of this test process.
  const { world, result: first } = await builtExample();
  const firstBytes = world.files.get(REPORT);

  it("is written with the documents, under 300 KB, and recorded in the manifest", () => {
    expect(first.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(first.written).toContain(REPORT);
    expect(firstBytes!.length).toBeLessThan(300 * 1024);
    const manifest = JSON.parse(dec(world.files.get("out/.manifest.json")));
    // One of the year outputs, with the print bundle, the results file and the registers; made from the year's PDFs.
    expect(Object.keys(manifest.yearOutputs).sort()).toEqual([KEY, "2020/ho-so", "2020/ket-qua", "2020/ket-qua-xlsx", "2020/so-van-ban", "2021/so-van-ban"]);
    expect(Object.keys(manifest.yearOutputs[KEY].outputs)).toEqual([REPORT]);
    expect(Object.keys(manifest.yearOutputs[KEY].inputs).length).toBe(first.rebuilt.length);
    expect(Object.keys(manifest.yearOutputs[KEY].inputs).every((f) => f.endsWith(".pdf"))).toBe(true);
  });

  it("is the same bytes on a second build from an empty out/ (deterministic)", async () => {
    // A second build from an empty out/, made after every in-process memo was forgotten (read and made again, not taken from the first build's).
    const { world: again } = await rebuiltExample();
    expect(dec(again.files.get(REPORT))).toBe(dec(firstBytes));
  });

  it("is left alone by a no-op build; --check and the quick no-op path agree", async () => {
    const next = await buildProject(world, opts());
    expect(next.written).toEqual([]);
    expect(world.files.get(REPORT)).toBe(firstBytes);
    const check = await buildProject(world, opts({ check: true }));
    expect(check.yearOutputs).toEqual([]);
    expect(await ask(world)).toBeDefined();
  });

  it("is rebuilt when a figure it shows changes, and --check names it", async () => {
    const w = copy(world);
    edit(w, "data/2020/ket-qua/so-y-te.yaml", /khoi_cham: 20\b/, "khoi_cham: 19");
    expect(await ask(w)).toBeUndefined();
    const check = await buildProject(w, opts({ check: true }));
    // The score is in PDFs too (which --check cannot read yet): named as changed inputs, each a document --check names.
    const [line] = reportOf(check);
    expect(line?.path).toBe(REPORT);
    expect(line!.reasons.length).toBeGreaterThan(0);
    for (const r of line!.reasons) expect(r.code === "input" && check.rebuilt.some((p) => r.file === `out/${p.key}.pdf`), JSON.stringify(r)).toBe(true);
    const build = await buildProject(w, opts());
    expect(build.written).toContain(REPORT);
    expect(dec(w.files.get(REPORT))).not.toBe(dec(firstBytes));
  });

  it("is rebuilt when only a fact it alone shows changes (the day a mid-year report was sent), and --check names it", async () => {
    const w = copy(world);
    edit(w, "data/2020/ket-qua/so-y-te.yaml", /ngay_gui: 2020-06-10/, "ngay_gui: 2020-06-11");
    const check = await buildProject(w, opts({ check: true }));
    expect(reportOf(check)).toEqual([{ key: KEY, path: REPORT, reasons: [{ code: "content" }] }]);
    const build = await buildProject(w, opts());
    expect(build.written).toContain(REPORT);
    const times = (html: string, s: string) => html.split(s).length - 1;
    expect(times(dec(w.files.get(REPORT)), "11/06/2020")).toBe(times(dec(firstBytes), "11/06/2020") + 1);
  });

  it("is made again but not rewritten when a PDF changes and its page count and signature fields do not", async () => {
    const w = copy(world);
    // A figure of the registration alone (the report shows neither it nor the registration's text).
    edit(w, "data/2020/dang-ky/so-y-te.yaml", /lao_dong_tien_tien: \d+/, "lao_dong_tien_tien: 321");
    const build = await buildProject(w, opts());
    expect(build.written).toContain("out/2020/dang-ky-so-y-te.pdf");
    // It was due (its input changed), and came out the same bytes: left alone, its manifest entry brought up to date.
    expect(reportOf(build).map((y) => y.reasons.map((r) => r.code))).toEqual([["input"]]);
    expect(build.written).not.toContain(REPORT);
    expect(w.files.get(REPORT)).toEqual(firstBytes);
    expect((await buildProject(w, opts({ check: true }))).yearOutputs).toEqual([]);
  });

  it("does not depend on --only: a partial build writes the bytes a full build would", async () => {
    const full = copy(world);
    const part = copy(world);
    // A fact only the report shows: every PDF stays current, so --only ke-hoach may make the report.
    for (const w of [full, part]) edit(w, "data/2020/ket-qua/so-y-te.yaml", /ngay_gui: 2020-06-10/, "ngay_gui: 2020-06-11");
    await buildProject(full, opts());
    const partial = await buildProject(part, opts({ only: "ke-hoach" }));
    // The plan itself did not change; the report did, and the results file (JSON and workbook) that gives the dates.
    const results = ["out/2020/ket-qua-2020.json", "out/2020/ket-qua-2020.xlsx"];
    expect(partial.written.sort()).toEqual([REPORT, ...results].sort());
    for (const f of [REPORT, ...results]) expect(Buffer.compare(Buffer.from(part.files.get(f)!), Buffer.from(full.files.get(f)!)), f).toBe(0);
  });

  it("is made only from current PDFs: --only leaving a document it shows out of date leaves it as it was, with a warning; a full build makes the bytes", async () => {
    const full = copy(world);
    const part = copy(world);
    // The score is in the year-end report, the minutes and the proposal: --only ke-hoach leaves them out of date.
    for (const w of [full, part]) edit(w, "data/2020/ket-qua/so-y-te.yaml", /khoi_cham: 20\b/, "khoi_cham: 19");
    await buildProject(full, opts());
    const partial = await buildProject(part, opts({ only: "ke-hoach" }));
    expect(partial.written).toEqual([]);
    expect(part.files.get(REPORT)).toEqual(firstBytes);
    const [warned] = partial.diagnostics.filter((d) => d.code === "build/year-output-skipped" && d.pos.file === REPORT);
    expect(warned?.severity).toBe("warning");
    expect(String(warned?.params.whyEn)).toMatch(/^out of date and not rebuilt by this build: out\/2020\/.*\.pdf/);
    await buildProject(part, opts());
    expect(dec(part.files.get(REPORT))).toBe(dec(full.files.get(REPORT)));
  });

  it("is rebuilt when deleted or edited by hand, like a document", async () => {
    for (const [what, change, code] of [
      ["deleted", (w: MemoryWorld) => w.files.delete(REPORT), "output-missing"],
      ["edited", (w: MemoryWorld) => w.files.set(REPORT, enc("<p>sửa tay</p>")), "output-changed"],
    ] as const) {
      const w = copy(world);
      change(w);
      expect(await ask(w), what).toBeUndefined();
      const check = await buildProject(w, opts({ check: true }));
      expect(check.yearOutputs, what).toEqual([{ key: KEY, path: REPORT, reasons: [{ code, file: REPORT }] }]);
      // Edited by hand: the user's, kept with a warning unless asked (test/build/edited-outputs.test.ts).
      if (what === "edited") {
        const kept = await buildProject(w, opts());
        expect(kept.kept, what).toEqual([REPORT]);
        expect(dec(w.files.get(REPORT)), what).toBe("<p>sửa tay</p>");
      }
      const build = await buildProject(w, opts(what === "edited" ? { replaceEdited: true } : {}));
      expect(build.written, what).toEqual([REPORT]);
      expect(w.files.get(REPORT), what).toEqual(firstBytes);
    }
  });

  it("is not believed up to date by the quick path when the manifest has no report yet (an older build)", async () => {
    const w = copy(world);
    const manifest = JSON.parse(dec(w.files.get("out/.manifest.json")));
    delete manifest.yearOutputs[KEY];
    w.files.set("out/.manifest.json", enc(JSON.stringify(manifest)));
    expect(await ask(w)).toBeUndefined();
    const build = await buildProject(w, opts());
    expect(build.written).toEqual([]); // the same bytes are on disk: nothing rewritten
    expect(JSON.parse(dec(w.files.get("out/.manifest.json"))).yearOutputs[KEY]).toBeDefined();
  });

  it("takes no path from the manifest: a year entry naming another file is ignored with a warning, and nothing else is touched", async () => {
    const w = copy(world);
    w.files.set("data/notes.txt", enc("mine"));
    const manifest = JSON.parse(dec(w.files.get("out/.manifest.json")));
    manifest.yearOutputs["2019/bao-cao-nam"] = { key: "2019/bao-cao-nam", content: "x", inputs: {}, outputs: { "data/notes.txt": "y" }, tool: "test" };
    manifest.yearOutputs["../x"] = { key: "../x", content: "x", inputs: {}, outputs: {}, tool: "test" };
    w.files.set("out/.manifest.json", enc(JSON.stringify(manifest)));
    const build = await buildProject(w, opts());
    expect(build.diagnostics.filter((d) => d.code === "manifest/foreign-path").map((d) => d.params.path).sort()).toEqual(["../x", "data/notes.txt"]);
    expect(dec(w.files.get("data/notes.txt"))).toBe("mine");
    expect(build.removed).toEqual([]);
  });

  it("is removed with its year when the year leaves the data, only as the build wrote it", async () => {
    const w = copy(world);
    const manifest = JSON.parse(dec(w.files.get("out/.manifest.json")));
    // An earlier year the build wrote and the data no longer has; and one whose report was edited since.
    manifest.yearOutputs["2019/bao-cao-nam"] = { key: "2019/bao-cao-nam", content: "x", inputs: {}, outputs: { "out/2019/index.html": manifest.yearOutputs[KEY].outputs[REPORT] }, tool: "test" };
    manifest.yearOutputs["2018/bao-cao-nam"] = { key: "2018/bao-cao-nam", content: "x", inputs: {}, outputs: { "out/2018/index.html": manifest.yearOutputs[KEY].outputs[REPORT] }, tool: "test" };
    w.files.set("out/.manifest.json", enc(JSON.stringify(manifest)));
    w.files.set("out/2019/index.html", firstBytes!);
    w.files.set("out/2018/index.html", enc("<p>sửa tay</p>"));
    const build = await buildProject(w, opts());
    expect(build.removed).toEqual(["out/2019/index.html"]);
    expect(build.diagnostics.filter((d) => d.code === "build/kept-file").map((d) => d.params.path)).toEqual(["out/2018/index.html"]);
    expect(w.files.has("out/2018/index.html")).toBe(true);
  });

  it("is made by every build, with no option to ask for it: the library's and the command line's alike (like the print bundle)", async () => {
    const w = exampleWorld();
    const build = await buildProject(w, { dataDir: "data", outDir: "out", fontSource: "package", fontPackageDir: fontsourceTinosDir()! });
    expect(build.written).toContain(REPORT);
    expect(build.written).toContain("out/2020/ho-so-thi-dua-2020.pdf");
    expect(Object.keys(buildOptions(parseArgs(["build"])))).not.toContain("yearOutputs");
    expect(Object.keys(buildOptions(parseArgs(["build", "--check"])))).not.toContain("yearOutputs");
  });

  it("links the year's print bundle, with its page count (the sum of the documents' pages)", () => {
    const html = dec(firstBytes);
    const pages = [...html.matchAll(/<td class="so">(\d+)<\/td><td>(?:<code>|không có)/g)].reduce((n, m) => n + Number(m[1]), 0);
    expect(pages).toBeGreaterThan(first.rebuilt.length - 1);
    expect(html).toContain(`<a href="ho-so-thi-dua-2020.pdf">ho-so-thi-dua-2020.pdf</a> (${first.rebuilt.length} văn bản PDF dưới đây gộp trong một tệp, ${pages} trang`);
  });
});
