/**
 * A build killed at any moment: the World runs on a file system that stops
 * dead at its n-th change (a create, a write, which then has written only
 * half its bytes, a sync, a rename, a link, a removal, a folder made), for
 * every n of a rebuild; what is on disk then is what a kill at that moment
 * leaves. Every file in out/ must be the old one or the new one, whole, and
 * the next build, finding the lock of a process that is gone, must finish the
 * job and tidy up. A write that is not write-then-rename (a direct write, a
 * copy instead of a rename) leaves a half-written file and fails this test.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildProject, type BuildOptions } from "../../src/write/build.ts";
import { nodeWorld } from "../../src/io/node-world.ts";
import { deadPid, stopping } from "../helpers/stopping-fs.ts";
import { fontsourceTinosDir } from "../../src/pdf/fonts/node-font-reader.ts";
import { FIXTURES, REPO } from "../helpers/fixture-world.ts";

const opts: BuildOptions = { dataDir: "data", outDir: "out", fontSource: "package", fontPackageDir: fontsourceTinosDir()!, toolVersion: "test" };
const tmp = mkdtempSync(join(tmpdir(), "ktd-kill-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let count = 0;
function copyOf(src: string): string {
  const dir = join(tmp, `p${++count}`);
  cpSync(src, dir, { recursive: true });
  return dir;
}
/**
 * A change with every kind of step: one unit's registration edited (its
 * DOCX and PDF rewritten), another's withdrawn (its files removed), and the
 * manifest replaced.
 */
function change(dir: string): void {
  const f = join(dir, "data/2020/dang-ky/don-vi-a.yaml");
  const text = readFileSync(f, "utf8");
  const next = text.replace("lao_dong_tien_tien: 10", "lao_dong_tien_tien: 12");
  expect(next).not.toBe(text);
  writeFileSync(f, next);
  rmSync(join(dir, "data/2020/dang-ky/don-vi-c.yaml"));
}
/** Every file under out/, by path. */
function outputs(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (d: string, rel: string) => {
    if (!existsSync(d)) return;
    for (const e of readdirSync(d, { withFileTypes: true }))
      if (e.isDirectory()) walk(join(d, e.name), `${rel}${e.name}/`);
      else files.set(`${rel}${e.name}`, readFileSync(join(d, e.name)));
  };
  walk(join(dir, "out"), "");
  return files;
}

/**
 * The steps a kill must be tried at: every step but those that repeat a window already tried. Staging (create, write,
 * sync of a temporary file while the journal says the change is not committed) is tried on the first output staged:
 * a kill while staging any later one (the PDF, the print bundle, the report, the manifest) leaves the same state, old
 * files and temporary ones under an uncommitted journal, which the next build undoes alike. Moving the outputs into
 * place after the commit record is tried before the first move and after it: a kill between later moves is again
 * some outputs moved and some not under a committed journal, which the next build finishes alike. The lock, both
 * journal writes, every removal, the manifest's move and the end are each tried.
 */
function tried(steps: readonly string[]): number[] {
  const staged = steps.find((s) => /^(create|write|sync) .*\.tmp-/.test(s) && !/\/\.(lock|journal)\.tmp-/.test(s));
  const firstFile = staged?.slice(staged.indexOf(" ") + 1);
  let moves = 0;
  const keep: number[] = [];
  steps.forEach((s, i) => {
    const file = s.slice(s.indexOf(" ") + 1);
    if (/^(create|write|sync) /.test(s) && file.includes(".tmp-") && !/\/\.(lock|journal)\.tmp-/.test(file) && file !== firstFile) return;
    if (s.startsWith("rename ") && !/\/\.(journal|manifest\.json)$/.test(file) && ++moves > 2) return;
    keep.push(i + 1);
  });
  return keep;
}

describe("a build killed at any one of its changes to the file system", () => {
  const base = join(tmp, "base");
  let before: Map<string, Buffer>;
  let after: Map<string, Buffer>;
  const steps: string[] = [];

  beforeAll(async () => {
    cpSync(join(FIXTURES, "minimal", "data"), join(base, "data"), { recursive: true });
    cpSync(join(REPO, "templates"), join(base, "templates"), { recursive: true });
    expect((await buildProject(nodeWorld(base), opts)).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    before = outputs(base);
    const expected = copyOf(base);
    change(expected);
    const counted = await buildProject(nodeWorld(expected, { fs: stopping((label) => (steps.push(label), false)) }), opts);
    after = outputs(expected);
    // The changed registration's DOCX and PDF, the year's print bundle made from the PDFs, its report (which lists
    // the documents: one fewer) and its results file, JSON and workbook (which hash every file).
    expect(counted.written.length).toBe(6);
    expect(counted.removed.length).toBe(3); // the unit's DOCX, PDF and signing places
    // and the manifest; the caches in out/.cache (the data files, the new PDF's parts) are written after the commit, not counted here
    expect([...after].filter(([k, v]) => !k.includes(".cache/") && !v.equals(before.get(k) ?? Buffer.alloc(0))).length).toBe(counted.written.length + 1);
    expect(steps.filter((s) => !s.includes(".cache/") && /^(rename|link|copy) .*\.(docx|pdf|json|html|xlsx)$/.test(s)).length).toBe(counted.written.length + 1);
    expect(steps.filter((s) => s.startsWith("remove") && /\.(docx|pdf|json)$/.test(s)).length).toBe(3);
    expect(steps.length).toBeGreaterThan(15);
    // Every kind of change is still tried: the lock's, both journal writes, a staged output's create, half write and sync, a move
    // before and after another, every removal.
    const kinds = (ns: number[]) => [...new Set(ns.map((n) => steps[n - 1]!.split(" ")[0]))].sort();
    expect(kinds(tried(steps))).toEqual(kinds(steps.map((_, i) => i + 1)));
    expect(tried(steps).filter((n) => /\.tmp-/.test(steps[n - 1]!) && /^(create|write|sync) /.test(steps[n - 1]!) && !/\.(lock|journal)\.tmp-/.test(steps[n - 1]!))).toHaveLength(3);
    expect(tried(steps).filter((n) => steps[n - 1]!.startsWith("remove") && /\.(docx|pdf)$/.test(steps[n - 1]!))).toHaveLength(2);
  }, 120_000);

  // Every step of the rebuild that opens a window of its own (see tried), in three runs of tests (the last goes to the end, however many steps there are).
  for (const [first, last] of [[1, 6], [7, 12], [13, Infinity]] as const)
    it(`stopped at step ${first} to ${last === Infinity ? "the last" : last}: every file old or new, whole; the next build finishes and tidies up`, async () => {
      for (const n of tried(steps).filter((k) => k >= first && k <= last)) {
        const dir = copyOf(base);
        change(dir);
        let seen = 0;
        let stopped!: () => void;
        const reached = new Promise<void>((r) => (stopped = r));
        // A run that ends before its n-th change made fewer than the first run: said, not waited for until the timeout.
        const ended = buildProject(nodeWorld(dir, { fs: stopping(() => ++seen === n && (stopped(), true)) }), opts).then(
          () => false,
          () => false,
        );
        expect(await Promise.race([reached.then(() => true), ended]), `the run ended before its change ${n} of ${steps.length}`).toBe(true);
        await new Promise((r) => setTimeout(r, 5)); // the half write lands
        for (const [name, bytes] of outputs(dir)) {
          if (name.includes(".tmp-") || name === ".lock" || name === ".journal" || name.includes(".takeover-")) continue;
          // The files' stamps are this disk's times and inodes, never the same bytes twice: whole is all they can be.
          if (name === ".cache/stamps.json") {
            expect(() => JSON.parse(bytes.toString("utf8")), `${name}, stopped at step ${n}`).not.toThrow();
            continue;
          }
          const whole = bytes.equals(before.get(name) ?? Buffer.alloc(1)) || bytes.equals(after.get(name) ?? Buffer.alloc(1));
          expect(whole, `${name}, stopped at step ${n} (${steps[n - 1]})`).toBe(true);
        }
        // The killed build's lock names a process that is gone; the next build takes it over and ends
        // with the new files only.
        if (existsSync(join(dir, "out", ".lock"))) writeFileSync(join(dir, "out", ".lock"), String(deadPid()));
        const again = await buildProject(nodeWorld(dir), opts);
        expect(again.diagnostics.filter((d) => d.severity === "error"), `rebuild after step ${n}`).toEqual([]);
        // A PDF's parts and the results workbook, made by a build that was cut before its commit ended, are not kept in
        // out/.cache: the build that finishes the commit has none to make (a later one makes them once). Every other
        // file is as after an uncut build.
        // The files' stamps (their times and inodes, out/.cache/stamps.json) are those of this disk's files, never the same twice.
        const kept = (m: Map<string, Buffer>) => new Map([...m].filter(([k]) => !k.startsWith(".cache/pdf-parts/") && !k.startsWith(".cache/year-outputs/") && k !== ".cache/stamps.json"));
        const final = kept(outputs(dir));
        expect([...final.keys()].sort(), `files after the rebuild (stopped at step ${n})`).toEqual([...kept(after).keys()].sort());
        for (const [name, bytes] of kept(after)) expect(final.get(name)?.equals(bytes), `${name} after the rebuild (stopped at step ${n})`).toBe(true);
      }
    }, 120_000);
});
