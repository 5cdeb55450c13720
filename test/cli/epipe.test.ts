/**
 * `npm run validate | head`: a reader that stops reading closes the pipe. The command ends
 * quietly (no Node stack trace, no "lỗi chương trình"), with the status a shell gives a tool
 * whose reader went away (141), and the work it started is finished, not cut off.
 */
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FIXTURES, REPO } from "../helpers/fixture-world.ts";

const tmp = mkdtempSync(join(tmpdir(), "ktd-epipe-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const BIN = join(REPO, "bin", "khoi-thi-dua.js");

function project(name: string, overlay?: string): string {
  const dir = join(tmp, name);
  cpSync(join(FIXTURES, "minimal"), dir, { recursive: true });
  cpSync(join(REPO, "templates"), join(dir, "templates"), { recursive: true });
  if (overlay) cpSync(join(FIXTURES, overlay, "data"), join(dir, "data"), { recursive: true });
  return dir;
}

/**
 * Runs the CLI with one of its output streams read by no one: the pipe is closed before the CLI writes.
 * A command still running after `limitMs` is killed (its code is then null).
 */
function withClosed(which: "stdout" | "stderr", args: string[], limitMs = 60_000): Promise<{ code: number | null; other: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1" } });
    const limit = setTimeout(() => child.kill("SIGKILL"), limitMs);
    child.on("close", () => clearTimeout(limit));
    child[which].destroy();
    let other = "";
    const keep = which === "stdout" ? child.stderr : child.stdout;
    keep.setEncoding("utf8");
    keep.on("data", (s: string) => (other += s));
    child.on("error", fail);
    child.on("close", (code) => done({ code, other }));
  });
}

const noTrace = (s: string) => {
  expect(s).not.toMatch(/\n\s+at /);
  expect(s).not.toContain("EPIPE");
  expect(s).not.toContain("lỗi chương trình");
};

describe("a reader that closes the pipe early", () => {
  it("--help with stdout closed ends quietly with status 141", async () => {
    const r = await withClosed("stdout", ["--help"]);
    noTrace(r.other);
    expect(r.other).toBe("");
    expect(r.code).toBe(141);
  });

  it("sign --help with stdout closed ends quietly", async () => {
    const r = await withClosed("stdout", ["sign", "--help"]);
    noTrace(r.other);
    expect(r.code).toBe(141);
  });

  it("validate's diagnostics on a closed stderr: quiet, and the command's own status 1 is kept", async () => {
    const dir = project("validate", "errors/score-over-max");
    const r = await withClosed("stderr", ["validate", "--root", dir]);
    noTrace(r.other);
    expect(r.code).toBe(1);
  });

  it("build's progress (the reporter) on a closed stderr: the build still finishes, lock released", async () => {
    const dir = project("build");
    const r = await withClosed("stderr", ["build", "--root", dir]);
    noTrace(r.other);
    expect(r.code).toBe(141);
    expect(readdirSync(join(dir, "out", "2020"))).toContain("ho-so-thi-dua-2020.pdf");
    expect(existsSync(join(dir, "out", ".lock"))).toBe(false);
  });

  it("--watch on a closed stderr ends as on Ctrl+C, lock released", async () => {
    // The entry (dist/cli/main.cjs) sees the closed pipe; the watch, a module imported later, is told of it.
    const dir = project("watch");
    const r = await withClosed("stderr", ["build", "--watch", "--root", dir], 20_000);
    noTrace(r.other);
    expect(r.code).toBe(141);
    expect(existsSync(join(dir, "out", ".lock"))).toBe(false);
  });

  it("`… | head -1` through a shell prints the first line and no stack trace", () => {
    const dir = project("head");
    const r = spawnSync("sh", ["-c", `"${process.execPath}" "${BIN}" build --root "${dir}" 2>&1 | head -1`], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    expect(r.stdout).toMatch(/^\[1\/\d+\] 2020\//);
    expect(r.stdout.split("\n").filter(Boolean)).toHaveLength(1);
    noTrace(r.stderr);
    expect(readdirSync(join(dir, "out", "2020"))).toContain("ho-so-thi-dua-2020.pdf");
  });
});
