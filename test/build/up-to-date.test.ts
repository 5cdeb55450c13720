/** The build with nothing to do, told from the manifest's snapshot alone; any change anywhere says "not known". */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildProject, type BuildOptions } from "../../src/write/build.ts";
import { upToDate } from "../../src/write/up-to-date.ts";
import { memoryWorld, type MemoryWorld } from "../../src/io/memory-world.ts";
import { fontsourceTinosDir } from "../../src/pdf/fonts/package-dir.ts";
import { FIXTURES, readTree, repoTemplates } from "../helpers/fixture-world.ts";

const opts: BuildOptions = { dataDir: "data", outDir: "out", fontSource: "package", fontPackageDir: fontsourceTinosDir()!, toolVersion: "test" };
const outside = async (p: string) => new Uint8Array(await readFile(p));
const ask = (w: MemoryWorld, over: Partial<{ toolVersion: string; fontSource: string; dataDir: string }> = {}) =>
  upToDate(w, { dataDir: "data", outDir: "out", toolVersion: "test", fontSource: "package", ...over });
const enc = (s: string) => new TextEncoder().encode(s);

describe("a build with nothing to do", async () => {
  const late = readTree(join(FIXTURES, "minimal"));
  // A late registration: a data warning the no-op build must still print.
  late["data/2020/dang-ky/don-vi-a.yaml"] = enc(new TextDecoder().decode(late["data/2020/dang-ky/don-vi-a.yaml"]!).replace(/^ngay: .*/m, "ngay: 2020-12-30"));
  const built = memoryWorld({ ...repoTemplates(), ...late }, { outside });
  const first = await buildProject(built, opts);
  const copy = () => memoryWorld(Object.fromEntries(built.files), { outside });

  it("is told without loading the data, with the data's warnings", async () => {
    const r = await ask(copy());
    expect(r?.documents).toBe(first.rebuilt.length);
    expect(r?.warnings.map((d) => d.code)).toEqual(first.diagnostics.filter((d) => d.severity === "warning").map((d) => d.code));
    expect(r?.warnings.length).toBeGreaterThan(0);
  });

  for (const [what, edit] of [
    ["a data file changed", (w: MemoryWorld) => w.files.set("data/khoi.yaml", enc(new TextDecoder().decode(w.files.get("data/khoi.yaml")!) + "# sửa\n"))],
    ["a template changed", (w: MemoryWorld) => w.files.set("templates/dang-ky.md", enc(new TextDecoder().decode(w.files.get("templates/dang-ky.md")!) + "\n"))],
    ["the shell changed", (w: MemoryWorld) => w.files.set("templates/shell.docx", new Uint8Array([...w.files.get("templates/shell.docx")!, 0]))],
    ["a file added to a data folder", (w: MemoryWorld) => w.files.set("data/2020/ket-qua/don-vi-d.yaml", enc("x: 1\n"))],
    ["a data file removed", (w: MemoryWorld) => w.files.delete("data/2020/bien-ban.md")],
    ["an output edited", (w: MemoryWorld) => w.files.set("out/2020/ke-hoach.pdf", enc("%PDF-1.7 edited"))],
    ["an output removed", (w: MemoryWorld) => w.files.delete("out/2020/ke-hoach.docx")],
    ["a damaged manifest", (w: MemoryWorld) => w.files.set("out/.manifest.json", enc("{"))],
  ] as const)
    it(`is not claimed when ${what}`, async () => {
      const w = copy();
      edit(w);
      expect(await ask(w)).toBeUndefined();
    });

  it("is not claimed for another tool version, font source or data folder", async () => {
    expect(await ask(copy(), { toolVersion: "other" })).toBeUndefined();
    expect(await ask(copy(), { fontSource: "auto" })).toBeUndefined();
    expect(await ask(copy(), { dataDir: "data2" })).toBeUndefined();
  });

  it("is not claimed after a partial build, which cannot vouch for what it left out", async () => {
    const w = copy();
    w.files.set("data/2020/dang-ky/don-vi-b.yaml", enc(new TextDecoder().decode(w.files.get("data/2020/dang-ky/don-vi-b.yaml")!).replace("lao_dong_tien_tien: ", "lao_dong_tien_tien: 1")));
    w.files.set("data/2020/bien-ban.md", enc(new TextDecoder().decode(w.files.get("data/2020/bien-ban.md")!).replace("---\n", "---\n# sửa\n")));
    await buildProject(w, { ...opts, only: "don-vi-b" });
    expect(await ask(w)).toBeUndefined();
    await buildProject(w, opts);
    expect(await ask(w)).toBeDefined();
  });
});

describe("a manifest edited by hand is not believed", async () => {
  const built = memoryWorld({ ...repoTemplates(), ...readTree(join(FIXTURES, "minimal")) }, { outside });
  await buildProject(built, opts);
  const edited = (edit: (m: any) => void) => {
    const w = memoryWorld(Object.fromEntries(built.files), { outside });
    const m = JSON.parse(new TextDecoder().decode(w.files.get("out/.manifest.json")!));
    edit(m);
    w.files.set("out/.manifest.json", enc(JSON.stringify(m)));
    return w;
  };
  for (const [what, edit] of [
    ["no documents", (m: any) => (m.documents = {})],
    ["no documents and an empty snapshot", (m: any) => ((m.documents = {}), Object.assign(m.snapshot, { reads: {}, listings: {}, warnings: [] }))],
    ["a snapshot naming a path outside the project", (m: any) => (m.snapshot.reads["/dev/zero"] = "0")],
    ["a snapshot naming ../", (m: any) => (m.snapshot.reads["data/../../x"] = "0")],
    ["a snapshot without the bloc's file", (m: any) => delete m.snapshot.reads["data/khoi.yaml"]],
  ] as const)
    it(`with ${what}`, async () => {
      expect(await ask(edited(edit))).toBeUndefined();
    });

  it("and reads nothing it names that is not a regular file of a sane size", async () => {
    const w = edited((m: any) => (m.snapshot.reads["templates/huge.md"] = "0"));
    w.files.set("templates/huge.md", new Uint8Array(6 * 1024 * 1024));
    let reads = 0;
    const counting = { ...w, readFile: async (p: string) => (p === "templates/huge.md" && reads++, w.readFile(p)) };
    expect(await upToDate(counting, { dataDir: "data", outDir: "out", toolVersion: "test", fontSource: "package" })).toBeUndefined();
    expect(reads).toBe(0);
  });
});
