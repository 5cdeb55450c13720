/**
 * The CLI ends its process as soon as its command has finished and what it wrote is out
 * (src/cli/main.ts): nothing left behind by a library (a timer, an open handle) holds it, and
 * Node does not first take its heap apart. What it wrote reaches the reader whole.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { REPO } from "../helpers/fixture-world.ts";

const tmp = mkdtempSync(join(tmpdir(), "ktd-end-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

it("ends once the command has, whatever handle is left open, with all it printed and its status", () => {
  // A timer of 30 s, kept referenced: a process left to end by itself waits for it.
  const holder = join(tmp, "holder.cjs");
  writeFileSync(holder, "setTimeout(() => {}, 30_000);\n");
  const t0 = Date.now();
  const r = spawnSync(process.execPath, ["--require", holder, join(REPO, "bin", "khoi-thi-dua.js"), "--help", "--lang", "en"], { encoding: "utf8", timeout: 60_000 });
  const ms = Date.now() - t0;
  expect(r.status).toBe(0);
  expect(ms).toBeLessThan(15_000);
  expect(r.stdout).toMatch(/^khoi-thi-dua: /);
  expect(r.stdout.endsWith("\n")).toBe(true);
  // A command that fails keeps its own status.
  const bad = spawnSync(process.execPath, ["--require", holder, join(REPO, "bin", "khoi-thi-dua.js"), "no-such-command"], { encoding: "utf8", timeout: 60_000 });
  expect(bad.status).toBe(2);
  expect(Date.now() - t0).toBeLessThan(30_000);
});
