/**
 * Containment by where a path really leads, not by how it was written: the
 * project's own folders named by an absolute path (`--out "$PWD/out"`), by a
 * path with "..", or through a link to the project are held to exactly the
 * rules of "out" and "data"; a folder truly outside the project (an explicit
 * `--out /elsewhere`) is the user's choice, and links inside it that lead
 * elsewhere are refused like links inside out/.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import PizZip from "pizzip";
import { afterAll, describe, expect, it } from "vitest";
import { buildProject, type BuildOptions } from "../../src/write/build.ts";
import { makeForms } from "../../src/forms/make-forms.ts";
import { nodeWorld, projectRelative } from "../../src/io/node-world.ts";
import { fontsourceTinosDir } from "../../src/pdf/fonts/node-font-reader.ts";
import { FIXTURES, REPO } from "../helpers/fixture-world.ts";
import { expectLocated } from "../helpers/invariants.ts";
import { treeHashes } from "../helpers/tree-hashes.ts";

const opts: BuildOptions = { dataDir: "data", outDir: "out", fontSource: "package", fontPackageDir: fontsourceTinosDir()!, toolVersion: "test" };
const tmp = realpathSync(mkdtempSync(join(tmpdir(), "ktd-contain-")));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Every file under a folder with a hash of its bytes. */
const tree = treeHashes;
const errors = (r: { diagnostics: { severity: string; code: string; pos: { file: string } }[] }) => r.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code} ${d.pos.file}`);
/** The text of every DOCX in a folder (word/document.xml). */
function docxTexts(dir: string): string {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".docx"))
    .map((name) => new PizZip(readFileSync(join(dir, name))).file("word/document.xml")!.asText())
    .join("\n");
}

const base = join(tmp, "base");
cpSync(join(FIXTURES, "minimal", "data"), join(base, "data"), { recursive: true });
cpSync(join(REPO, "templates"), join(base, "templates"), { recursive: true });
let n = 0;
/** A copy of the built project, and a fresh folder outside it. */
function project(): { dir: string; outside: string } {
  const dir = join(tmp, `p${++n}`);
  cpSync(base, dir, { recursive: true });
  const outside = join(tmp, `outside${n}`);
  mkdirSync(outside);
  return { dir, outside };
}

describe("the project's own folders named another way get the rules of out/ and data/", async () => {
  expect(errors(await buildProject(nodeWorld(base), opts))).toEqual([]);

  /** out/2020 replaced by a link to a folder outside the project that holds the user's own file. */
  function linkedYear() {
    const p = project();
    const victim = join(p.outside, "year");
    mkdirSync(victim);
    writeFileSync(join(victim, "keep.txt"), "the user's own file outside the project");
    rmSync(join(p.dir, "out/2020"), { recursive: true });
    symlinkSync(victim, join(p.dir, "out/2020"));
    return { ...p, victim };
  }
  /** out/2020/ke-hoach.docx replaced by a link to a file outside the project, with the data changed so that the plan is rebuilt. */
  function linkedOutput() {
    const p = project();
    const victim = join(p.outside, "victim.docx");
    writeFileSync(victim, "the user's own file outside the project");
    unlinkSync(join(p.dir, "out/2020/ke-hoach.docx"));
    symlinkSync(victim, join(p.dir, "out/2020/ke-hoach.docx"));
    writeFileSync(join(p.dir, "data/2020/ke-hoach.md"), readFileSync(join(p.dir, "data/2020/ke-hoach.md"), "utf8") + "\nMột đoạn mới.\n");
    return { ...p, victim };
  }
  const KEEP = { "keep.txt": createHash("sha256").update("the user's own file outside the project").digest("hex") };
  const ways = [
    ["an absolute path", (dir: string) => join(dir, "out")],
    ["a path with ..", (dir: string) => `../${dir.slice(dir.lastIndexOf("/") + 1)}/out`],
    ["a path through a link to the project folder", (dir: string) => (symlinkSync(dir, `${dir}-alias`), `${dir}-alias/out`)],
  ] as const;

  for (const [how, outDir] of ways) {
    it(`--out as ${how}: nothing is written into out/2020 linked to a folder outside; the link is a located error`, async () => {
      const p = linkedYear();
      const r = await buildProject(nodeWorld(p.dir), { ...opts, outDir: outDir(p.dir) });
      expect(tree(p.victim)).toEqual(KEEP);
      expect(errors(r).length).toBeGreaterThan(0);
      expect(errors(r).every((e) => e === "file/link out/2020")).toBe(true);
    });
  }

  it("--out as an absolute path: a link out/2020/ke-hoach.docx to a file outside is a located error, as with out", async () => {
    const p = linkedOutput();
    const r = await buildProject(nodeWorld(p.dir), { ...opts, outDir: join(p.dir, "out") });
    expect(readFileSync(p.victim, "utf8")).toBe("the user's own file outside the project");
    expect(errors(r)).toContain("file/link out/2020/ke-hoach.docx");
    const same = linkedOutput();
    expect(errors(await buildProject(nodeWorld(same.dir), opts))).toEqual(errors(r));
  });

  it("--data as an absolute path: a data file linked to a file outside is an error; its text reaches no output", async () => {
    const p = project();
    const file = join(p.dir, "data/2020/dang-ky/don-vi-a.yaml");
    const secret = join(p.outside, "don-vi-a.yaml");
    writeFileSync(secret, readFileSync(file, "utf8").replace("Hoàn thành 100% chỉ tiêu", "BÍ MẬT NGOÀI DỰ ÁN"));
    unlinkSync(file);
    symlinkSync(secret, file);
    const before = tree(join(p.dir, "out"));
    const r = await buildProject(nodeWorld(p.dir), { ...opts, dataDir: join(p.dir, "data") });
    expect(docxTexts(join(p.dir, "out/2020")).includes("BÍ MẬT"), "the outside text reached a DOCX").toBe(false);
    expect(tree(join(p.dir, "out"))).toEqual(before);
    expect(errors(r)).toEqual(["file/link data/2020/dang-ky/don-vi-a.yaml"]);
    expectLocated(r.diagnostics);
  });

  it("forms with --out as an absolute path: no workbook is written through out/2020/bieu-mau linked outside", async () => {
    const p = project();
    const target = join(p.outside, "bieu-mau");
    mkdirSync(target);
    symlinkSync(target, join(p.dir, "out/2020/bieu-mau"));
    const r = await makeForms(nodeWorld(p.dir), { dataDir: "data", outDir: join(p.dir, "out") });
    expect(readdirSync(target)).toEqual([]);
    expect(r.written).toEqual([]);
    expect(r.diagnostics.filter((d) => d.severity === "error").map((d) => d.code)).toContain("file/link");
  });
});

describe("a folder outside the project is the user's choice; links inside it that lead elsewhere are refused", async () => {
  it("--out /elsewhere: the build writes there; a link in it to another folder is not written through", async () => {
    const p = project();
    const out = join(p.outside, "out");
    const r1 = await buildProject(nodeWorld(p.dir), { ...opts, outDir: out });
    expect(errors(r1)).toEqual([]);
    expect(Object.keys(tree(out)).some((f) => f.endsWith("ke-hoach.docx"))).toBe(true);
    const victimDir = join(tmp, `victim${n}`);
    mkdirSync(victimDir);
    writeFileSync(join(victimDir, "keep.txt"), "keep");
    rmSync(join(out, "2020"), { recursive: true });
    symlinkSync(victimDir, join(out, "2020"));
    const r2 = await buildProject(nodeWorld(p.dir, { folders: [out] }), { ...opts, outDir: out });
    expect(readdirSync(victimDir)).toEqual(["keep.txt"]);
    expect(errors(r2).length).toBeGreaterThan(0);
    expect(errors(r2).every((e) => e === `file/link ${out}/2020`)).toBe(true);
  });

  it("the package's fonts and other files outside every folder are read as given", async () => {
    const w = nodeWorld(join(tmp, "base"), { folders: [join(tmp, "nowhere-out")] });
    expect(await w.readFile(join(REPO, "package.json"))).toBeDefined();
  });
});

describe("projectRelative: a path as the project names it, when it really lands inside", () => {
  it("absolute, with .., through a link, or outside", async () => {
    const p = project();
    symlinkSync(p.dir, join(p.outside, "alias"));
    expect(await projectRelative(p.dir, join(p.dir, "out"))).toBe("out");
    expect(await projectRelative(p.dir, "out")).toBe("out");
    expect(await projectRelative(p.dir, `../${p.dir.slice(p.dir.lastIndexOf("/") + 1)}/data`)).toBe("data");
    expect(await projectRelative(p.dir, join(p.outside, "alias", "data", "2020"))).toBe("data/2020");
    expect(await projectRelative(p.dir, join(p.outside, "alias", "not-yet", "x"))).toBe("not-yet/x");
    expect(await projectRelative(p.dir, p.dir)).toBe(".");
    expect(await projectRelative(p.dir, p.outside)).toBeUndefined();
    expect(await projectRelative(p.dir, "/nonexistent-folder/out")).toBeUndefined();
  });
});

describe("a folder already read is known, not its files", () => {
  it("a link among plain files of a folder read before is still followed to where it leads, and refused", async () => {
    const p = project();
    writeFileSync(join(p.outside, "secret.yaml"), "outside: true\n");
    mkdirSync(join(p.dir, "data", "khac"));
    writeFileSync(join(p.dir, "data", "khac", "a.yaml"), "a: 1\n");
    symlinkSync(join(p.outside, "secret.yaml"), join(p.dir, "data", "khac", "b.yaml"));
    symlinkSync("a.yaml", join(p.dir, "data", "khac", "c.yaml"));
    const w = nodeWorld(p.dir);
    expect(new TextDecoder().decode(await w.readFile("data/khac/a.yaml"))).toBe("a: 1\n");
    await expect(w.readFile("data/khac/b.yaml")).rejects.toMatchObject({ code: "ELINKOUT" });
    await expect(w.fileStamp!("data/khac/b.yaml")).rejects.toMatchObject({ code: "ELINKOUT" });
    // A link that stays inside is read as what it leads to.
    expect(new TextDecoder().decode(await w.readFile("data/khac/c.yaml"))).toBe("a: 1\n");
  });

  it("a folder that led out and was mended is read, without the world being told", async () => {
    const p = project();
    mkdirSync(join(p.outside, "mau"));
    writeFileSync(join(p.outside, "mau", "a.md"), "outside\n");
    symlinkSync(join(p.outside, "mau"), join(p.dir, "data", "mau"));
    const w = nodeWorld(p.dir);
    await expect(w.readFile("data/mau/a.md")).rejects.toMatchObject({ code: "ELINKOUT" });
    unlinkSync(join(p.dir, "data", "mau"));
    mkdirSync(join(p.dir, "data", "mau"));
    writeFileSync(join(p.dir, "data", "mau", "a.md"), "inside\n");
    expect(new TextDecoder().decode(await w.readFile("data/mau/a.md"))).toBe("inside\n");
  });

  it("a folder made a link by the world's own change is seen at the next read", async () => {
    const p = project();
    mkdirSync(join(p.dir, "data", "moi"));
    writeFileSync(join(p.dir, "data", "moi", "a.yaml"), "a: 1\n");
    const w = nodeWorld(p.dir);
    expect(await w.readFile("data/moi/a.yaml")).toBeDefined();
    // The world moves the folder away (its own change), and something else puts a link to outside in its place.
    await w.renameDir("data/moi", "data/cu");
    writeFileSync(join(p.outside, "a.yaml"), "outside\n");
    symlinkSync(p.outside, join(p.dir, "data", "moi"));
    await expect(w.readFile("data/moi/a.yaml")).rejects.toMatchObject({ code: "ELINKOUT" });
  });
});
