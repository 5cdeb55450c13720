/**
 * Symbolic links in a real project folder: one that stays inside the
 * project is followed; one that leads outside, or nowhere, is an error
 * naming the link, for data, templates and the output folder alike; nothing
 * is skipped silently, no outside content reaches a document, and no output
 * is removed because an input could not be read.
 */
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildProject, type BuildOptions } from "../../src/write/build.ts";
import { nodeWorld } from "../../src/io/node-world.ts";
import { fontsourceTinosDir } from "../../src/pdf/fonts/node-font-reader.ts";
import { FIXTURES, REPO } from "../helpers/fixture-world.ts";
import { expectLocated } from "../helpers/invariants.ts";

const opts: BuildOptions = { dataDir: "data", outDir: "out", fontSource: "package", fontPackageDir: fontsourceTinosDir()!, toolVersion: "test" };
const tmp = mkdtempSync(join(tmpdir(), "ktd-links-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const outsideDir = join(tmp, "outside");
mkdirSync(outsideDir);

let n = 0;
function project(): string {
  const dir = join(tmp, `p${++n}`);
  cpSync(join(FIXTURES, "minimal", "data"), join(dir, "data"), { recursive: true });
  cpSync(join(REPO, "templates"), join(dir, "templates"), { recursive: true });
  return dir;
}
const snapshot = (dir: string) => {
  const y = join(dir, "out", "2020");
  return existsSync(y) ? Object.fromEntries(readdirSync(y).map((f) => [f, readFileSync(join(y, f)).toString("base64")])) : {};
};
const errors = (r: { diagnostics: { severity: string; code: string; pos: { file: string } }[] }) => r.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code} ${d.pos.file}`);

describe("symbolic links", async () => {
  const base = project();
  const first = await buildProject(nodeWorld(base), opts);
  expect(errors(first)).toEqual([]);

  it("a data file linked to a file outside the project is an error naming the link; the unit's outputs stay", async () => {
    const dir = join(tmp, "data-link");
    cpSync(base, dir, { recursive: true });
    const file = join(dir, "data/2020/dang-ky/don-vi-a.yaml");
    const outsideCopy = join(outsideDir, "don-vi-a.yaml");
    writeFileSync(outsideCopy, readFileSync(file));
    unlinkSync(file);
    symlinkSync(outsideCopy, file);
    const before = snapshot(dir);
    const r = await buildProject(nodeWorld(dir), opts);
    expect(errors(r)).toEqual(["file/link data/2020/dang-ky/don-vi-a.yaml"]);
    expectLocated(r.diagnostics);
    expect(r.removed).toEqual([]);
    expect(snapshot(dir)).toEqual(before);
  });

  it("a template linked outside the project is an error; the outside text never reaches a document", async () => {
    const dir = join(tmp, "template-link");
    cpSync(base, dir, { recursive: true });
    const secret = join(outsideDir, "secret.md");
    writeFileSync(secret, readFileSync(join(dir, "templates/dang-ky.md"), "utf8") + "\nBÍ MẬT NGOÀI DỰ ÁN\n");
    unlinkSync(join(dir, "templates/dang-ky.md"));
    symlinkSync(secret, join(dir, "templates/dang-ky.md"));
    const before = snapshot(dir);
    const r = await buildProject(nodeWorld(dir), opts);
    expect(errors(r)).toEqual(["file/link templates/dang-ky.md"]);
    expect(snapshot(dir)).toEqual(before);
  });

  it("a dangling link is an error naming it, not a silent skip", async () => {
    const dir = join(tmp, "dangling");
    cpSync(base, dir, { recursive: true });
    const file = join(dir, "data/2020/ket-qua/don-vi-b.yaml");
    unlinkSync(file);
    symlinkSync(join(dir, "nowhere.yaml"), file);
    const r = await buildProject(nodeWorld(dir), opts);
    expect(errors(r)).toEqual(["file/link data/2020/ket-qua/don-vi-b.yaml"]);
    expect(r.removed).toEqual([]);
  });

  it("an output folder linked outside the project is refused; nothing is written there", async () => {
    const dir = join(tmp, "out-link");
    cpSync(base, dir, { recursive: true, filter: (src) => !src.includes(`${dir}/out`) });
    rmSync(join(dir, "out"), { recursive: true, force: true });
    const target = join(outsideDir, "out-target");
    mkdirSync(target);
    symlinkSync(target, join(dir, "out"));
    const r = await buildProject(nodeWorld(dir), opts);
    expect(errors(r).length).toBeGreaterThan(0);
    expect(errors(r).every((e) => e === "file/link out" || e.startsWith("file/link out/"))).toBe(true);
    expect(readdirSync(target)).toEqual([]);
  });

  it("links that stay inside the project are followed", async () => {
    const dir = join(tmp, "inside-link");
    cpSync(base, dir, { recursive: true });
    const file = join(dir, "data/2020/dang-ky/don-vi-a.yaml");
    mkdirSync(join(dir, "shared"));
    writeFileSync(join(dir, "shared/a.yaml"), readFileSync(file));
    unlinkSync(file);
    symlinkSync("../../../shared/a.yaml", file);
    const r = await buildProject(nodeWorld(dir), opts);
    expect(errors(r)).toEqual([]);
    expect(r.written).toEqual([]); // same content as before: nothing to redo
  });
});

describe("writing and removing never go through a link", async () => {
  const base = project();
  await buildProject(nodeWorld(base), opts);

  it("a folder of out/ linked to another folder of the project, named by a manifest entry: nothing there is removed", async () => {
    const dir = join(tmp, "out-into-templates");
    cpSync(base, dir, { recursive: true });
    symlinkSync("../templates", join(dir, "out", "2019"));
    const shell = join(dir, "templates", "shell.docx");
    const bytes = readFileSync(shell);
    const manifestPath = join(dir, "out", ".manifest.json");
    const m = JSON.parse(readFileSync(manifestPath, "utf8"));
    m.documents["2019/shell"] = { key: "2019/shell", content: "x", inputs: {}, outputs: { "out/2019/shell.docx": createHash("sha256").update(bytes).digest("hex") } };
    writeFileSync(manifestPath, JSON.stringify(m));
    // --check says so too, and never that the file would be removed.
    const check = await buildProject(nodeWorld(dir), { ...opts, check: true });
    expect(check.removed).toEqual([]);
    expect(errors(check)).toEqual(["file/link out/2019/shell.docx"]);
    const r = await buildProject(nodeWorld(dir), opts);
    expect(readFileSync(shell).equals(bytes)).toBe(true);
    expect(r.removed).toEqual([]);
    expect(errors(r)).toEqual(["file/link out/2019/shell.docx"]);
  });

  it("a year folder of out/ linked inside the project is not written through", async () => {
    const dir = join(tmp, "year-into-data");
    cpSync(base, dir, { recursive: true, filter: (s) => !s.endsWith("/out/2020") && !s.includes("/out/2020/") });
    mkdirSync(join(dir, "elsewhere"));
    symlinkSync("../elsewhere", join(dir, "out", "2020"));
    const r = await buildProject(nodeWorld(dir), opts);
    expect(errors(r).length).toBeGreaterThan(0);
    expect(errors(r).every((e) => e === "file/link out/2020")).toBe(true);
    expect(readdirSync(join(dir, "elsewhere"))).toEqual([]);
  });
});

describe("files that are not regular files", async () => {
  const base = project();
  await buildProject(nodeWorld(base), opts);
  it.skipIf(!existsSync("/usr/bin/mkfifo"))("a FIFO in place of a data file is an error naming it; the build neither hangs nor removes the unit's files", async () => {
    const dir = join(tmp, "fifo");
    cpSync(base, dir, { recursive: true });
    const file = join(dir, "data/2020/dang-ky/don-vi-a.yaml");
    unlinkSync(file);
    execFileSync("/usr/bin/mkfifo", [file]);
    const before = snapshot(dir);
    const r = await buildProject(nodeWorld(dir), opts);
    expect(errors(r)).toEqual(["file/unreadable data/2020/dang-ky/don-vi-a.yaml"]);
    expect(String(r.diagnostics.find((d) => d.code === "file/unreadable")!.params.reason)).toContain("not a regular file");
    expect(snapshot(dir)).toEqual(before);
  });
});
