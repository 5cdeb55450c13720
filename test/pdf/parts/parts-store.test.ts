/**
 * The parts store (src/pdf/parts/parts-store.ts) in one process: parts it made or checked are
 * taken from memory (a --watch rebuild asks for every PDF of the year), with only a look for
 * their entry on disk, which is written again when it is gone; a new process (its memory
 * forgotten) reads the entry and checks it against the file.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { memoryByteCache, type ByteCache } from "../../../src/pdf/fonts/byte-cache.ts";
import { partsStore, pdfParsing } from "../../../src/pdf/parts/parts-store.ts";
import { forgetContentMemos } from "../../../src/write/content-memo.ts";
import { fileSha256 } from "../../../src/write/hash.ts";
import { REPO } from "../../helpers/fixture-world.ts";

function countingCache() {
  const inner = memoryByteCache();
  const calls = { get: 0, put: 0, has: 0 };
  const cache: ByteCache & { drop(key: string): void; keys: Set<string> } = {
    keys: new Set(),
    async get(k) {
      calls.get++;
      return this.keys.has(k) ? inner.get(k) : undefined;
    },
    async put(k, b) {
      calls.put++;
      this.keys.add(k);
      await inner.put(k, b);
    },
    async has(k) {
      calls.has++;
      return this.keys.has(k);
    },
    drop(k) {
      this.keys.delete(k);
    },
  };
  return { cache, calls };
}

afterEach(() => {
  pdfParsing.observe = undefined;
  forgetContentMemos();
});

describe("parts in one process", () => {
  const bytes = new Uint8Array(readFileSync(join(REPO, "out/2020/dang-ky-so-y-te.pdf")));
  const sha = fileSha256(bytes);

  it("are parsed once, then taken from memory with a look for their entry, not a read of it", async () => {
    forgetContentMemos();
    const parsed: string[] = [];
    pdfParsing.observe = (s) => parsed.push(s);
    const { cache, calls } = countingCache();
    const store = partsStore(cache);
    const first = await store.parts(bytes);
    expect(parsed).toEqual([sha]);
    expect(calls).toEqual({ get: 1, put: 1, has: 0 });
    const again = await store.parts(bytes);
    expect(again).toEqual(first);
    expect(parsed).toEqual([sha]);
    expect(calls).toEqual({ get: 1, put: 1, has: 1 });
  });

  it("write their entry again when it is gone from the disk", async () => {
    forgetContentMemos();
    const { cache, calls } = countingCache();
    const store = partsStore(cache);
    const first = await store.parts(bytes);
    cache.drop(sha);
    expect(await store.parts(bytes)).toEqual(first);
    expect(calls.put).toBe(2);
    expect(cache.keys.has(sha)).toBe(true);
  });

  it("are read from the entry and checked in a new process, then kept in memory", async () => {
    const { cache, calls } = countingCache();
    await partsStore(cache).parts(bytes);
    forgetContentMemos();
    const parsed: string[] = [];
    pdfParsing.observe = (s) => parsed.push(s);
    const store = partsStore(cache);
    await store.parts(bytes);
    await store.parts(bytes);
    expect(parsed).toEqual([]);
    // One read of the entry (the first call), then a look for it (the second).
    expect(calls.get).toBe(2);
    expect(calls.has).toBe(1);
  });
});
