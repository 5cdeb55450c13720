/** The caches kept in out/.cache read an entry only within a size: a file bigger than any the tool writes is no entry. */
import { describe, expect, it } from "vitest";
import { memoryWorld } from "../../src/io/memory-world.ts";
import { worldByteCache } from "../../src/pdf/fonts/byte-cache.ts";

describe("a byte cache in a World", () => {
  it("gives an entry within its size and none beyond it, without reading the big one", async () => {
    const world = memoryWorld({ "out/.cache/x/small": new Uint8Array(10), "out/.cache/x/big": new Uint8Array(100) });
    const read: string[] = [];
    const readFile = world.readFile.bind(world);
    world.readFile = async (p: string) => (read.push(p), readFile(p));
    const cache = worldByteCache(world, "out/.cache/x", 50);
    expect((await cache.get("small"))?.length).toBe(10);
    expect(await cache.get("big")).toBeUndefined();
    expect(await cache.get("none")).toBeUndefined();
    expect(read).not.toContain("out/.cache/x/big");
  });
});
