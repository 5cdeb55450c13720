import { mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { nodeWorld } from "../../src/io/node-world.ts";
import { RACY_MS, ReadMemo } from "../../src/io/read-memo.ts";

/** A file whose times lie well before now, so the memo may keep it. */
function oldFile(dir: string, name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  const past = (Date.now() - 10 * RACY_MS) / 1000;
  utimesSync(p, past, past);
  return p;
}

describe("a world that keeps what it read (--watch)", () => {
  it("gives back the same bytes for a file that did not change, and the new bytes once it changed", async () => {
    const dir = mkdtempSync(join(tmpdir(), "read-memo-"));
    oldFile(dir, "a.txt", "một");
    const world = nodeWorld(dir, { keepReads: true });
    const first = await world.readFile("a.txt");
    // ctime is now (utimes sets it): the file is too fresh to keep, and is read again.
    const second = await world.readFile("a.txt");
    expect(second).toEqual(first);
    writeFileSync(join(dir, "a.txt"), "hai"); // same size class, new content
    expect(new TextDecoder().decode(await world.readFile("a.txt"))).toBe("hai");
  });

  it("keeps only files older than RACY_MS, and forgets one whose stat changed", () => {
    const dir = mkdtempSync(join(tmpdir(), "read-memo-"));
    const p = oldFile(dir, "b.txt", "abc");
    const memo = new ReadMemo();
    const st = statSync(p, { bigint: true });
    const bytes = new Uint8Array(readFileSync(p));
    memo.put(p, st, Number(st.ctimeMs) + 1, bytes); // read right after its last change: racy, not kept
    expect(memo.get(p, st)).toBeUndefined();
    memo.put(p, st, Math.max(Number(st.ctimeMs), Number(st.mtimeMs)) + RACY_MS + 1, bytes);
    expect(memo.get(p, st)).toBe(bytes);
    expect(memo.get(p, st, 2)).toEqual(bytes.subarray(0, 2));
    const later = { ...st, mtimeNs: st.mtimeNs + 1n, isFile: () => true } as typeof st;
    expect(memo.get(p, later)).toBeUndefined();
    expect(memo.size).toBe(0);
  });

  it("keeps no part of a file read with a limit, and stays within its bytes", () => {
    const dir = mkdtempSync(join(tmpdir(), "read-memo-"));
    const p = oldFile(dir, "c.txt", "abcdef");
    const st = statSync(p, { bigint: true });
    const memo = new ReadMemo(10);
    memo.put(p, st, Date.now(), new Uint8Array([97, 98])); // not the whole file
    expect(memo.size).toBe(0);
    memo.put(p, st, Date.now() + 2 * RACY_MS, new Uint8Array(readFileSync(p)));
    const q = oldFile(dir, "d.txt", "ghijkl");
    memo.put(q, statSync(q, { bigint: true }), Date.now() + 2 * RACY_MS, new Uint8Array(readFileSync(q)));
    expect(memo.size).toBe(1); // 12 bytes > 10: the oldest went
    expect(memo.get(p, st)).toBeUndefined();
  });

  it("a world without keepReads reads afresh every time", async () => {
    const dir = mkdtempSync(join(tmpdir(), "read-memo-"));
    oldFile(dir, "e.txt", "x");
    const world = nodeWorld(dir);
    await world.readFile("e.txt");
    const a = await world.readFile("e.txt");
    const b = await world.readFile("e.txt");
    expect(a).not.toBe(b);
  });
});
