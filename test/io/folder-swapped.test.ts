/**
 * A folder another process makes a link out of the project between two reads of one world: what
 * was read before the lock is read again under it, and a whole-file write (the journal, a cache)
 * marks a new phase too; each then sees the link and refuses it (the world keeps the folders'
 * real paths only while none of these happened).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { nodeWorld } from "../../src/io/node-world.ts";

const tmp = realpathSync(mkdtempSync(join(tmpdir(), "ktd-swap-")));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let count = 0;

async function readAfterSwap(between: (w: ReturnType<typeof nodeWorld>) => Promise<unknown>): Promise<string> {
  const base = join(tmp, `p${++count}`);
  mkdirSync(join(base, "proj", "d"), { recursive: true });
  mkdirSync(join(base, "outside"));
  writeFileSync(join(base, "proj", "d", "a.txt"), "dữ liệu");
  writeFileSync(join(base, "outside", "a.txt"), "NGOÀI DỰ ÁN");
  const w = nodeWorld(join(base, "proj"));
  expect(new TextDecoder().decode(await w.readFile("d/a.txt"))).toBe("dữ liệu");
  await between(w);
  renameSync(join(base, "proj", "d"), join(base, "proj", "d.cu"));
  symlinkSync(join(base, "outside"), join(base, "proj", "d"));
  return w.readFile("d/a.txt").then(
    (b) => `read: ${new TextDecoder().decode(b)}`,
    (err: NodeJS.ErrnoException) => `refused: ${err.code}`,
  );
}

describe("a folder made a link out of the project while a command runs", () => {
  it("is refused by the first read under the lock", async () => {
    expect(await readAfterSwap((w) => w.lock("out/.lock", "test"))).toBe("refused: ELINKOUT");
  });
  it("is refused by the first read after a whole-file write", async () => {
    expect(await readAfterSwap((w) => w.writeFileAtomic("out/.cache/x", new TextEncoder().encode("x")))).toBe("refused: ELINKOUT");
  });
});

describe("a folder made a link while a command runs", () => {
  // Every part of a path is looked at for each write, move and removal: a folder made a link (to
  // templates/, inside the project, or out of it) between two of them is seen by the next and
  // refused, not written through, whatever came between.
  async function writeAfterSwap(between: (w: ReturnType<typeof nodeWorld>) => Promise<unknown>): Promise<string> {
    const base = join(tmp, `w${++count}`);
    mkdirSync(join(base, "proj", "out", "d"), { recursive: true });
    mkdirSync(join(base, "proj", "templates"));
    const w = nodeWorld(join(base, "proj"));
    await w.writeNew("out/d/a.txt", new TextEncoder().encode("a"));
    renameSync(join(base, "proj", "out", "d"), join(base, "proj", "out", "d.cu"));
    symlinkSync(join(base, "proj", "templates"), join(base, "proj", "out", "d"));
    await between(w);
    return w.writeNew("out/d/b.txt", new TextEncoder().encode("b")).then(
      () => "written",
      (err: NodeJS.ErrnoException) => `refused: ${err.code}`,
    );
  }
  it("is refused by the first write under the lock", async () => {
    expect(await writeAfterSwap((w) => w.lock("out/.lock", "test"))).toBe("refused: ELINKWRITE");
  });
  it("is refused by the first write after a whole-file write", async () => {
    expect(await writeAfterSwap((w) => w.writeFileAtomic("out/.cache/x", new TextEncoder().encode("x")))).toBe("refused: ELINKWRITE");
  });
  it("is refused after forget()", async () => {
    expect(await writeAfterSwap(async (w) => w.forget?.())).toBe("refused: ELINKWRITE");
  });
  it("is refused by the next write with nothing between", async () => {
    expect(await writeAfterSwap(async () => undefined)).toBe("refused: ELINKWRITE");
  });
  it("out of the project: a move over a file there and a removal there are refused, the files left as they were", async () => {
    const base = join(tmp, `m${++count}`);
    mkdirSync(join(base, "proj", "out", "2024"), { recursive: true });
    mkdirSync(join(base, "outside"));
    writeFileSync(join(base, "outside", "keep.pdf"), "NGOÀI");
    writeFileSync(join(base, "outside", "victim.txt"), "NGOÀI");
    const w = nodeWorld(join(base, "proj"));
    await w.lock("out/.lock", "test");
    await w.writeNew("out/2024/a.pdf.tmp", new TextEncoder().encode("a"));
    await w.writeNew("out/b.tmp", new TextEncoder().encode("b"));
    await w.renameFile("out/2024/a.pdf.tmp", "out/2024/a.pdf");
    renameSync(join(base, "proj", "out", "2024"), join(base, "proj", "out", "2024.cu"));
    symlinkSync(join(base, "outside"), join(base, "proj", "out", "2024"));
    const outcome = (p: Promise<unknown>) => p.then(() => "done", (err: NodeJS.ErrnoException) => `refused: ${err.code}`);
    expect(await outcome(w.renameFile("out/b.tmp", "out/2024/keep.pdf"))).toBe("refused: ELINKWRITE");
    expect(await outcome(w.removeFile("out/2024/victim.txt"))).toBe("refused: ELINKWRITE");
    expect(await outcome(w.writeNew("out/2024/moi/c.pdf", new TextEncoder().encode("c")))).toBe("refused: ELINKWRITE");
    expect(readFileSync(join(base, "outside", "keep.pdf"), "utf8")).toBe("NGOÀI");
    expect(readFileSync(join(base, "outside", "victim.txt"), "utf8")).toBe("NGOÀI");
    expect(existsSync(join(base, "outside", "moi"))).toBe(false);
  });
});
