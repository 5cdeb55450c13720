/**
 * V8's heap growth (src/cli/heap-growth.ts): bounded to 20 % by a one-shot build, left to V8 by
 * --watch (a small heap rebuilt again and again would end each rebuild in a full collection); the
 * flag is set back to V8's own for the time a bundle is compiled with its code cache, which the
 * compilation made with V8's own flags, so V8 accepts the cache either way. The effect on memory
 * is the bench's (200 units: peak near 230 MiB, 250–290 before).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import v8 from "node:v8";
import { afterEach, describe, expect, it, vi } from "vitest";
import { parseArgs } from "../../src/cli/args.ts";
import { BUNDLES, bundleFile, cacheFile } from "../../src/cli/open-bundled.ts";
import { minimalWorld, REPO } from "../helpers/fixture-world.ts";

const quiet = new Proxy({}, { get: () => () => undefined }) as never;
afterEach(() => vi.restoreAllMocks());

describe("the heap's growth", () => {
  it("is left to V8 by --watch, bounded to 20 % once by a one-shot build, and V8's own while a bundle is compiled", async () => {
    const flags: string[] = [];
    const real = v8.setFlagsFromString.bind(v8);
    vi.spyOn(v8, "setFlagsFromString").mockImplementation((f: string) => {
      flags.push(f);
      real(f);
    });
    const { runBuild } = await import("../../src/cli/commands.ts");
    const { runBundle } = await import("../../src/cli/run-bundle.ts");
    const dist = join(REPO, "dist", "cli");
    const engine = () => runBundle(join(dist, bundleFile(BUNDLES.engine)), join(dist, cacheFile(BUNDLES.engine)));
    expect(existsSync(join(dist, cacheFile(BUNDLES.engine))), "dist/cli/engine.cjs.cache: run npm run compile").toBe(true);

    // Not bounded yet: compiling a bundle sets nothing.
    expect(engine().script.cachedDataRejected).toBe(false);
    expect(flags).toEqual([]);
    await runBuild(minimalWorld(), { ...parseArgs(["build", "--watch"]), lang: "en" }, quiet).catch(() => undefined);
    expect(flags).toEqual([]);
    await runBuild(minimalWorld(), { ...parseArgs(["build"]), lang: "en" }, quiet).catch(() => undefined);
    await runBuild(minimalWorld(), { ...parseArgs(["build"]), lang: "en" }, quiet).catch(() => undefined);
    expect(flags).toEqual(["--heap-growing-percent=20"]);
    // Bounded: V8's own flags while compiling, so that the cache made with them is accepted; bounded again after.
    flags.length = 0;
    expect(engine().script.cachedDataRejected).toBe(false);
    expect(flags).toEqual(["--heap-growing-percent=0", "--heap-growing-percent=20"]);
  });
});
