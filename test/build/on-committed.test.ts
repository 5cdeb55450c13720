/**
 * A build tells its caller its result as soon as its change is committed (the CLI then prints
 * what it wrote and its closing line), before it writes the caches beside the outputs: the same
 * result it returns, with every file it names on disk. A build that fails or only checks
 * commits nothing and tells nothing early.
 */
import { describe, expect, it } from "vitest";
import type { BuildResult } from "../../src/write/build.ts";
import { buildProject } from "../../src/write/build.ts";
import { DATA_CACHE } from "../../src/write/options.ts";
import { minimalWorld } from "../helpers/fixture-world.ts";
import { exampleOptions } from "../helpers/shared-example.ts";

describe("the result told once the build is committed", () => {
  it("is the result returned, with its files on disk and the caches not yet written", async () => {
    const world = minimalWorld();
    let told: BuildResult | undefined;
    let onDisk: string[] = [];
    let cacheThen = true;
    const result = await buildProject(world, {
      ...exampleOptions(),
      onCommitted: (r) => {
        told = r;
        onDisk = r.written.filter((p) => world.files.has(p));
        cacheThen = world.files.has(`out/${DATA_CACHE}`);
      },
    });
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(result.written.length).toBeGreaterThan(0);
    expect(told).toEqual(result);
    expect(onDisk).toEqual(result.written);
    expect(cacheThen).toBe(false);
    expect(world.files.has(`out/${DATA_CACHE}`)).toBe(true);
  });

  it("is not told by a failed build, nor by --check", async () => {
    const world = minimalWorld();
    const path = [...world.files.keys()].find((p) => p.endsWith("/nam.yaml"))!;
    world.files.set(path, new TextEncoder().encode(`${new TextDecoder().decode(world.files.get(path))}\nkhoa_la: [\n`));
    let told = 0;
    const failed = await buildProject(world, { ...exampleOptions(), onCommitted: () => void told++ });
    expect(failed.diagnostics.some((d) => d.severity === "error")).toBe(true);
    const checked = await buildProject(minimalWorld(), { ...exampleOptions(), check: true, onCommitted: () => void told++ });
    expect(checked.written).toEqual([]);
    expect(told).toBe(0);
  });
});
