/**
 * What a process keeps of the data cache between runs (a --watch session): the cache file it
 * saved is not decoded again when it is opened next, an entry read back is handed out again
 * frozen (nobody can change it for the next run), and its check by its schema is kept with it
 * (src/validate/kept-validation.ts): the same data and diagnostics, checked once. An entry damaged
 * since is read again, and refused, as before (test/load/source-cache.test.ts). A one-shot run
 * (a build without --watch) keeps and freezes nothing.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { MemoryWorld } from "../../src/io/memory-world.ts";
import { buildOptions } from "../../src/cli/commands.ts";
import { parseArgs } from "../../src/cli/args.ts";
import { keptEntryCount, SourceCache } from "../../src/load/source-cache.ts";
import { checkProject, readProject } from "../../src/pipeline.ts";
import { Diagnostics } from "../../src/diagnostics/diagnostic.ts";
import { forgetContentMemos } from "../../src/write/content-memo.ts";
import { readDataCache, writeDataCache } from "../helpers/data-cache.ts";
import { fixtureWorld } from "../helpers/fixture-world.ts";

const CACHE = "out/.cache/data-sources.json";
const open = (world: MemoryWorld, keep = true) => SourceCache.open(world, CACHE, "tool-kept", { keep });

/** A run: the cache opened (kept for the next run, as --watch opens it, unless `keep` is false), the project read and checked with it, the cache saved. */
async function run(world: MemoryWorld, keep = true) {
  const cache = await open(world, keep);
  const diags = new Diagnostics();
  const { raw, valid } = await readProject(world, diags, "data", { documents: true }, cache);
  await cache.save(world);
  return { cache, raw, valid, diags: diags.sorted() };
}

afterEach(() => forgetContentMemos());

describe("the data cache kept in the process", () => {
  it("hands out the same frozen value and the same checked data in the next run", async () => {
    forgetContentMemos();
    const world = fixtureWorld();
    await run(world); // parses every file and saves the cache
    const second = await run(world);
    const third = await run(world);
    expect(second.cache.parsed).toEqual([]);
    expect(third.cache.parsed).toEqual([]);
    const unit = (r: typeof second) => [...r.valid!.years[0]!.unitDocs.get("dang-ky")!.values()][0]!;
    const [a, b] = [unit(second), unit(third)];
    expect(b.src.value).toBe(a.src.value);
    expect(b.data).toBe(a.data);
    expect(Object.isFrozen(a.src.value)).toBe(true);
    expect(Object.isFrozen(a.data)).toBe(true);
    expect(() => {
      (a.data as { ngay?: unknown }).ngay = "2099-01-01";
    }).toThrow(TypeError);
    expect(third.diags).toEqual(second.diags);
  });

  it("gives what a fresh read gives, diagnostics included, and copies them for each run", async () => {
    forgetContentMemos();
    const world = fixtureWorld(undefined, { "data/2020/dang-ky/don-vi-b.yaml": "ngay: 2020-03-01\nthua: 1\n" });
    const fresh = await checkProject(world);
    await run(world);
    const kept = await run(world);
    const again = await run(world);
    expect(kept.cache.parsed).toEqual([]);
    expect(kept.diags.some((d) => d.code === "schema/unknown-key")).toBe(true);
    expect(again.diags).toEqual(kept.diags);
    expect(again.diags[0]).not.toBe(kept.diags[0]);
    const c = await open(world);
    expect(await checkProject(world, "data", c)).toStrictEqual(fresh);
  });

  it("keeps one entry per file however many times it is edited", async () => {
    forgetContentMemos();
    const world = fixtureWorld();
    await run(world);
    await run(world);
    const files = keptEntryCount();
    const path = "data/2020/nam.yaml";
    const text = new TextDecoder().decode(world.files.get(path)!);
    for (let i = 0; i < 12; i++) {
      world.files.set(path, new TextEncoder().encode(`${text}# sửa ${i}\n`));
      await run(world); // parses the new version and keeps it in the cache
      await run(world); // reads it back from the cache
    }
    expect(keptEntryCount()).toBe(files);
  });

  it("keeps nothing for a one-shot run: its values are its own, not frozen, and no entry stays in the process", async () => {
    forgetContentMemos();
    const world = fixtureWorld(undefined, { "data/2020/nam.yaml": `${new TextDecoder().decode(fixtureWorld().files.get("data/2020/nam.yaml")!)}# một lần\n` });
    await run(world, false); // parses every file and saves the cache
    const files = keptEntryCount();
    const first = await run(world, false);
    const second = await run(world, false);
    expect(first.cache.parsed).toEqual([]);
    expect(keptEntryCount()).toBe(files);
    const unit = (r: typeof first) => [...r.valid!.years[0]!.unitDocs.get("dang-ky")!.values()][0]!;
    const [a, b] = [unit(first), unit(second)];
    expect(Object.isFrozen(a.src.value)).toBe(false);
    expect(Object.isFrozen(a.data)).toBe(false);
    expect(b.src.value).not.toBe(a.src.value);
    expect(b.data).toStrictEqual(a.data);
    expect(second.diags).toEqual(first.diags);
  });

  it("is asked for by a --watch build only", () => {
    expect(buildOptions(parseArgs(["build", "--watch"])).keepForNextBuild).toBe(true);
    expect(buildOptions(parseArgs(["build"])).keepForNextBuild).toBeUndefined();
  });

  it("reads an entry damaged since it was kept again, and refuses it", async () => {
    forgetContentMemos();
    const world = fixtureWorld();
    await run(world);
    await run(world);
    const { header, entries } = readDataCache(world.files.get(CACHE)!);
    Object.values(entries).find((e) => e.file === "data/khoi.yaml")!.value = ["z", 1];
    world.files.set(CACHE, writeDataCache(header, entries));
    const after = await run(world);
    expect(after.cache.parsed).toEqual(["data/khoi.yaml"]);
  });
});
