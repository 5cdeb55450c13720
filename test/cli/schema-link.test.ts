/**
 * `npm run schema` where data/.schema, or a file in it, is a symbolic link the tool refuses
 * (out of the project, to nothing): a located error naming the link, exit status 1, nothing
 * written through it; never "lỗi chương trình" (exit 3). The first case runs the real command line
 * (the exit status is the process's); the others run the same command in this process
 * (test/helpers/cli-in-process.ts), a Node start and the loading of the pipeline less each.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cliInProcess } from "../helpers/cli-in-process.ts";
import { FIXTURES, REPO } from "../helpers/fixture-world.ts";

const tmp = mkdtempSync(join(tmpdir(), "ktd-schema-link-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function project(name: string): string {
  const dir = join(tmp, name);
  cpSync(join(FIXTURES, "minimal"), dir, { recursive: true });
  return dir;
}

/** `npm run schema` through the real command line. */
function schemaProcess(dir: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [join(REPO, "bin", "khoi-thi-dua.js"), "schema", "--root", dir, ...args], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
/** The same command run in this process. */
const schema = (dir: string, ...args: string[]) => cliInProcess(["schema", "--root", dir, ...args]);

describe("npm run schema and a refused link", () => {
  it("data/.schema a link out of the project: a located error, exit 1, nothing written outside", async () => {
    const dir = project("out-dir");
    const outside = join(tmp, "outside");
    mkdirSync(outside);
    symlinkSync(outside, join(dir, "data", ".schema"));
    const r = schemaProcess(dir);
    expect(r.err).not.toContain("lỗi chương trình");
    expect(r.code).toBe(1);
    expect(r.err).toContain("data/.schema:1:1: lỗi [file/link]");
    expect(r.err).toContain("1 lỗi, 0 cảnh báo");
    expect(readdirSync(outside)).toEqual([]);
    const en = await schema(dir, "--lang", "en");
    expect(en.code).toBe(1);
    expect(en.err).toContain("data/.schema:1:1: error [file/link] Cannot use the file: it is a symbolic link");
  });

  it("one schema file a link to a file outside: that file is named, the outside file unchanged", async () => {
    const dir = project("out-file");
    mkdirSync(join(dir, "data", ".schema"));
    const target = join(tmp, "their-notes.json");
    writeFileSync(target, "keep me\n");
    symlinkSync(target, join(dir, "data", ".schema", "nam.schema.json"));
    const r = await schema(dir);
    expect(r.err).not.toContain("lỗi chương trình");
    expect(r.code).toBe(1);
    expect(r.err).toContain("data/.schema/nam.schema.json:1:1: lỗi [file/link]");
    expect(readFileSync(target, "utf8")).toBe("keep me\n");
    // All or nothing: no other schema was written, no staged file or journal is left.
    expect(readdirSync(join(dir, "data", ".schema"))).toEqual(["nam.schema.json"]);
    expect(readdirSync(join(dir, "out")).filter((f) => f.startsWith(".journal"))).toEqual([]);
  });

  it("data/.schema a link to nothing", async () => {
    const dir = project("broken");
    symlinkSync(join(tmp, "nowhere", "x"), join(dir, "data", ".schema"));
    const r = await schema(dir);
    expect(r.err).not.toContain("lỗi chương trình");
    expect(r.code).toBe(1);
    expect(r.err).toContain("data/.schema:1:1: lỗi [file/link]");
  });
});
