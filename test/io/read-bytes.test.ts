/**
 * What the real world's readFile gives (src/io/node-world.ts): a plain Uint8Array of the file's
 * bytes that owns its memory, whatever its size: not a Buffer (whose `slice` shares), and never
 * a view of the pool Node cuts small Buffers from (the next small read would share its memory).
 * Large files are not copied to get there (ownBytes).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { nodeWorld, ownBytes } from "../../src/io/node-world.ts";

const root = mkdtempSync(join(tmpdir(), "read-bytes-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("the bytes a file is read as", () => {
  it.each([
    ["an empty file", 0],
    ["a small file (from Node's pool)", 100],
    ["one just under the pool's cut", 4095],
    ["a large file", 300_000],
  ])("%s: a Uint8Array of its own, with the file's bytes", async (_what, size) => {
    const bytes = Buffer.alloc(size);
    for (let i = 0; i < size; i++) bytes[i] = (i * 7 + 3) & 0xff;
    writeFileSync(join(root, `f${size}`), bytes);
    // A small read just before, so that a pooled Buffer would share its memory with it.
    writeFileSync(join(root, "tiny"), "x");
    const w = nodeWorld(root);
    await w.readFile("tiny");
    const got = (await w.readFile(`f${size}`))!;
    expect(Buffer.isBuffer(got)).toBe(false);
    expect(got.byteOffset).toBe(0);
    expect(got.buffer.byteLength).toBe(size);
    expect(Buffer.from(got).equals(bytes)).toBe(true);
    // slice copies, as a Uint8Array's does.
    if (size) {
      const s = got.slice(0, 1);
      s[0] = (s[0]! + 1) & 0xff;
      expect(got[0]).toBe(bytes[0]);
    }
  });

  it("a Buffer that holds its memory whole is seen, not copied; a pooled one is copied", () => {
    const whole = Buffer.allocUnsafeSlow(10_000).fill(1);
    const seen = ownBytes(whole);
    expect(seen.buffer).toBe(whole.buffer);
    const pooled = Buffer.from("abc");
    const copied = ownBytes(pooled);
    expect(copied.buffer).not.toBe(pooled.buffer);
    expect(copied.buffer.byteLength).toBe(3);
  });
});
