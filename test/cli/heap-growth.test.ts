/**
 * V8's heap growth is bounded (src/cli/heap-growth.ts) before a bundle is compiled with its code
 * cache (run-bundle.ts): V8 checks a cache against the flags it was made with, any flag counting,
 * and the compilation makes the caches through runBundle too, so they agree (test/cli/engine.test.ts
 * checks that V8 accepts them). Without a bundle, it is set once the engine's modules are loaded.
 * Once per process. The effect on memory is the bench's (200 units: peak near 225 MiB, 280 before).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import v8 from "node:v8";
import { afterAll, describe, expect, it, vi } from "vitest";

const events = vi.hoisted(() => [] as string[]);
vi.mock("../../src/cli/open-bundled.ts", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/cli/open-bundled.ts")>();
  return {
    ...real,
    openBundled: async (...args: Parameters<typeof real.openBundled>) => {
      const engine = await real.openBundled(...args);
      events.push("engine loaded");
      return engine;
    },
  };
});

const tmp = mkdtempSync(join(tmpdir(), "ktd-heap-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("the heap's growth", () => {
  it("is set to 20 % before a bundle is compiled, then never again: not when the engine's modules load", async () => {
    const spy = vi.spyOn(v8, "setFlagsFromString").mockImplementation((flags: string) => void events.push(flags));
    const bundle = join(tmp, "b.cjs");
    writeFileSync(bundle, 'globalThis.__heapGrowthEvents.push("bundle compiled and run");');
    (globalThis as { __heapGrowthEvents?: string[] }).__heapGrowthEvents = events;
    const { runBundle } = await import("../../src/cli/run-bundle.ts");
    runBundle(bundle, undefined);
    runBundle(bundle, undefined);
    const { loadEngine } = await import("../../src/cli/load-engine.ts");
    await loadEngine();
    expect(events).toEqual(["--heap-growing-percent=20", "bundle compiled and run", "bundle compiled and run", "engine loaded"]);
    spy.mockRestore();
  });
});
