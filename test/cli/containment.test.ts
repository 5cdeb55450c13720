/**
 * Through the real command line: `--out "$PWD/out"` and `--data "$PWD/data"`
 * name the project's own folders, so they get exactly the link rules of out/
 * and data/ (and the messages name them as out/ and data/); `--out` outside
 * the project is the user's folder, and links in it that lead elsewhere are
 * refused too. A returned form read from outside the project stays fine.
 * The commands run in this process (test/helpers/cli-in-process.ts), as main.ts runs them; the
 * first case and one refused --out run the real `node bin/khoi-thi-dua.js`, for main.ts's own part.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import PizZip from "pizzip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURES, REPO } from "../helpers/fixture-world.ts";
import { treeHashes } from "../helpers/tree-hashes.ts";
import { cliInProcess } from "../helpers/cli-in-process.ts";

const tmp = realpathSync(mkdtempSync(join(tmpdir(), "ktd-cli-contain-")));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The command run in this process, from the folder `cwd`. */
async function cli(args: string[], cwd: string) {
  const r = await cliInProcess(args, cwd);
  return { code: r.code, out: r.out + r.err };
}
/** The real command line, a process of its own. */
function spawned(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [join(REPO, "bin", "khoi-thi-dua.js"), ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", CI: "true" } });
  return { code: r.status, out: r.stdout + r.stderr };
}
const tree = treeHashes;
const KEEP = "the user's own file outside the project";

const base = join(tmp, "base");
beforeAll(async () => {
  cpSync(join(FIXTURES, "minimal", "data"), join(base, "data"), { recursive: true });
  cpSync(join(REPO, "templates"), join(base, "templates"), { recursive: true });
  const r = await cli(["build"], base);
  expect(r.code, r.out).toBe(0);
}, 120_000);
let n = 0;
function project(): { dir: string; outside: string } {
  const dir = join(tmp, `p${++n}`);
  cpSync(base, dir, { recursive: true });
  const outside = join(tmp, `outside${n}`);
  mkdirSync(outside);
  writeFileSync(join(outside, "keep.txt"), KEEP);
  return { dir, outside };
}

describe("the project's own folders named by their absolute path", () => {
  it('build --out "$PWD/out" with out/2020 linked to a folder outside: exit 1, the link named as out/2020, nothing written outside', async () => {
    const p = project();
    rmSync(join(p.dir, "out/2020"), { recursive: true });
    symlinkSync(p.outside, join(p.dir, "out/2020"));
    const before = tree(p.outside);
    const r = spawned(["build", "--out", join(p.dir, "out")], p.dir);
    expect(tree(p.outside)).toEqual(before);
    expect(r.code, r.out).toBe(1);
    expect(r.out).toMatch(/^out\/2020:1:1: /m);
    expect(r.out).not.toMatch(/lỗi chương trình|internal error/);
  }, 60_000);

  it('build --data "$PWD/data" with a data file linked to a file outside: exit 1, named as data/…; its text reaches no document', async () => {
    const p = project();
    const file = join(p.dir, "data/2020/dang-ky/don-vi-a.yaml");
    const secret = join(p.outside, "don-vi-a.yaml");
    writeFileSync(secret, readFileSync(file, "utf8").replace("Hoàn thành 100% chỉ tiêu", "BÍ MẬT NGOÀI DỰ ÁN"));
    unlinkSync(file);
    symlinkSync(secret, file);
    const before = tree(join(p.dir, "out"));
    const r = await cli(["build", "--data", join(p.dir, "data")], p.dir);
    const texts = readdirSync(join(p.dir, "out/2020")).filter((f) => f.endsWith(".docx")).map((f) => new PizZip(readFileSync(join(p.dir, "out/2020", f))).file("word/document.xml")!.asText());
    expect(texts.some((t) => t.includes("BÍ MẬT")), "the outside text reached a DOCX").toBe(false);
    expect(tree(join(p.dir, "out"))).toEqual(before);
    expect(r.code, r.out).toBe(1);
    expect(r.out).toMatch(/^data\/2020\/dang-ky\/don-vi-a\.yaml:1:1: /m);
  }, 60_000);

  it('forms --out "$PWD/out" with out/2020/bieu-mau linked to a folder outside: exit 1, no workbook written outside', async () => {
    const p = project();
    symlinkSync(p.outside, join(p.dir, "out/2020/bieu-mau"));
    const r = await cli(["forms", "--out", join(p.dir, "out")], p.dir);
    expect(readdirSync(p.outside)).toEqual(["keep.txt"]);
    expect(r.code, r.out).toBe(1);
    expect(r.out).toMatch(/^out\/2020\/bieu-mau(\/[^:]*)?:1:1: /m);
  }, 60_000);

  it('import --data "$PWD/data" of a form from outside the project: the form is read; a data file linked outside is refused', async () => {
    const p = project();
    expect((await cli(["forms", "--unit", "don-vi-a", "--stage", "tong-ket"], p.dir)).code).toBe(0);
    const form = join(p.outside, "don-vi-a-tong-ket.xlsx");
    cpSync(join(p.dir, "out/2020/bieu-mau/don-vi-a-tong-ket.xlsx"), form);
    // A form from outside the project, unchanged: nothing to do.
    const ok = await cli(["import", form, "--data", join(p.dir, "data")], p.dir);
    expect(ok.code, ok.out).toBe(0);
    // The unit's results file is a link to a file outside: never read, never replaced.
    const file = join(p.dir, "data/2020/ket-qua/don-vi-a.yaml");
    const outsideCopy = join(p.outside, "ket-qua-don-vi-a.yaml");
    writeFileSync(outsideCopy, readFileSync(file));
    unlinkSync(file);
    symlinkSync(outsideCopy, file);
    const bytes = readFileSync(outsideCopy);
    const r = await cli(["import", form, "--data", join(p.dir, "data")], p.dir);
    expect(r.code, r.out).toBe(1);
    expect(r.out).toMatch(/^data\/2020\/ket-qua\/don-vi-a\.yaml:1:1: /m);
    expect(lstatSync(file).isSymbolicLink()).toBe(true);
    expect(readFileSync(outsideCopy).equals(bytes)).toBe(true);
    // The same with data/ named as usual: a located error, not an internal one.
    const usual = await cli(["import", form], p.dir);
    expect(usual.code, usual.out).toBe(1);
    expect(usual.out).toMatch(/^data\/2020\/ket-qua\/don-vi-a\.yaml:1:1: /m);
  }, 120_000);
});

describe("an output folder outside the project", () => {
  it("build --out /elsewhere writes there; a link in it to another folder is refused, nothing written through it", async () => {
    const p = project();
    const out = join(p.outside, "out");
    const first = await cli(["build", "--out", out], p.dir);
    expect(first.code, first.out).toBe(0);
    expect(existsSync(join(out, "2020/ke-hoach.docx"))).toBe(true);
    const victim = join(tmp, `victim${n}`);
    mkdirSync(victim);
    writeFileSync(join(victim, "keep.txt"), KEEP);
    rmSync(join(out, "2020"), { recursive: true });
    symlinkSync(victim, join(out, "2020"));
    const r = await cli(["build", "--out", out], p.dir);
    expect(readdirSync(victim)).toEqual(["keep.txt"]);
    expect(r.code, r.out).toBe(1);
    expect(r.out).toContain(`${out}/2020:1:1: `);
  }, 90_000);

  it("an --out among the inputs (the data folder, inside it, the project folder, the templates) is refused before anything runs", async () => {
    const p = project();
    const before = readdirSync(join(p.dir, "data")).sort();
    for (const out of ["data", `${p.dir}/data/2020`, ".", "templates"]) {
      // One through the real command line: main.ts refuses it before anything runs.
      const r = out === "data" ? spawned(["build", "--out", out], p.dir) : await cli(["build", "--out", out], p.dir);
      expect(r.code, `${out}: ${r.out}`).toBe(2);
      expect(r.out).toContain("thư mục kết quả không được là thư mục dự án, thư mục dữ liệu");
    }
    expect((await cli(["forms", "--out", "data", "--lang", "en"], p.dir)).out).toContain("the output folder may not be the project folder, the data folder");
    expect(readdirSync(join(p.dir, "data")).sort()).toEqual(before);
  }, 90_000);
});
