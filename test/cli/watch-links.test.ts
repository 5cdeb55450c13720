/**
 * --watch keeps one world for the whole session: what it learned of the folders in one run
 * (their real paths, src/io/node-world.ts) is forgotten before the next, so templates/ made a
 * link out of the project between two rebuilds (a `git checkout` can do that) is refused as
 * a fresh run refuses it, not read through.
 */
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, renameSync, rmSync, symlinkSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { FIXTURES, REPO } from "../helpers/fixture-world.ts";

const tmp = mkdtempSync(join(tmpdir(), "ktd-watch-links-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

it("a templates folder become a link out between two rebuilds is refused at the next", async () => {
  const p = join(tmp, "p");
  cpSync(join(FIXTURES, "minimal", "data"), join(p, "data"), { recursive: true });
  cpSync(join(REPO, "templates"), join(p, "templates"), { recursive: true });
  // The same templates outside the project: read through the link, nothing would change.
  cpSync(join(REPO, "templates"), join(tmp, "outside"), { recursive: true });
  const child = spawn(process.execPath, [join(REPO, "bin", "khoi-thi-dua.js"), "build", "--watch", "--root", p], { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1" } });
  let said = "";
  child.stdout.on("data", (b) => (said += b));
  child.stderr.on("data", (b) => (said += b));
  const waiting = (n: number) => (said.match(/Đang theo dõi thay đổi/g) ?? []).length >= n;
  const until = async (n: number) => {
    for (let i = 0; i < 600 && !waiting(n) && child.exitCode === null; i++) await new Promise((r) => setTimeout(r, 50));
    expect(waiting(n), said).toBe(true);
  };
  const touch = () => {
    const now = new Date();
    const f = join(p, "data", "khoi.yaml");
    utimesSync(f, now, now);
    cpSync(f, `${f}.copy`);
    renameSync(`${f}.copy`, f);
  };
  try {
    await until(1);
    touch(); // a run that reads every template and changes nothing
    await until(2);
    expect(said).not.toContain("[file/link]");
    renameSync(join(p, "templates"), join(p, "templates.that"));
    symlinkSync(join(tmp, "outside"), join(p, "templates"));
    touch();
    await until(3);
    const third = said.split(/Đang theo dõi thay đổi[^\n]*\n/)[2] ?? "";
    expect(third, said).toContain("[file/link]");
  } finally {
    child.kill("SIGINT");
    await new Promise((r) => child.once("exit", r));
  }
}, 60_000);
