/**
 * End to end, in memory: a project with a good build in out/ gets a hostile
 * file; the build must fail with an error naming the file, within seconds,
 * and leave out/ byte for byte as it was. CRLF line ends, NFD text and a BOM
 * are not hostile: they build the very same documents.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildProject, type BuildOptions } from "../../src/write/build.ts";
import { sha256 } from "../../src/write/hash.ts";
import { formatDiagnostic } from "../../src/diagnostics/format.ts";
import { memoryWorld, type MemoryWorld } from "../../src/io/memory-world.ts";
import { fontsourceTinosDir } from "../../src/pdf/fonts/node-font-reader.ts";
import { FIXTURES, readTree, repoTemplates } from "../helpers/fixture-world.ts";
import { hostileCases } from "../helpers/hostile.ts";
import { errorsOf, expectLocated } from "../helpers/invariants.ts";

const opts: BuildOptions = { dataDir: "data", outDir: "out", fontSource: "package", fontPackageDir: fontsourceTinosDir()!, toolVersion: "test" };
const outside = async (p: string) => new Uint8Array(await readFile(p));
const BASE: Record<string, Uint8Array> = { ...repoTemplates(), ...readTree(join(FIXTURES, "minimal")) };
const world = (files: Record<string, Uint8Array>): MemoryWorld => memoryWorld(files, { outside });
/** The files under out/ with the hash of their bytes (comparing hashes is fast; byte arrays element by element is not). */
const out = (w: MemoryWorld) => new Map([...w.files].filter(([k]) => k.startsWith("out/")).map(([k, v]) => [k, sha256(v)]));
/** The documents' files (not the year's print bundle). */
const documents = (w: MemoryWorld) => new Map([...out(w)].filter(([k]) => /\.(docx|pdf)$/.test(k) && !/\/ho-so-thi-dua-\d{4}\.pdf$/.test(k)));

/** Rewrites every text file of the project (data and templates). */
function variant(change: (text: string) => string): Record<string, Uint8Array> {
  const dec = new TextDecoder();
  const enc = new TextEncoder();
  return Object.fromEntries(Object.entries(BASE).map(([k, v]) => [k, /\.(ya?ml|md)$/.test(k) ? enc.encode(change(dec.decode(v))) : v]));
}

describe("a hostile file in a project with a good build", async () => {
  const good = world({ ...BASE });
  const first = await buildProject(good, opts);
  const before = out(good);

  it("the project builds to begin with", () => {
    expect(errorsOf(first.diagnostics)).toEqual([]);
    expect(documents(good).size).toBe(10);
  });

  for (const c of hostileCases()) {
    it(`${c.name}: fails naming ${c.names}, quickly, and leaves out/ as it was`, async () => {
      const w = world({ ...Object.fromEntries(good.files), ...c.files });
      const t0 = performance.now();
      const result = await buildProject(w, opts);
      expect(performance.now() - t0).toBeLessThan(5000);
      expect(errorsOf(result.diagnostics).length).toBeGreaterThan(0);
      expectLocated(result.diagnostics);
      const text = result.diagnostics.map((d) => formatDiagnostic(d, "vi")).join("\n");
      expect(text).toContain(`${c.names}:`);
      expect(result.written).toEqual([]);
      expect(out(w)).toEqual(before);
    });
  }
});

describe("CRLF line ends, NFD text and a byte order mark build the same documents", async () => {
  const plain = world({ ...BASE });
  await buildProject(plain, opts);
  const reference = documents(plain);

  const variants: [string, (t: string) => string][] = [
    ["CRLF", (t) => t.replace(/\n/g, "\r\n")],
    ["NFD", (t) => t.normalize("NFD")],
    ["old Mac CR", (t) => t.replace(/\n/g, "\r")],
    ["BOM + CRLF + NFD", (t) => "\ufeff" + t.normalize("NFD").replace(/\n/g, "\r\n")],
  ];
  for (const [name, change] of variants) {
    it(`${name}: checks clean and rebuilds nothing over the plain build`, async () => {
      const w = world({ ...Object.fromEntries(plain.files), ...variant(change) });
      const result = await buildProject(w, opts);
      expect(result.diagnostics).toEqual([]);
      expect(result.rebuilt).toEqual([]);
      expect(documents(w)).toEqual(reference);
    });
  }

  it("BOM + CRLF + NFD from scratch: the same bytes as the plain build", async () => {
    const w = world(variant((t) => "\ufeff" + t.normalize("NFD").replace(/\n/g, "\r\n")));
    const result = await buildProject(w, opts);
    expect(result.diagnostics).toEqual([]);
    expect(documents(w)).toEqual(reference);
  });
});
