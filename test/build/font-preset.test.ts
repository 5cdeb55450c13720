/**
 * The shared font subsets the compilation keeps in dist/pdf-fonts (src/tools/bundle-engine.ts): a
 * build given them (BuildOptions.fontPreset, as the CLI gives them) makes no subset of its own and
 * writes the same PDFs; an entry the preset lacks or holds damaged is made, as without one; and
 * the compiled preset is what a build of this tool makes, key for key and byte for byte.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compiledFromSources, compiledIdentity } from "../../bin/source-hash.js";
import { FONT_PRESET_DIR, toolVersion } from "../../src/cli/tool-version.ts";
import type { MemoryWorld } from "../../src/io/memory-world.ts";
import { fontsourceTinosDir } from "../../src/pdf/fonts/node-font-reader.ts";
import { buildProject, type BuildOptions } from "../../src/write/build.ts";
import { forgetContentMemos } from "../../src/write/content-memo.ts";
import { FONT_CACHE } from "../../src/write/options.ts";
import { exampleWorld } from "../helpers/example.ts";
import { REPO } from "../helpers/fixture-world.ts";

const TOOL = "test-font-preset";
const opts = (extra: Partial<BuildOptions> = {}): BuildOptions => ({ dataDir: "data", outDir: "out", fontSource: "package", fontPackageDir: fontsourceTinosDir()!, toolVersion: TOOL, ...extra });
const CACHE = `out/${FONT_CACHE}/`;

const entries = (w: MemoryWorld, dir: string) => new Map([...w.files].filter(([k]) => k.startsWith(dir)).map(([k, v]) => [k.slice(dir.length), v]));
const pdfs = (w: MemoryWorld) => new Map([...w.files].filter(([k]) => k.startsWith("out/") && k.endsWith(".pdf")));

/** A cache entry's frame around `body`: its SHA-256 first (src/pdf/emit/font-embedding.ts). */
function withHash(body: Uint8Array): Uint8Array {
  return new Uint8Array([...createHash("sha256").update(body).digest(), ...body]);
}

/** A first build in a new process (no font set parsed nor prepared before it). */
async function firstBuild(w: MemoryWorld, extra: Partial<BuildOptions> = {}): Promise<void> {
  forgetContentMemos();
  const r = await buildProject(w, opts(extra));
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
}

describe("the font subsets' preset", async () => {
  // Without a preset: every subset is made, and kept in out/.cache.
  const plain = exampleWorld();
  await firstBuild(plain);
  const made = entries(plain, CACHE);

  it("spares a first build from making any subset: nothing is added to the cache, and the PDFs are the same bytes", async () => {
    expect(made.size).toBeGreaterThan(0);
    const w = exampleWorld(Object.fromEntries([...made].map(([k, v]) => [`preset/${k}`, v])));
    await firstBuild(w, { fontPreset: "preset" });
    expect([...entries(w, CACHE).keys()]).toEqual([]);
    expect(pdfs(w)).toEqual(pdfs(plain));
    expect(entries(w, "preset/")).toEqual(made);
  });

  it("counts as the build's cache for a font set prepared earlier in the process: its entries are not copied", async () => {
    // The font set prepared by a build without a cache of its own (another bloc of a province, an earlier --watch run)...
    const before = exampleWorld();
    await firstBuild(before, { outDir: "elsewhere" });
    // ...and a second build in the same process, whose cache is given only the entries that neither it nor the preset has.
    const w = exampleWorld(Object.fromEntries([...made].map(([k, v]) => [`preset/${k}`, v])));
    expect((await buildProject(w, opts({ fontPreset: "preset" }))).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect([...entries(w, CACHE).keys()]).toEqual([]);
    expect(entries(w, "preset/")).toEqual(made);
    expect(pdfs(w)).toEqual(pdfs(plain));
  });

  it("is only read: an entry it lacks or holds damaged is made and kept in the build's cache, as without a preset", async () => {
    const [missing, damaged, misshapen, ...rest] = [...made.keys()].sort();
    const preset = Object.fromEntries(rest.map((k) => [`preset/${k}`, made.get(k)!]));
    const bad = made.get(damaged!)!.slice();
    bad[bad.length - 1]! ^= 0xff;
    preset[`preset/${damaged}`] = bad;
    // Whole by its hash, but not the shape of an entry the tool writes (its numbers are not JSON).
    preset[`preset/${misshapen}`] = withHash(new Uint8Array([0, 0, 0, 9, ...new TextEncoder().encode("{bad json"), 1, 2, 3]));
    const w = exampleWorld(preset);
    await firstBuild(w, { fontPreset: "preset" });
    expect(new Map(entries(w, CACHE))).toEqual(new Map([missing!, damaged!, misshapen!].map((k) => [k, made.get(k)!])));
    expect(entries(w, "preset/")).toEqual(new Map(Object.entries(preset).map(([k, v]) => [k.slice("preset/".length), v])));
    expect(pdfs(w)).toEqual(pdfs(plain));
  });

  // The CLI runs dist/ only when it was compiled from the sources as they are (bin/khoi-thi-dua.js); so does this test.
  it.skipIf(!compiledFromSources(REPO, compiledIdentity(REPO)))("made by the compilation is every subset a build of this tool makes, the same bytes", async () => {
    const w = exampleWorld();
    await firstBuild(w, { toolVersion: toolVersion() });
    const ours = entries(w, CACHE);
    expect(ours.size).toBe(made.size);
    expect(existsSync(FONT_PRESET_DIR)).toBe(true);
    const compiled = new Map(readdirSync(FONT_PRESET_DIR).map((n) => [n, new Uint8Array(readFileSync(join(FONT_PRESET_DIR, n)))]));
    expect(compiled).toEqual(ours);
  });
});
