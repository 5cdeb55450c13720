/**
 * V8's heap growth (src/cli/heap-growth.ts): bounded to 20 %, with a full collection at once, by a
 * one-shot build that renders many documents (100 or more); left to V8 by a build of a few and by
 * --watch. While bounded, a bundle is compiled with V8's own flags, those its code cache was made
 * with, so V8 accepts the cache. The effect on memory is the bench's (200 units, full build: peak
 * near 225 MiB, 250–290 before).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { BUNDLES, bundleFile, cacheFile } from "../../src/cli/open-bundled.ts";
import { REPO } from "../helpers/fixture-world.ts";
import { recordV8Flags } from "../helpers/v8-flags.ts";

afterEach(() => vi.restoreAllMocks());

describe("the heap's growth", () => {
  it("is bounded once, with a full collection, only for many documents and not in --watch; V8's own while a bundle is compiled", async () => {
    const flags = recordV8Flags();
    const { runBundle } = await import("../../src/cli/run-bundle.ts");
    const { heapForBuild, MANY_DOCUMENTS } = await import("../../src/cli/heap-growth.ts");
    const dist = join(REPO, "dist", "cli");
    const engine = () => runBundle(join(dist, bundleFile(BUNDLES.engine)), join(dist, cacheFile(BUNDLES.engine)));
    expect(existsSync(join(dist, cacheFile(BUNDLES.engine))), "dist/cli/engine.cjs.cache: run npm run compile").toBe(true);

    expect(engine().script.cachedDataRejected).toBe(false);
    heapForBuild(MANY_DOCUMENTS - 1, false);
    heapForBuild(206, true);
    expect(flags).toEqual([]);
    heapForBuild(MANY_DOCUMENTS, false);
    heapForBuild(206, false);
    expect(flags).toEqual(["--heap-growing-percent=20", "--expose-gc", "--no-expose-gc"]);
    expect((globalThis as { gc?: unknown }).gc).toBeUndefined();
    flags.length = 0;
    expect(engine().script.cachedDataRejected).toBe(false);
    expect(flags).toEqual(["--heap-growing-percent=0", "--heap-growing-percent=20"]);
  });
});
