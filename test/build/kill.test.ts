/**
 * A build stopped at any moment: the build is frozen before the n-th change
 * it makes to the file system (through the World's seam), for every n of a
 * full rebuild, which is what a kill at that moment leaves. Every file in
 * out/ must then be the old one or the new one, whole, and the next build
 * must finish the job and tidy up. A write that is not write-then-rename
 * (a direct write truncates the target first) fails this test.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildProject, type BuildOptions } from "../../src/write/build.ts";
import { nodeWorld, type BeforeChange } from "../../src/io/node-world.ts";
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

describe("a build stopped before any one of its changes to the file system", () => {
  it("leaves every file either the old one or the new one, whole; the next build finishes and tidies up", async () => {
    const base = join(tmp, "base");
    cpSync(join(FIXTURES, "minimal", "data"), join(base, "data"), { recursive: true });
    cpSync(join(REPO, "templates"), join(base, "templates"), { recursive: true });
    expect((await buildProject(nodeWorld(base), opts)).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const before = outputs(base);
    const expected = copyOf(base);
    change(expected);
    const steps: string[] = [];
    const counted = await buildProject(nodeWorld(expected, { beforeChange: async (op, path) => void steps.push(`${op} ${path}`) }), opts);
    const after = outputs(expected);
    expect(counted.written.length).toBe(2);
    expect(counted.removed.length).toBe(2);
    expect([...after].filter(([k, v]) => !v.equals(before.get(k) ?? Buffer.alloc(0))).length).toBe(counted.written.length + 1); // and the manifest
    expect(steps.filter((s) => s.startsWith("rename")).length).toBe(counted.written.length + 1);
    expect(steps.filter((s) => s.startsWith("remove") && /\.(docx|pdf)$/.test(s)).length).toBe(2);

    expect(steps.length).toBeGreaterThan(15);
    for (let n = 1; n <= steps.length; n++) {
      const dir = copyOf(base);
      change(dir);
      let seen = 0;
      let stopped!: () => void;
      const reached = new Promise<void>((r) => (stopped = r));
      const freeze: BeforeChange = async () => {
        if (++seen < n) return;
        stopped();
        await new Promise(() => {}); // the process is gone: nothing after this runs
      };
      void buildProject(nodeWorld(dir, { beforeChange: freeze }), opts);
      await reached;
      for (const [name, bytes] of outputs(dir)) {
        if (name.includes(".tmp-") || name === ".lock" || name.includes(".takeover-")) continue;
        const whole = bytes.equals(before.get(name) ?? Buffer.alloc(1)) || bytes.equals(after.get(name) ?? Buffer.alloc(1));
        expect(whole, `${name}, stopped before step ${n} (${steps[n - 1]})`).toBe(true);
      }
      // The lock of the stopped build does not block the next one, which ends with the new files only.
      const again = await buildProject(nodeWorld(dir), opts);
      expect(again.diagnostics.filter((d) => d.severity === "error"), `rebuild after step ${n}`).toEqual([]);
      const final = outputs(dir);
      expect([...final.keys()].sort(), `files after the rebuild (stopped before step ${n})`).toEqual([...after.keys()].sort());
      for (const [name, bytes] of after) expect(final.get(name)?.equals(bytes), `${name} after the rebuild (stopped before step ${n})`).toBe(true);
    }
  }, 300_000);
});
