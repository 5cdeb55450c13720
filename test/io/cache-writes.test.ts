/**
 * What a build flushes to the disk before it renames a file into place (World.writeFileAtomic,
 * writeNew): its staged outputs, its journal and its manifest, never its caches. A cache file a
 * power cut took or left empty costs a read (every cache reader checks what it reads), and a
 * 200-unit build writes hundreds of entries, each flush a wait on the disk.
 */
import { cpSync, mkdtempSync, promises as realFs, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type Fs, nodeWorld } from "../../src/io/node-world.ts";
import { fontsourceTinosDir } from "../../src/pdf/fonts/node-font-reader.ts";
import { buildProject, type BuildOptions } from "../../src/write/build.ts";
import { FIXTURES, REPO } from "../helpers/fixture-world.ts";

const tmp = mkdtempSync(join(tmpdir(), "ktd-cache-writes-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** node:fs/promises noting the path of every file flushed to the disk (FileHandle.sync), relative to `root`. */
function flushing(root: string): { fs: Fs; flushed: string[] } {
  const flushed: string[] = [];
  const fs: Fs = {
    ...realFs,
    open: (async (p: string, flags?: string, mode?: number) => {
      const fh = await realFs.open(p, flags, mode);
      const sync = fh.sync.bind(fh);
      fh.sync = async () => {
        flushed.push(p.slice(root.length + 1).replace(/\.tmp-\d+-\d+$/, ""));
        return sync();
      };
      return fh;
    }) as Fs["open"],
  };
  return { fs, flushed };
}

describe("a build's writes", () => {
  it("flush the outputs, the journal and the manifest before they are renamed into place, and no cache file", async () => {
    const root = join(tmp, "p");
    cpSync(join(FIXTURES, "minimal"), root, { recursive: true });
    cpSync(join(REPO, "templates"), join(root, "templates"), { recursive: true });
    const { fs, flushed } = flushing(root);
    const opts: BuildOptions = { dataDir: "data", outDir: "out", fontSource: "package", fontPackageDir: fontsourceTinosDir()!, toolVersion: "test" };
    const r = await buildProject(nodeWorld(root, { fs }), opts);
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    // The caches were written, unflushed.
    expect(readFileSync(join(root, "out/.cache/data-sources.json")).length).toBeGreaterThan(0);
    expect(readFileSync(join(root, "out/.cache/stamps.json")).length).toBeGreaterThan(0);
    expect(flushed.filter((p) => p.startsWith("out/.cache/"))).toEqual([]);
    // Everything the transaction commits was flushed first.
    for (const p of [...r.written, "out/.manifest.json", "out/.journal"]) expect(flushed, p).toContain(p);
    expect(r.written).toContain("out/2020/ke-hoach.pdf");
  });

  it("flush a file written whole unless it is a cache's", async () => {
    const root = join(tmp, "q");
    const { fs, flushed } = flushing(root);
    const world = nodeWorld(root, { fs });
    await world.writeFileAtomic("out/a.json", new TextEncoder().encode("{}"));
    await world.writeFileAtomic("out/.cache/b.json", new TextEncoder().encode("{}"), { cache: true });
    expect(flushed).toEqual(["out/a.json"]);
    expect(readFileSync(join(root, "out/.cache/b.json"), "utf8")).toBe("{}");
  });
});
