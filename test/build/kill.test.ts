import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REPO } from "../helpers/fixture-world.ts";

const CLI = join(REPO, "bin", "khoi-thi-dua.js");
const tmp = mkdtempSync(join(tmpdir(), "ktd-kill-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function project(name: string): string {
  const dir = join(tmp, name);
  cpSync(join(REPO, "data"), join(dir, "data"), { recursive: true });
  cpSync(join(REPO, "templates"), join(dir, "templates"), { recursive: true });
  return dir;
}
const build = (dir: string) => spawnSync(process.execPath, [CLI, "build", "--root", dir], { encoding: "utf8", env: { ...process.env, CI: "true" } });
/** A change that alters every document: the bloc's parent body. */
const change = (dir: string) => {
  const f = join(dir, "data", "khoi.yaml");
  writeFileSync(f, readFileSync(f, "utf8").replace("UBND TỈNH TRÀ VINH", "ỦY BAN NHÂN DÂN TỈNH TRÀ VINH"));
};
const outputs = (dir: string): Map<string, Buffer> => {
  const out = new Map<string, Buffer>();
  const y = join(dir, "out", "2020");
  for (const f of readdirSync(y)) if (/\.(docx|pdf)$/.test(f)) out.set(f, readFileSync(join(y, f)));
  return out;
};

describe("a build killed at any moment", () => {
  it("leaves every file in out/ either the old one or the new one, whole; the next build finishes the job", async () => {
    const oldDir = project("old");
    expect(build(oldDir).status).toBe(0);
    const before = outputs(oldDir);
    const newDir = project("new");
    change(newDir);
    expect(build(newDir).status).toBe(0);
    const after = outputs(newDir);
    expect([...after].some(([k, v]) => !v.equals(before.get(k)!))).toBe(true);

    for (const delayMs of [900, 1300, 1700, 2100, 2500, 3000]) {
      const dir = join(tmp, `run-${delayMs}`);
      cpSync(oldDir, dir, { recursive: true });
      change(dir);
      const child = spawn(process.execPath, [CLI, "build", "--root", dir], { env: { ...process.env, CI: "true" }, stdio: "ignore" });
      const exited = new Promise((r) => child.once("exit", r));
      await new Promise((r) => setTimeout(r, delayMs));
      child.kill("SIGKILL");
      await exited;
      for (const [name, bytes] of outputs(dir)) {
        const whole = bytes.equals(before.get(name)!) || bytes.equals(after.get(name)!);
        expect(whole, `${name} after a kill at ${delayMs} ms`).toBe(true);
      }
      // The lock of the killed process does not block the next build, which ends with the new files only.
      expect(build(dir).status).toBe(0);
      const final = outputs(dir);
      for (const [name, bytes] of after) expect(final.get(name)?.equals(bytes), `${name} after the rebuild (kill at ${delayMs} ms)`).toBe(true);
      expect(readdirSync(join(dir, "out", "2020")).filter((f) => f.includes(".tmp-"))).toEqual([]);
      expect(existsSync(join(dir, "out", ".lock"))).toBe(false);
    }
  }, 300_000);
});
