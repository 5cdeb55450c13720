import { describe, expect, it } from "vitest";
import { ContentMemo, contentKey, forgetContentMemos } from "../../src/write/content-memo.ts";

describe("the content memo", () => {
  it("computes once per content, again for another content or after forgetting", async () => {
    const memo = new ContentMemo<number>(2);
    let calls = 0;
    const make = () => Promise.resolve(++calls);
    expect(await memo.get([new Uint8Array([1, 2])], make)).toBe(1);
    expect(await memo.get([new Uint8Array([1, 2])], make)).toBe(1);
    expect(await memo.get([new Uint8Array([1, 3])], make)).toBe(2);
    forgetContentMemos();
    expect(await memo.get([new Uint8Array([1, 2])], make)).toBe(3);
  });

  it("keeps at most its limit, dropping the least recently used", async () => {
    const memo = new ContentMemo<string>(2);
    const made: string[] = [];
    const get = (k: string) => memo.get([k], async () => (made.push(k), k));
    await get("a");
    await get("b");
    await get("a"); // a is now the most recent
    await get("c"); // drops b
    await get("a");
    await get("b");
    expect(made).toEqual(["a", "b", "c", "b"]);
  });

  it("does not keep a failure", async () => {
    const memo = new ContentMemo<number>(2);
    await expect(memo.get(["x"], () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await memo.get(["x"], () => Promise.resolve(7))).toBe(7);
  });

  it("tells lists of parts apart however they are cut", () => {
    expect(contentKey(["ab", "c"])).not.toBe(contentKey(["a", "bc"]));
    expect(contentKey([new Uint8Array([97])])).not.toBe(contentKey(["a"]));
  });
});
