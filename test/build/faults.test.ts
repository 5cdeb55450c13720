/**
 * Faults around the build, simulated through the I/O boundary (World): a
 * read-only or full output folder, a missing or unreadable font, data files
 * that disappear or cannot be read while the build runs. Each gives a
 * diagnostic naming what failed, never an exception, and no good file is
 * replaced by a partial one.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildProject, type BuildOptions } from "../../src/write/build.ts";
import { sha256 } from "../../src/write/hash.ts";
import { formatDiagnostic } from "../../src/diagnostics/format.ts";
import { memoryWorld, type MemoryWorld } from "../../src/io/memory-world.ts";
import type { World } from "../../src/io/world.ts";
import { fontsourceTinosDir } from "../../src/pdf/fonts/node-font-reader.ts";
import { FIXTURES, readTree, repoTemplates } from "../helpers/fixture-world.ts";
import { errorsOf, expectLocated } from "../helpers/invariants.ts";

const opts: BuildOptions = { dataDir: "data", outDir: "out", fontSource: "package", fontPackageDir: fontsourceTinosDir()!, toolVersion: "test" };
const outside = async (p: string) => new Uint8Array(await readFile(p));
const BASE: Record<string, Uint8Array> = { ...repoTemplates(), ...readTree(join(FIXTURES, "minimal")) };
const out = (w: MemoryWorld) => new Map([...w.files].filter(([k]) => k.startsWith("out/")).map(([k, v]) => [k, sha256(v)]));
const ioError = (code: string, path: string) => Object.assign(new Error(`${code}: simulated, '${path}'`), { code, errno: -1, syscall: "open", path });

/** A change that alters every document: the bloc's parent body. */
function changed(files: Map<string, Uint8Array>): Record<string, Uint8Array> {
  const text = new TextDecoder().decode(files.get("data/khoi.yaml")!);
  return { ...Object.fromEntries(files), "data/khoi.yaml": new TextEncoder().encode(text.replace("UBND TỈNH TRÀ VINH", "ỦY BAN NHÂN DÂN TỈNH TRÀ VINH")) };
}

/** The same world, with some of its operations replaced. */
function faulty(w: MemoryWorld, over: Partial<World>): World {
  return { ...w, ...over };
}

function messages(diags: Parameters<typeof expectLocated>[0]): string {
  expectLocated(diags);
  return diags.map((d) => formatDiagnostic(d, "vi") + "\n" + formatDiagnostic(d, "en")).join("\n");
}

describe("faults around the build", async () => {
  // A good build, then a change to the data: every document must be rebuilt.
  const good = memoryWorld({ ...BASE }, { outside });
  await buildProject(good, opts);
  const before = out(good);
  const expected = memoryWorld(changed(good.files), { outside });
  await buildProject(expected, opts);
  const after = out(expected);
  const fresh = () => memoryWorld(changed(good.files), { outside });

  it("a read-only output folder: the lock cannot be taken, the message names it, nothing changes", async () => {
    const w = fresh();
    const denied = async (path: string) => {
      throw ioError("EACCES", path);
    };
    const result = await buildProject(faulty(w, { lock: denied, writeFileAtomic: denied, removeFile: denied }), opts);
    expect(errorsOf(result.diagnostics).map((d) => [d.code, d.pos.file])).toEqual([["build/write-failed", "out/.lock"]]);
    expect(messages(result.diagnostics)).toContain("Không ghi được out/.lock: không có quyền truy cập (EACCES)");
    expect(out(w)).toEqual(before);
  });

  const leftovers = (w: MemoryWorld) => [...w.files.keys()].filter((k) => /\.tmp-\d+-\d+$/.test(k) || k === "out/.journal");

  it("drafts a run cut short left in out/ and in the caches (out/.cache and its folders) are removed by the next build", async () => {
    const w = fresh();
    const drafts = ["out/2020/to-trinh.pdf.tmp-7-1", "out/.cache/data-sources.json.tmp-7-2", "out/.cache/pdf-parts/ab.tmp-7-3", "out/.cache/pdf-fonts/cd.tmp-7-4", "out/.cache/year-outputs/2020-ket-qua-xlsx.tmp-7-5"];
    for (const d of drafts) w.files.set(d, new Uint8Array([1]));
    const result = await buildProject(w, opts);
    expect(errorsOf(result.diagnostics)).toEqual([]);
    expect(leftovers(w)).toEqual([]);
    // A file of the cache that is no draft stays.
    w.files.set("out/.cache/pdf-parts/notes.txt", new Uint8Array([1]));
    await buildProject(w, opts);
    expect(w.files.has("out/.cache/pdf-parts/notes.txt")).toBe(true);
  });

  it("files that cannot be written (EROFS): the first one is named, nothing changes, nothing is left behind", async () => {
    const w = fresh();
    const result = await buildProject(faulty(w, { writeNew: async (path) => { throw ioError("EROFS", path); } }), opts);
    const errors = errorsOf(result.diagnostics);
    expect(errors.map((d) => d.code)).toEqual(["build/write-failed"]);
    expect(messages(errors)).toMatch(/Cannot write out\/2020\/[\w-]+\.(docx|pdf): read-only file system \(EROFS\)/);
    expect(result.written).toEqual([]);
    expect(out(w)).toEqual(before);
    expect(leftovers(w)).toEqual([]);
    expect(w.files.has("out/.lock")).toBe(false);
  });

  it("a disk that fills up part-way (ENOSPC): all or nothing, so every file is old, and the next build does the job", async () => {
    const w = fresh();
    let left = 3;
    const full = faulty(w, {
      async writeNew(path, bytes) {
        if (left-- <= 0) throw ioError("ENOSPC", path);
        await w.writeNew(path, bytes);
      },
    });
    const result = await buildProject(full, opts);
    const errors = errorsOf(result.diagnostics);
    expect(errors.map((d) => d.code)).toEqual(["build/write-failed"]);
    expect(messages(errors)).toContain("đĩa đầy (ENOSPC)");
    expect(result.written).toEqual([]);
    expect(out(w)).toEqual(before); // the manifest included
    expect(leftovers(w)).toEqual([]);
    expect(w.files.has("out/.lock")).toBe(false);
    // Disk space freed: the next build ends where a clean build ends.
    const again = await buildProject(w, opts);
    expect(errorsOf(again.diagnostics)).toEqual([]);
    expect(out(w)).toEqual(after);
  });

  it("a commit cut short while putting files in place: those done are new and whole, the journal stays, and the next build finishes it first", async () => {
    const w = fresh();
    let left = 2;
    const cut = faulty(w, {
      async renameFile(from, to) {
        if (left-- <= 0) throw ioError("EIO", to);
        await w.renameFile(from, to);
      },
    });
    const result = await buildProject(cut, opts);
    expect(errorsOf(result.diagnostics).map((d) => d.code)).toEqual(["build/write-failed"]);
    expect(result.written).toHaveLength(2);
    for (const [path, hash] of out(w)) {
      if (path === "out/.journal" || /\.tmp-/.test(path)) continue;
      expect(hash, path).toBe(result.written.includes(path) ? after.get(path) : before.get(path));
    }
    expect(w.files.has("out/.journal")).toBe(true);
    const again = await buildProject(w, opts);
    expect(errorsOf(again.diagnostics)).toEqual([]);
    expect(again.diagnostics.map((d) => d.code)).toContain("project/change-finished");
    // The PDFs' parts and the workbook made by the build whose commit failed are not kept (a failed build adds nothing
    // to out/.cache); the build that finished its commit had none to make: a later one makes them once. Everything else
    // is as after a clean build.
    const noParts = (m: Map<string, string>) => new Map([...m].filter(([k]) => !k.startsWith("out/.cache/pdf-parts/") && !k.startsWith("out/.cache/year-outputs/")));
    expect(noParts(out(w))).toEqual(noParts(after));
    expect(leftovers(w)).toEqual([]);
  });

  it("a missing font package: pdf/font-not-found names the files looked for, nothing changes", async () => {
    const w = fresh();
    const result = await buildProject(w, { ...opts, fontPackageDir: "/nonexistent/@fontsource/tinos" });
    expect(errorsOf(result.diagnostics).map((d) => d.code)).toEqual(["pdf/font-not-found"]);
    expect(messages(result.diagnostics)).toContain("/nonexistent/@fontsource/tinos/files/tinos-");
    expect(out(w)).toEqual(before);
  });

  it("an unreadable font file: pdf/font-not-found names it", async () => {
    const w = fresh();
    const result = await buildProject(
      faulty(w, {
        async readFile(path) {
          if (path.endsWith(".woff")) throw ioError("EACCES", path);
          return w.readFile(path);
        },
      }),
      opts,
    );
    expect(errorsOf(result.diagnostics).map((d) => d.code)).toEqual(["pdf/font-not-found"]);
    expect(messages(result.diagnostics)).toMatch(/tinos-[\w-]+\.woff: permission denied/);
    expect(out(w)).toEqual(before);
  });

  it("a data file deleted between listing and reading: file/vanished names it, no crash, nothing changes", async () => {
    const gone = "data/2020/dang-ky/don-vi-b.yaml";
    for (const over of [
      { readFile: async (p: string) => (p === gone ? undefined : fresh().readFile(p)) },
      { fileSize: async (p: string) => (p === gone ? undefined : fresh().fileSize(p)) },
    ]) {
      const w = fresh();
      const result = await buildProject(faulty(w, over), opts);
      expect(errorsOf(result.diagnostics).map((d) => [d.code, d.pos.file])).toEqual([["file/vanished", gone]]);
      expect(out(w)).toEqual(before);
    }
  });

  it("a template or the DOCX shell deleted while the build runs: file/missing names it", async () => {
    for (const gone of ["templates/ke-hoach.md", "templates/shell.docx"]) {
      const w = fresh();
      const result = await buildProject(faulty(w, { readFile: async (p) => (p === gone ? undefined : w.readFile(p)) }), opts);
      expect(errorsOf(result.diagnostics).map((d) => [d.code, d.pos.file])).toEqual([["file/missing", gone]]);
      expect(out(w)).toEqual(before);
    }
  });

  it("an unreadable data file or folder: file/unreadable names it", async () => {
    for (const [what, over] of [
      ["data/2020/nam.yaml", { readFile: async (p: string) => (p === "data/2020/nam.yaml" ? Promise.reject(ioError("EACCES", p)) : fresh().readFile(p)) }],
      ["data/2020/ket-qua", { listDir: async (p: string) => (p === "data/2020/ket-qua" ? Promise.reject(ioError("EACCES", p)) : fresh().listDir(p)) }],
      ["data/khoi.yaml", { fileSize: async (p: string) => (p === "data/khoi.yaml" ? Promise.reject(ioError("EIO", p)) : fresh().fileSize(p)) }],
    ] as const) {
      const w = fresh();
      const result = await buildProject(faulty(w, over as Partial<World>), opts);
      const errors = errorsOf(result.diagnostics);
      expect(errors.map((d) => [d.code, d.pos.file])).toContainEqual(["file/unreadable", what]);
      expect(messages(errors)).toContain(what);
      expect(out(w)).toEqual(before);
    }
  });

  it("an output that cannot be read to compare: file/unreadable names it, nothing is written", async () => {
    const w = fresh();
    const result = await buildProject(faulty(w, { readFile: async (p) => (p === "out/2020/ke-hoach.pdf" ? Promise.reject(ioError("EACCES", p)) : w.readFile(p)) }), opts);
    expect(errorsOf(result.diagnostics).map((d) => [d.code, d.pos.file])).toEqual([["file/unreadable", "out/2020/ke-hoach.pdf"]]);
    expect(out(w)).toEqual(before);
  });

  it("an error that is not the file system's still escapes (a bug must not pass for bad data)", async () => {
    const w = fresh();
    await expect(buildProject(faulty(w, { writeNew: async () => { throw new TypeError("bug"); } }), opts)).rejects.toThrow("bug");
    expect(w.files.has("out/.lock")).toBe(false);
  });
});
