/**
 * `import` and `new-year` killed at any one of their changes to the file system (the
 * stopping file system of test/helpers/stopping-fs.ts: what is on disk then is what a
 * kill leaves). Each changes two files: every file is then old or new, whole; the next
 * command (any: the transaction's first step, under the lock) finishes or undoes the
 * change, so that the two files are both old or both new, never one of each; and the
 * command run again ends where an uninterrupted run ends.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Diagnostics } from "../../src/diagnostics/diagnostic.ts";
import { makeForms } from "../../src/forms/make-forms.ts";
import { importForms } from "../../src/import/import-forms.ts";
import { nodeWorld } from "../../src/io/node-world.ts";
import { inTransaction } from "../../src/write/transaction.ts";
import { newYear } from "../../src/year/new-year.ts";
import { FIXTURES, REPO } from "../helpers/fixture-world.ts";
import { deadPid, stopping } from "../helpers/stopping-fs.ts";
import { openXmlBook } from "../helpers/xlsx-xml.ts";

const tmp = mkdtempSync(join(tmpdir(), "ktd-kill-cmd-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const base = join(tmp, "base");
let count = 0;
function copyOf(): string {
  const dir = join(tmp, `p${++count}`);
  cpSync(base, dir, { recursive: true });
  return dir;
}
const read = (dir: string, f: string) => (existsSync(join(dir, f)) ? readFileSync(join(dir, f), "utf8") : undefined);
/** Files a run leaves that are no data: temporary, lock, journal. */
function leftovers(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string, rel: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name), `${rel}${e.name}/`);
      else if (/\.tmp-\d+-\d+$|^\.journal$/.test(e.name)) found.push(`${rel}${e.name}`);
    }
  };
  walk(dir, "");
  return found;
}
/** The first step of every command: the lock (left by the killed run, whose process is gone) and the journal. */
async function nextCommand(dir: string): Promise<string[]> {
  if (existsSync(join(dir, "out/.lock"))) writeFileSync(join(dir, "out/.lock"), String(deadPid()));
  const diags = new Diagnostics();
  const tx = await inTransaction(nodeWorld(dir), { command: "test" }, diags, async () => undefined);
  expect(diags.items.filter((d) => d.severity === "error")).toEqual([]);
  expect(tx.committed).toBe(true);
  return diags.items.map((d) => d.code);
}

interface Case {
  name: string;
  files: [string, string];
  /**
   * Stop only from the commit on (the first write of the journal): the steps before it (the lock)
   * are the same for every command, stopped at one by one by new-year's case and the build's kill
   * test, and each stop here costs an import of two workbooks.
   */
  fromCommit?: boolean;
  run: (dir: string, fs?: ReturnType<typeof stopping>) => Promise<unknown>;
}

const FILES: Record<string, string> = {};
const CASES: Case[] = [
  {
    name: "import of two units' year-end forms",
    fromCommit: true,
    files: ["data/2020/ket-qua/don-vi-a.yaml", "data/2020/ket-qua/don-vi-b.yaml"],
    run: (dir, fs) => importForms(nodeWorld(dir, fs ? { fs } : {}), { dataDir: "data", check: false, files: ["don-vi-a", "don-vi-b"].map((u) => ({ path: join(dir, `returned/${u}-tong-ket.xlsx`), name: `${u}-tong-ket.xlsx` })) }),
  },
  {
    name: "new-year",
    files: ["data/2021/nam.yaml", "data/2021/ke-hoach.md"],
    run: (dir, fs) => newYear(nodeWorld(dir, fs ? { fs } : {}), "data", 2021),
  },
];

beforeAll(async () => {
  cpSync(join(FIXTURES, "minimal", "data"), join(base, "data"), { recursive: true });
  cpSync(join(REPO, "templates"), join(base, "templates"), { recursive: true });
  mkdirSync(join(base, "returned"));
  for (const unit of ["don-vi-a", "don-vi-b"]) {
    const made = await makeForms(nodeWorld(base), { dataDir: "data", outDir: "out", unit, stage: "tong-ket" });
    expect(made.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const book = openXmlBook(new Uint8Array(readFileSync(join(base, `out/2020/bieu-mau/${unit}-tong-ket.xlsx`))));
    book.set("Tự chấm", `D${book.keys("Tự chấm").find((k) => k.key === "tc01")!.row}`, "59,5", "text");
    writeFileSync(join(base, `returned/${unit}-tong-ket.xlsx`), book.bytes());
  }
  rmSync(join(base, "out"), { recursive: true, force: true });
}, 120_000);

describe.each(CASES)("$name killed at any one of its changes", (c) => {
  const steps: string[] = [];
  const after: Record<string, string | undefined> = {};
  const before: Record<string, string | undefined> = {};

  beforeAll(async () => {
    const dir = copyOf();
    for (const f of c.files) before[f] = read(dir, f);
    await c.run(dir, stopping((label) => (steps.push(label), false)));
    for (const f of c.files) after[f] = read(dir, f);
    for (const f of c.files) expect(after[f], f).not.toBe(before[f]);
    expect(leftovers(dir)).toEqual([]);
    Object.assign(FILES, after);
  }, 60_000);

  it("every step: each file old or new and whole; the next command makes them all old or all new; run again, all new", async () => {
    expect(steps.length).toBeGreaterThan(10);
    const first = c.fromCommit ? steps.findIndex((s) => /\/out\/\.journal/.test(s)) + 1 : 1;
    expect(first).toBeGreaterThan(0);
    for (let n = first; n <= steps.length; n++) {
      const dir = copyOf();
      let seen = 0;
      let stopped!: () => void;
      const reached = new Promise<void>((r) => (stopped = r));
      // A run that ends before its n-th change made fewer than the first run: said, not waited for until the timeout.
      const ended = c.run(dir, stopping(() => ++seen === n && (stopped(), true))).then(
        () => false,
        () => false,
      );
      expect(await Promise.race([reached.then(() => true), ended]), `the run ended before its change ${n} of ${steps.length}`).toBe(true);
      await new Promise((r) => setTimeout(r, 5)); // the half write lands
      const at = `stopped at step ${n} (${steps[n - 1]})`;
      for (const f of c.files) expect([before[f], after[f]], `${f}, ${at}`).toContain(read(dir, f));
      const said = await nextCommand(dir);
      const now = c.files.map((f) => read(dir, f));
      const allOld = c.files.every((f, i) => now[i] === before[f]);
      const allNew = c.files.every((f, i) => now[i] === after[f]);
      expect(allOld || allNew, `the next command left one file of each, ${at}`).toBe(true);
      expect(leftovers(dir), at).toEqual([]);
      // What the next command said matches what it did: finished (all new) or undone, or nothing to do.
      if (said.includes("project/change-finished")) expect(allNew, at).toBe(true);
      if (said.includes("project/change-undone")) expect(allOld, at).toBe(true);
      if (allOld) {
        if (existsSync(join(dir, "out/.lock"))) writeFileSync(join(dir, "out/.lock"), String(deadPid()));
        await c.run(dir);
      }
      for (const f of c.files) expect(read(dir, f), `${f} after running again, ${at}`).toBe(after[f]);
    }
  }, 180_000);
});
