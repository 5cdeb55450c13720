/**
 * Loading the engine bounds V8's heap growth (src/cli/heap-growth.ts), once its code cache has
 * been read: a flag set before would make V8 refuse the cache (it checks the flags it was made
 * with). The effect on memory is the bench's (200 units: peak near 230 MiB, 280 before).
 */
import v8 from "node:v8";
import { describe, expect, it, vi } from "vitest";

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

describe("the heap's growth", () => {
  it("is set to 20 % once the engine is loaded, and only once", async () => {
    const spy = vi.spyOn(v8, "setFlagsFromString").mockImplementation((flags: string) => void events.push(flags));
    const { loadEngine } = await import("../../src/cli/load-engine.ts");
    await loadEngine();
    await loadEngine();
    expect(events).toEqual(["engine loaded", "--heap-growing-percent=20"]);
    spy.mockRestore();
  });
});
