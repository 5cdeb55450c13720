/**
 * A year output (the print bundle, the year's report) is made only from PDFs that are current:
 * a build with --only that leaves another document of the year out of date (its data changed,
 * it is not rebuilt) leaves the year outputs as they are, with a warning naming that document,
 * instead of mixing new bookmarks and titles with the old document's pages. The next full
 * build rebuilds them from the new pages.
 */
import { describe, expect, it } from "vitest";
import { buildProject, type BuildOptions } from "../../src/write/build.ts";
import { sha256 } from "../../src/write/hash.ts";
import { builtExample, exampleOptions } from "../helpers/shared-example.ts";
import { readOutline } from "./read-pdf.ts";

const opts = (extra: Partial<BuildOptions> = {}): BuildOptions => exampleOptions(extra);
const BUNDLE = "out/2020/ho-so-thi-dua-2020.pdf";
const REPORT = "out/2020/index.html";
const GDDT = "out/2020/dang-ky-so-gddt.pdf";

describe("year outputs after a build with --only that leaves a document of the year out of date", async () => {
  // The example built from an empty out/ (shared with the other files of this test process), in a world of this describe's own.
  const { world } = await builtExample();
  const bundle = world.files.get(BUNDLE)!;
  const report = world.files.get(REPORT)!;
  const gddt = world.files.get(GDDT)!;
  const setNumber = (path: string, n: number) => {
    const text = new TextDecoder().decode(world.files.get(path)!);
    const next = text.replace(/^so: \d+$/m, `so: ${n}`);
    expect(next, path).not.toBe(text);
    world.files.set(path, new TextEncoder().encode(next));
  };
  setNumber("data/2020/dang-ky/so-gddt.yaml", 206);
  setNumber("data/2020/dang-ky/so-y-te.yaml", 414);
  const only = await buildProject(world, opts({ only: "so-y-te" }));

  it("rebuilds the selected document only and leaves the bundle and index.html byte-identical", () => {
    expect(only.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(only.written.sort()).toEqual(["out/2020/dang-ky-so-y-te.docx", "out/2020/dang-ky-so-y-te.ky-so.json", "out/2020/dang-ky-so-y-te.pdf"]);
    expect(world.files.get(GDDT)).toBe(gddt);
    expect(Buffer.compare(Buffer.from(world.files.get(BUNDLE)!), Buffer.from(bundle))).toBe(0);
    expect(Buffer.compare(Buffer.from(world.files.get(REPORT)!), Buffer.from(report))).toBe(0);
    expect(only.yearOutputs).toEqual([]);
  });

  it("warns, for each year output, naming the out-of-date document", () => {
    const warned = only.diagnostics.filter((d) => d.code === "build/year-output-skipped");
    expect(warned.map((d) => [d.severity, d.pos.file])).toEqual([
      ["warning", BUNDLE],
      ["warning", REPORT],
      ["warning", "out/2020/ket-qua-2020.json"],
      ["warning", "out/2020/ket-qua-2020.xlsx"],
    ]);
    for (const d of warned) {
      expect(String(d.params.whyEn)).toContain("dang-ky-so-gddt");
      expect(String(d.params.whyVi)).toContain("dang-ky-so-gddt");
      expect(String(d.params.whyEn)).not.toContain("dang-ky-so-y-te");
    }
  });

  it("is rebuilt by the next full build, from the new page of the document with its new number", async () => {
    const full = await buildProject(world, opts());
    // (index.html shows no document number: its bytes are the same, and it is not written again.)
    expect(full.written).toEqual(expect.arrayContaining([GDDT, BUNDLE]));
    expect(full.diagnostics.filter((d) => d.code === "build/year-output-skipped")).toEqual([]);
    const { items } = await readOutline(world.files.get(BUNDLE)!);
    const titles = items[1]!.children.map((c) => c.title);
    expect(titles.find((t) => t.includes("Sở Giáo dục và Đào tạo"))).toContain("Số: 206/");
    expect(titles.find((t) => t.includes("Sở Y tế"))).toContain("Số: 414/");
    // The pages copied are the rebuilt PDF's: the manifest records the bundle made from its bytes.
    const manifest = JSON.parse(new TextDecoder().decode(world.files.get("out/.manifest.json")));
    expect(manifest.yearOutputs["2020/ho-so"].inputs[GDDT]).toBe(sha256(world.files.get(GDDT)!));
    expect(manifest.yearOutputs["2020/bao-cao-nam"].inputs[GDDT]).toBe(sha256(world.files.get(GDDT)!));
    expect(world.files.get(GDDT)).not.toEqual(gddt);
  });
});

describe("the year's report after a build with --only that leaves a document whose title it shows out of date", async () => {
  // The example built from an empty out/ (shared with the other files of this test process), in a world of this describe's own.
  const { world } = await builtExample();
  const report = world.files.get(REPORT)!;
  const bundle = world.files.get(BUNDLE)!;
  const edit = (path: string, from: RegExp | string, to: string) => {
    const text = new TextDecoder().decode(world.files.get(path)!);
    const next = text.replace(from, to);
    expect(next, path).not.toBe(text);
    world.files.set(path, new TextEncoder().encode(next));
  };
  edit("data/2020/ke-hoach.md", "Tổ chức và phát động", "Tổ chức, phát động");
  edit("data/2020/dang-ky/so-y-te.yaml", /^so: \d+$/m, "so: 414");
  const only = await buildProject(world, opts({ only: "so-y-te" }));

  it("leaves index.html (and the bundle) as they were, naming ke-hoach, not showing the new title beside the old PDF's pages", () => {
    expect(only.written.sort()).toEqual(["out/2020/dang-ky-so-y-te.docx", "out/2020/dang-ky-so-y-te.ky-so.json", "out/2020/dang-ky-so-y-te.pdf"]);
    expect(new TextDecoder().decode(world.files.get(REPORT))).toBe(new TextDecoder().decode(report));
    expect(new TextDecoder().decode(world.files.get(REPORT))).not.toContain("Tổ chức, phát động");
    expect(world.files.get(BUNDLE)).toBe(bundle);
    const warned = only.diagnostics.filter((d) => d.code === "build/year-output-skipped");
    // (And the results file, from every file; the register is not touched by a build of one unit's registration.)
    expect(warned.map((d) => d.pos.file)).toEqual([BUNDLE, REPORT, "out/2020/ket-qua-2020.json", "out/2020/ket-qua-2020.xlsx"]);
    for (const d of warned) expect(String(d.params.whyEn)).toContain("out/2020/ke-hoach.pdf");
  });

  it("is rebuilt with the new title by the next full build", async () => {
    const full = await buildProject(world, opts());
    expect(full.written).toEqual(expect.arrayContaining(["out/2020/ke-hoach.pdf", BUNDLE, REPORT]));
    expect(new TextDecoder().decode(world.files.get(REPORT))).toContain("Tổ chức, phát động");
  });
});
