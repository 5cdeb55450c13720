import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FIXTURES, REPO } from "../helpers/fixture-world.ts";
import { cliInProcess } from "../helpers/cli-in-process.ts";

const tmp = mkdtempSync(join(tmpdir(), "ktd-cli-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A project folder: the minimal fixture, the repository's templates, and an optional overlay. */
function project(name: string, overlay?: string): string {
  const dir = join(tmp, name);
  cpSync(join(FIXTURES, "minimal"), dir, { recursive: true });
  cpSync(join(REPO, "templates"), join(dir, "templates"), { recursive: true });
  if (overlay) cpSync(join(FIXTURES, overlay, "data"), join(dir, "data"), { recursive: true });
  return dir;
}

/** The real command line, a process of its own: for the exit status and the streams a process really gives. */
function cli(args: string[]) {
  const r = spawnSync(process.execPath, [join(REPO, "bin", "khoi-thi-dua.js"), ...args], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** The same command run in this process (test/helpers/cli-in-process.ts). */
async function inProcess(args: string[]) {
  const r = await cliInProcess(args);
  return { code: r.code, out: r.out, err: r.err };
}

describe("the command line", () => {
  it("prints help in Vietnamese, and in English on request", async () => {
    expect(cli(["--help"]).out).toContain("Cách dùng");
    expect((await inProcess(["--help", "--lang", "en"])).out).toContain("Usage");
    expect(cli(["bogus"]).code).toBe(2);
  });

  it("exits 1 on data errors, names file:line:column, prints no stack trace and writes nothing", async () => {
    const dir = project("bad", "errors/score-over-max");
    const r = cli(["build", "--root", dir]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("data/2020/ket-qua/don-vi-b.yaml:4:34: lỗi [score/over-max]");
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(readdirSync(dir)).not.toContain("out");
    const en = await inProcess(["validate", "--root", dir, "--lang", "en"]);
    expect(en.code).toBe(1);
    expect(en.err).toContain("error [score/over-max] Score 65 exceeds the maximum 60");
  });

  it("exits 0 with warnings only and writes the documents", async () => {
    const dir = project("late", "errors/late-registration");
    const r = await inProcess(["build", "--root", dir]);
    expect(r.err).toContain("cảnh báo [date/late]");
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, "out", "2020"))).toContain("ke-hoach.docx");
  });
});

describe("textconv", () => {
  it("prints a DOCX's paragraphs as lines, for git diff", async () => {
    const dir = project("textconv");
    expect((await inProcess(["build", "--root", dir])).code).toBe(0);
    const r = cli(["textconv", join(dir, "out", "2020", "ke-hoach.docx")]);
    expect(r.code).toBe(0);
    const lines = r.out.split("\n");
    expect(lines).toContain("KẾ HOẠCH");
    expect(lines).toContain("Nơi nhận:");
    expect(lines.some((l) => l.startsWith("Khối 9 xây dựng kế hoạch"))).toBe(true);
  });
});
