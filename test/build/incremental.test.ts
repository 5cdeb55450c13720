import { describe, expect, it } from "vitest";
import { buildProject, type BuildOptions } from "../../src/write/build.ts";
import { sha256 } from "../../src/write/hash.ts";
import { exampleCounts } from "../helpers/example.ts";
import { builtExample, exampleOptions } from "../helpers/shared-example.ts";

const opts = (extra: Partial<BuildOptions> = {}): BuildOptions => exampleOptions(extra);
/**
 * out/ as path → hash of the bytes and identity of the buffer: compared by
 * value in microseconds (not megabytes of bytes), and a file rewritten with
 * the same bytes still shows as changed.
 */
const ids = new WeakMap<Uint8Array, number>();
let nextId = 0;
const identity = (b: Uint8Array) => ids.get(b) ?? (ids.set(b, ++nextId), nextId);
const snapshot = (files: Map<string, Uint8Array>) => new Map([...files].filter(([k]) => k.startsWith("out/")).map(([k, v]) => [k, `${sha256(v)}#${identity(v)}`]));

describe("incremental builds", async () => {
  // The example's first build (from an empty out/), shared with the other files of this test process.
  const { world, result: first } = await builtExample();

  it("writes every document and a manifest on the first build", () => {
    expect(first.rebuilt).toHaveLength(exampleCounts().documents);
    expect(first.written).toHaveLength(exampleCounts().files);
    expect(world.files.has("out/.manifest.json")).toBe(true);
  });

  it("rewrites nothing on a no-op rebuild, and --check passes", async () => {
    const before = snapshot(world.files);
    const again = await buildProject(world, opts());
    expect(again.written).toEqual([]);
    expect(again.skipped).toHaveLength(exampleCounts().documents);
    expect(snapshot(world.files)).toEqual(before);
    const check = await buildProject(world, opts({ check: true }));
    expect(check.rebuilt).toEqual([]);
  });

  it("names the one document a changed registration affects, then rewrites only it", async () => {
    const path = "data/2020/dang-ky/so-y-te.yaml";
    const text = new TextDecoder().decode(world.files.get(path)!);
    world.files.set(path, new TextEncoder().encode(text.replace(/lao_dong_tien_tien: \d+/, "lao_dong_tien_tien: 321")));
    const before = snapshot(world.files);
    const check = await buildProject(world, opts({ check: true }));
    expect(check.rebuilt.map((p) => [p.key, p.reasons])).toEqual([["2020/dang-ky-so-y-te", [{ code: "input", file: path }]]]);
    expect(snapshot(world.files)).toEqual(before); // --check writes nothing
    const build = await buildProject(world, opts());
    // The year's print bundle is made from the PDFs: it changes with this one; the results file hashes every file (its
    // workbook, which shows no hash, is made again to the same bytes and not written).
    const year = ["out/2020/dang-ky-so-y-te.docx", "out/2020/dang-ky-so-y-te.pdf", "out/2020/ho-so-thi-dua-2020.pdf", "out/2020/ket-qua-2020.json"];
    expect(build.written.sort()).toEqual(year);
    const changed = [...snapshot(world.files)].filter(([k, v]) => before.get(k) !== v).map(([k]) => k).sort();
    // And the caches (out/.cache, not outputs): the changed file's new entry in place of its old one, the new PDF's parts,
    // and the stamps of the files written.
    const parts = `out/.cache/pdf-parts/${sha256(world.files.get("out/2020/dang-ky-so-y-te.pdf")!)}`;
    expect(changed).toEqual(["out/.cache/data-sources.json", parts, "out/.cache/stamps.json", "out/.manifest.json", ...year]);
  });

  it("rebuilds an output that was deleted or edited by hand", async () => {
    world.files.delete("out/2020/ke-hoach.pdf");
    world.files.set("out/2020/to-trinh.docx", new Uint8Array([1, 2, 3]));
    const check = await buildProject(world, opts({ check: true }));
    expect(check.rebuilt.map((p) => [p.key, p.reasons.map((r) => r.code)])).toEqual([
      ["2020/ke-hoach", ["output-missing"]],
      ["2020/to-trinh", ["output-changed"]],
    ]);
    // The file edited by hand is the user's: kept, with a warning (test/build/edited-outputs.test.ts), and
    // the year's report names it; rebuilt on purpose with --replace-edited.
    const build = await buildProject(world, opts());
    expect(build.written.sort()).toEqual(["out/2020/index.html", "out/2020/ke-hoach.pdf"]);
    expect(build.kept).toEqual(["out/2020/to-trinh.docx"]);
    const asked = await buildProject(world, opts({ replaceEdited: true }));
    expect(asked.written.filter((p) => p !== "out/2020/index.html").sort()).toEqual(["out/2020/to-trinh.docx"]);
  });

  it("removes the outputs of a unit that left, and only files it wrote", async () => {
    world.files.set("out/2020/notes.txt", new TextEncoder().encode("mine"));
    world.files.delete("data/2020/dang-ky/dh-tra-vinh.yaml");
    const build = await buildProject(world, opts());
    expect(build.removed.sort()).toEqual(["out/2020/dang-ky-dh-tra-vinh.docx", "out/2020/dang-ky-dh-tra-vinh.ky-so.json", "out/2020/dang-ky-dh-tra-vinh.pdf"]);
    expect(world.files.has("out/2020/notes.txt")).toBe(true);
  });

  it("builds only what --only and --year select", async () => {
    world.files.delete("out/2020/ke-hoach.docx");
    world.files.delete("out/2020/to-trinh.docx");
    const build = await buildProject(world, opts({ only: "ke-hoach", year: 2020 }));
    expect(build.written).toEqual(["out/2020/ke-hoach.docx"]);
    expect(world.files.has("out/2020/to-trinh.docx")).toBe(false);
  });

  it("refuses a second build while one holds the lock, and writes nothing", async () => {
    const release = await world.lock("out/.lock");
    const before = snapshot(world.files);
    const build = await buildProject(world, { ...opts(), lockWaitMs: 0 });
    expect(build.diagnostics.filter((d) => d.severity === "error").map((d) => d.code)).toEqual(["project/locked"]);
    expect(snapshot(world.files)).toEqual(before);
    await release!();
  });
});

describe("a partial build after a change of shell, fonts or tool", async () => {
  it("leaves the other documents out of date, and the next full build redoes them", async () => {
    const { world, result } = await builtExample();
    const all = result.rebuilt.length;
    const shell = world.files.get("templates/shell.docx")!;
    // The shell changes (any byte of it counts): every document is out of date.
    const PizZip = (await import("pizzip")).default;
    const zip = new PizZip(shell);
    zip.file("word/styles.xml", zip.file("word/styles.xml")!.asText().replace("</w:styles>", "<!--c--></w:styles>"));
    world.files.set("templates/shell.docx", zip.generate({ type: "uint8array" }));
    const partial = await buildProject(world, opts({ only: "ke-hoach" }));
    expect(partial.rebuilt.map((p) => p.key)).toEqual(["2020/ke-hoach"]);
    const check = await buildProject(world, opts({ check: true }));
    expect(check.rebuilt.length).toBe(all - 1);
    expect(new Set(check.rebuilt.flatMap((p) => p.reasons.map((r) => r.code)))).toEqual(new Set(["shell"]));
    const full = await buildProject(world, opts());
    expect(full.rebuilt.length).toBe(all - 1);
  });
});
