/**
 * A commit writes its staged files several at a time (their flushes to the disk wait together,
 * not in turn), yet makes the same changes on every run: a folder the change makes is made
 * once, by the first of its files, written alone; and when writes fail, the first of the others
 * in the change's order is the one named, and nothing of the change is left.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { promises as realFs } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Diagnostics } from "../../src/diagnostics/diagnostic.ts";
import { type Fs, nodeWorld } from "../../src/io/node-world.ts";
import { inTransaction } from "../../src/write/transaction.ts";

const tmp = mkdtempSync(join(tmpdir(), "ktd-staging-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let count = 0;
const enc = (s: string) => new TextEncoder().encode(s);
const FILES = ["out/2021/a.txt", "out/2021/b.txt", "out/2021/c.txt", "out/x.txt", "out/y.txt"];

/** node:fs/promises whose stat answers late (so writes begun together all ask before any folder is made), counting. */
function slowStat(failOpen: (path: string) => boolean = () => false) {
  const seen = { mkdirs: [] as string[], open: 0, mostOpen: 0 };
  const fs: Fs = {
    ...realFs,
    stat: (async (p: string, o?: unknown) => {
      await new Promise((r) => setTimeout(r, 20));
      return realFs.stat(p, o as never);
    }) as Fs["stat"],
    mkdir: (async (p: string, o?: unknown) => {
      seen.mkdirs.push(p);
      return realFs.mkdir(p, o as never);
    }) as Fs["mkdir"],
    open: (async (p: string, flags?: string, mode?: number) => {
      const writing = typeof flags === "string" && /[wa+]/.test(flags);
      if (writing && failOpen(p)) throw Object.assign(new Error(`EACCES: permission denied, open '${p}'`), { code: "EACCES" });
      const fh = await realFs.open(p, flags, mode);
      if (!writing || !p.includes(".tmp-")) return fh;
      seen.mostOpen = Math.max(seen.mostOpen, ++seen.open);
      const close = fh.close.bind(fh);
      fh.close = async () => {
        seen.open--;
        return close();
      };
      return fh;
    }) as Fs["open"],
  };
  return { fs, seen };
}

function project(): string {
  const dir = join(tmp, `p${++count}`);
  mkdirSync(join(dir, "out"), { recursive: true });
  mkdirSync(join(dir, "data"));
  return dir;
}

const stage = (dir: string, fs: Fs, diags: Diagnostics) =>
  inTransaction(nodeWorld(dir, { fs }), { command: "test", waitMs: 0 }, diags, async (s) => {
    for (const f of FILES) s.write(f, enc(f));
  });

describe("staging a commit's files", () => {
  it("writes them several at a time, and makes a new folder once, whatever the timing", async () => {
    const dir = project();
    const { fs, seen } = slowStat();
    const diags = new Diagnostics();
    const tx = await stage(dir, fs, diags);
    expect(diags.items).toEqual([]);
    expect(tx.committed).toBe(true);
    for (const f of FILES) expect(existsSync(join(dir, f)), f).toBe(true);
    expect(seen.mkdirs.filter((p) => p.endsWith("/out/2021"))).toHaveLength(1);
    expect(seen.mostOpen).toBeGreaterThan(1);
  });

  it("names the first failed file of those written at once in the change's order, and leaves nothing of the change", async () => {
    const dir = project();
    const { fs } = slowStat((p) => /\/(c|x|y)\.txt\.tmp-/.test(p));
    const diags = new Diagnostics();
    const tx = await stage(dir, fs, diags);
    expect(tx.committed).toBe(false);
    const errors = diags.items.filter((d) => d.severity === "error");
    expect(errors).toHaveLength(1);
    expect(errors[0]!.pos.file).toBe("out/2021/c.txt");
    for (const f of FILES) expect(existsSync(join(dir, f)), f).toBe(false);
    expect(readdirSync(join(dir, "out")).filter((f) => f !== ".lock")).toEqual([]);
  });
});
