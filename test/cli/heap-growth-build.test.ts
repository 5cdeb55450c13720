/**
 * `build` bounds V8's heap growth (src/cli/heap-growth.ts) when its first rendered document says
 * it renders many (100 or more), and neither --watch nor a build of a few, and has V8's optimising
 * compiler back (src/cli/optimiser.ts) when it renders 60 or more: the engine here is a stand-in
 * that reports its progress as such builds would.
 */
import { describe, expect, it, vi } from "vitest";
import { parseArgs } from "../../src/cli/args.ts";
import { memoryWorld } from "../../src/io/memory-world.ts";
import { recordV8Flags } from "../helpers/v8-flags.ts";

const quiet = new Proxy({}, { get: () => () => undefined }) as never;
const total = vi.hoisted(() => ({ n: 0 }));
vi.mock("../../src/cli/load-engine.ts", () => ({
  loadEngine: async () => ({
    buildProject: async (_w: unknown, o: { onProgress?: (d: number, t: number, k: string) => void }) => {
      for (let d = 1; d <= 3; d++) o.onProgress?.(d, total.n, `k${d}`);
      throw new Error("stand-in engine: no result");
    },
  }),
}));

describe("build and the heap's growth", () => {
  it("bounds it once when rendering many documents; not for a few, not in --watch", async () => {
    const flags = recordV8Flags();
    const { runBuild } = await import("../../src/cli/commands.ts");
    const world = memoryWorld({});
    const build = (args: string[]) => runBuild(world, { ...parseArgs(["build", ...args]), lang: "en" }, quiet).catch(() => undefined);
    total.n = 150;
    await build(["--watch"]);
    total.n = 3;
    await build([]);
    expect(flags).toEqual([]);
    total.n = 150;
    await build([]);
    await build([]);
    expect(flags.filter((f) => f.startsWith("--heap"))).toEqual(["--heap-growing-percent=20"]);
  });
});

describe("build and the optimising compiler", () => {
  it("has it back from the first rendered of many documents of a build that turned it off (its own process), not of a few", async () => {
    const flags = recordV8Flags(false);
    const { runBuild } = await import("../../src/cli/commands.ts");
    const { optimiserOffForRun, MANY_TO_OPTIMISE } = await import("../../src/cli/optimiser.ts");
    const world = memoryWorld({});
    const build = () => runBuild(world, { ...parseArgs(["build"]), lang: "en" }, quiet).catch(() => undefined);
    optimiserOffForRun();
    total.n = MANY_TO_OPTIMISE - 1;
    await build();
    expect(flags).toEqual(["--no-turbofan"]);
    total.n = MANY_TO_OPTIMISE;
    await build();
    await build();
    expect(flags).toEqual(["--no-turbofan", "--turbofan"]);
  });
});

describe("a Node that gives no gc", () => {
  it("bounds the growth without a collection, and the build goes on", async () => {
    vi.resetModules();
    // A process of its own: the bound is kept per process (heap-growth.ts), not per copy of the module.
    delete (globalThis as Record<symbol, unknown>)[Symbol.for("khoi-thi-dua/heap-bounded")];
    // --expose-gc taken as nothing: V8's gc stays out of reach.
    const flags = recordV8Flags(false);
    const { heapForBuild } = await import("../../src/cli/heap-growth.ts");
    expect(() => heapForBuild(150, false)).not.toThrow();
    expect(flags).toEqual(["--heap-growing-percent=20", "--expose-gc", "--no-expose-gc"]);
  });
});
