/**
 * The year's report (out/<year>/index.html) as an output of the build: written with the
 * documents, rebuilt only when what it shows changes, the same bytes whatever --only
 * selects, named by --check, and its path owned by the tool like the documents'.
 */
import { describe, expect, it } from "vitest";
import { memoryWorld, type MemoryWorld } from "../../src/io/memory-world.ts";
import { fontsourceTinosDir } from "../../src/pdf/fonts/package-dir.ts";
import { buildProject, type BuildOptions } from "../../src/write/build.ts";
import { upToDate } from "../../src/write/up-to-date.ts";
import { YEAR_OUTPUT_FILES } from "../../src/write/year-output-paths.ts";
import { exampleWorld } from "../helpers/example.ts";
import { readFile } from "node:fs/promises";
import { parseArgs } from "../../src/cli/args.ts";
import { buildOptions } from "../../src/cli/commands.ts";

const opts = (extra: Partial<BuildOptions> = {}): BuildOptions => ({ dataDir: "data", outDir: "out", fontSource: "package", fontPackageDir: fontsourceTinosDir()!, toolVersion: "test", yearOutputs: true, ...extra });
const REPORT = "out/2020/index.html";
const dec = (b: Uint8Array | undefined) => new TextDecoder().decode(b);
const enc = (s: string) => new TextEncoder().encode(s);
const edit = (w: MemoryWorld, path: string, from: RegExp | string, to: string) => {
  const text = dec(w.files.get(path));
  const next = text.replace(from, to);
  expect(next, `${path}: ${String(from)}`).not.toBe(text);
  w.files.set(path, enc(next));
};
const copy = (w: MemoryWorld) => memoryWorld(Object.fromEntries(w.files), { outside: async (p) => new Uint8Array(await readFile(p)) });
const ask = (w: MemoryWorld) => upToDate(w, { dataDir: "data", outDir: "out", toolVersion: "test", fontSource: "package", yearOutputs: Object.keys(YEAR_OUTPUT_FILES) });

describe("the year's report as an output of the build", async () => {
  const world = exampleWorld();
  const first = await buildProject(world, opts());
  const firstBytes = world.files.get(REPORT);

  it("is written with the documents, under 300 KB, and recorded in the manifest", () => {
    expect(first.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(first.written).toContain(REPORT);
    expect(firstBytes!.length).toBeLessThan(300 * 1024);
    const manifest = JSON.parse(dec(world.files.get("out/.manifest.json")));
    expect(Object.keys(manifest.years)).toEqual(["2020/bao-cao-nam"]);
    expect(Object.keys(manifest.years["2020/bao-cao-nam"].outputs)).toEqual([REPORT]);
  });

  it("is the same bytes on a second build from an empty out/ (deterministic)", async () => {
    const again = exampleWorld();
    await buildProject(again, opts());
    expect(dec(again.files.get(REPORT))).toBe(dec(firstBytes));
  });

  it("is left alone by a no-op build; --check and the quick no-op path agree", async () => {
    const next = await buildProject(world, opts());
    expect(next.written).toEqual([]);
    expect(world.files.get(REPORT)).toBe(firstBytes);
    const check = await buildProject(world, opts({ check: true }));
    expect(check.yearRebuilt).toEqual([]);
    expect(await ask(world)).toBeDefined();
  });

  it("is rebuilt when a figure it shows changes, and --check names it", async () => {
    const w = copy(world);
    edit(w, "data/2020/ket-qua/so-y-te.yaml", /khoi_cham: 20\b/, "khoi_cham: 19");
    expect(await ask(w)).toBeUndefined();
    const check = await buildProject(w, opts({ check: true }));
    expect(check.yearRebuilt).toEqual([{ key: "2020/bao-cao-nam", reasons: [{ code: "content" }] }]);
    const build = await buildProject(w, opts());
    expect(build.written).toContain(REPORT);
    expect(dec(w.files.get(REPORT))).not.toBe(dec(firstBytes));
  });

  it("does not depend on --only: a partial build writes the bytes a full build would", async () => {
    const full = copy(world);
    const part = copy(world);
    for (const w of [full, part]) edit(w, "data/2020/ket-qua/so-y-te.yaml", /khoi_cham: 20\b/, "khoi_cham: 19");
    await buildProject(full, opts());
    const partial = await buildProject(part, opts({ only: "ke-hoach" }));
    expect(partial.written).toEqual([REPORT]); // the plan itself did not change; the report did
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
      expect(check.yearRebuilt, what).toEqual([{ key: "2020/bao-cao-nam", reasons: [{ code, file: REPORT }] }]);
      const build = await buildProject(w, opts());
      expect(build.written, what).toEqual([REPORT]);
      expect(w.files.get(REPORT), what).toEqual(firstBytes);
    }
  });

  it("is not believed up to date by the quick path when the manifest has no report yet (an older build)", async () => {
    const w = copy(world);
    const manifest = JSON.parse(dec(w.files.get("out/.manifest.json")));
    delete manifest.years;
    w.files.set("out/.manifest.json", enc(JSON.stringify(manifest)));
    expect(await ask(w)).toBeUndefined();
    const build = await buildProject(w, opts());
    expect(build.written).toEqual([]); // the same bytes are on disk: nothing rewritten
    expect(JSON.parse(dec(w.files.get("out/.manifest.json"))).years).toBeDefined();
  });

  it("takes no path from the manifest: a year entry naming another file is ignored with a warning, and nothing else is touched", async () => {
    const w = copy(world);
    w.files.set("data/notes.txt", enc("mine"));
    const manifest = JSON.parse(dec(w.files.get("out/.manifest.json")));
    manifest.years["2019/bao-cao-nam"] = { key: "2019/bao-cao-nam", content: "x", inputs: {}, outputs: { "data/notes.txt": "y" } };
    manifest.years["../x"] = { key: "../x", content: "x", inputs: {}, outputs: {} };
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
    manifest.years["2019/bao-cao-nam"] = { key: "2019/bao-cao-nam", content: "x", inputs: {}, outputs: { "out/2019/index.html": manifest.years["2020/bao-cao-nam"].outputs[REPORT] } };
    manifest.years["2018/bao-cao-nam"] = { key: "2018/bao-cao-nam", content: "x", inputs: {}, outputs: { "out/2018/index.html": manifest.years["2020/bao-cao-nam"].outputs[REPORT] } };
    w.files.set("out/.manifest.json", enc(JSON.stringify(manifest)));
    w.files.set("out/2019/index.html", firstBytes!);
    w.files.set("out/2018/index.html", enc("<p>sửa tay</p>"));
    const build = await buildProject(w, opts());
    expect(build.removed).toEqual(["out/2019/index.html"]);
    expect(build.diagnostics.filter((d) => d.code === "build/kept-file").map((d) => d.params.path)).toEqual(["out/2018/index.html"]);
    expect(w.files.has("out/2018/index.html")).toBe(true);
  });

  it("is not written by a build that does not ask for year outputs (the library's default)", async () => {
    const w = exampleWorld();
    const build = await buildProject(w, opts({ yearOutputs: false }));
    expect(build.written).not.toContain(REPORT);
    expect(w.files.has(REPORT)).toBe(false);
  });

  it("is asked for by the command line's build (and so by npm run build-docs and --check)", () => {
    expect(buildOptions(parseArgs(["build"])).yearOutputs).toBe(true);
    expect(buildOptions(parseArgs(["build", "--check"])).yearOutputs).toBe(true);
  });
});
