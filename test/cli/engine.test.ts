/**
 * The compiled engine (dist/cli/engine.cjs, src/tools/bundle-engine.ts): one file with a code
 * cache V8 accepts, that builds the same bytes as the modules it was made from; the province
 * command's bundle, which leaves what it loads only on some paths to run time; and the cheap
 * check bin/ makes before trusting dist/ (bin/source-hash.js).
 */
import { isAscii } from "node:buffer";
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { compiledFromSources, sourceHash, sourceStats } from "../../bin/source-hash.js";
import { BUNDLES, bundleFile, cacheFile, COMMANDS, FRONT } from "../../src/cli/open-bundled.ts";
import { cacheFileBytes, runBundle } from "../../src/cli/run-bundle.ts";
import * as modules from "../../src/cli/engine.ts";
import { memoryWorld } from "../../src/io/memory-world.ts";
import { fontsourceTinosDir } from "../../src/pdf/fonts/package-dir.ts";
import { minimalWorld, REPO } from "../helpers/fixture-world.ts";

const dist = join(REPO, "dist", "cli");

describe("the compiled engine", () => {
  it("is one file whose code cache this Node accepts, and builds the bytes the modules build", async () => {
    // npm test compiles first; a bare vitest run needs `npm run compile`.
    expect(existsSync(join(dist, bundleFile(BUNDLES.engine))), "dist/cli/engine.cjs: run npm run compile").toBe(true);
    expect(existsSync(join(dist, cacheFile(BUNDLES.engine))), "the compilation trains the code cache").toBe(true);
    const run = runBundle(join(dist, bundleFile(BUNDLES.engine)), join(dist, cacheFile(BUNDLES.engine)));
    expect(run.cached).toBe(true);
    // ASCII only: V8 keeps it as a one-byte string (bundle-engine.ts, asciiOnly).
    expect(isAscii(run.source)).toBe(true);
    // exceljs without its streaming reader and writer and its CSV: the engine only writes workbooks. gray-matter
    // without js-yaml (and the esprima it loads from node_modules): the tool gives it its own YAML engine.
    expect(Buffer.from(run.source).toString("latin1")).not.toMatch(/"node_modules\/(archiver|unzipper|fast-csv|@fast-csv|js-yaml)\//);
    expect(run.script.cachedDataRejected).toBe(false);
    const bundled = run.exports as typeof modules;
    const outside = { outside: async (p: string) => new Uint8Array(await readFile(p)) };
    const files = Object.fromEntries(minimalWorld().files);
    // One document (DOCX, PDF) and the year's files: what every document goes through.
    const only = (await modules.checkProject(memoryWorld(files), "data")).documents[0]!.doc.stem;
    const opts = { dataDir: "data", outDir: "out", fontSource: "package" as const, fontPackageDir: fontsourceTinosDir()!, toolVersion: "t", only };
    const a = memoryWorld(files, outside);
    const b = memoryWorld(files, outside);
    // What the bundle's modules freeze as they run: xmldom's table of HTML's entities is not among them (xmldom-entities.ts).
    const frozen: number[] = [];
    const freeze = Object.freeze;
    Object.freeze = ((o: object) => (frozen.push(o && typeof o === "object" ? Object.keys(o).length : 0), freeze(o))) as typeof Object.freeze;
    let ra: Awaited<ReturnType<typeof modules.buildProject>>;
    try {
      ra = await bundled.buildProject(a, opts);
    } finally {
      Object.freeze = freeze;
    }
    expect(frozen.length).toBeGreaterThan(0);
    expect(Math.max(...frozen)).toBeLessThan(2000);
    const rb = await modules.buildProject(b, opts);
    expect(ra.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(ra.written.filter((p) => p.endsWith(".pdf") || p.endsWith(".docx")).length).toBeGreaterThanOrEqual(2);
    expect(ra.written).toEqual(rb.written);
    for (const p of ra.written) expect(Buffer.from(a.files.get(p)!).equals(Buffer.from(b.files.get(p)!)), p).toBe(true);
  });
});

describe("the province command's bundle", () => {
  const file = join(dist, bundleFile(BUNDLES.province));

  it("holds the command and what it loads at start, with a cache V8 accepts, and leaves the rest to run time", () => {
    expect(existsSync(file), "dist/cli/province-command.cjs: run npm run compile").toBe(true);
    const run = runBundle(file, join(dist, cacheFile(BUNDLES.province)));
    expect(run.cached).toBe(true);
    expect(run.script.cachedDataRejected).toBe(false);
    expect(isAscii(run.source)).toBe(true);
    expect(typeof (run.exports as { runProvince?: unknown }).runProvince).toBe("function");
    const text = readFileSync(file, "latin1");
    // The results import and the view's renderers are imported when reached, from dist/; no PDF or workbook library is in the file.
    expect(text).toContain('__bundle_import("./province-import.js")');
    expect(text).toContain('__bundle_import("../province/report-files.js")');
    expect(text).not.toMatch(/node_modules\/(@cantoo|exceljs)/);
  });

  it("runs from bin/, and an import it left to run time is made from its own folder", () => {
    const ws = mkdtempSync(join(tmpdir(), "ktd-province-bundle-"));
    try {
      writeFileSync(join(ws, "tinh.yaml"), "tinh: Trà Vinh\nnam: 2020\n");
      const r = spawnSync(process.execPath, [join(REPO, "bin", "khoi-thi-dua.js"), "tinh", "import-ket-qua", join(ws, "khong-co.json"), "--root", ws], { encoding: "utf8" });
      expect(r.stdout + r.stderr).toContain("[tinh/results-missing]");
      expect(r.status, r.stderr).toBe(1);
    } finally {
      rmSync(ws, { recursive: true, force: true });
    }
  });
});

describe("the entry's bundle (dist/cli/main.cjs)", () => {
  const file = join(dist, FRONT);

  it("holds the modules every start loads, no library, and leaves each import() to Node, of a file in dist/", () => {
    expect(existsSync(file), "dist/cli/main.cjs: run npm run compile").toBe(true);
    const text = readFileSync(file, "latin1");
    expect(text.length).toBeLessThan(100_000);
    // Strict, as the modules it holds are.
    expect(text.startsWith('"use strict";')).toBe(true);
    expect(readFileSync(join(dist, COMMANDS), "latin1").startsWith('"use strict";')).toBe(true);
    expect(text).not.toContain("node_modules/");
    expect(text).not.toContain("__bundle_import");
    const later = [...text.matchAll(/import\("([^"]+)"\)/g)].map((m) => m[1]!);
    expect(later).toEqual(expect.arrayContaining(["./watch.js", "./run-bundle.js", "../sign/main.js"]));
    for (const spec of later) expect(existsSync(join(dist, spec)), spec).toBe(true);
    // build and validate: their own bundle, required (Node's import() of a CommonJS file would parse it with a lexer whose compilation the exit waits for).
    expect(later).not.toContain("./commands.js");
    expect(text).toContain(`require("./${COMMANDS}")`);
    const commands = readFileSync(join(dist, COMMANDS), "latin1");
    expect(commands).not.toContain("node_modules/");
    expect([...commands.matchAll(/import\("([^"]+)"\)/g)].map((m) => m[1]!).sort()).toEqual(["./engine.js", "./run-bundle.js"]);
  });

  it("one engine per process, whichever copy of its door opens it", () => {
    // commands.cjs and a module of dist/ each have a copy of load-engine.ts.
    const script = `const a = await import(${JSON.stringify(pathToFileURL(join(dist, "load-engine.js")).href + "?a")});
const b = await import(${JSON.stringify(pathToFileURL(join(dist, "load-engine.js")).href + "?b")});
process.exit(a.loadEngine() === b.loadEngine() ? 0 : 1);`;
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
  });

  it("the heap's bound once per process: a bundle opened by another copy compiles with V8's own flags", () => {
    const url = (q: string) => JSON.stringify(pathToFileURL(join(dist, "heap-growth.js")).href + q);
    const script = `import v8 from "node:v8";
const a = await import(${url("?a")});
const b = await import(${url("?b")});
a.heapForBuild(a.MANY_DOCUMENTS, false);
const flags = [];
const set = v8.setFlagsFromString;
v8.setFlagsFromString = (f) => (flags.push(f), set.call(v8, f));
b.withDefaultFlags(() => 0);
process.stdout.write(JSON.stringify(flags));`;
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(["--heap-growing-percent=0", "--heap-growing-percent=20"]);
  });

  it("is what bin/ runs, and bin/ runs the modules when a compilation left none", () => {
    const copy = mkdtempSync(join(tmpdir(), "ktd-front-"));
    try {
      // An installed copy without its sources runs dist/ as it is (bin/khoi-thi-dua.js).
      for (const part of ["bin", "dist", "package.json"]) cpSync(join(REPO, part), join(copy, part), { recursive: true });
      const help = () => spawnSync(process.execPath, [join(copy, "bin", "khoi-thi-dua.js"), "--help"], { encoding: "utf8" });
      // Without the module the entry's bundle holds, the bundle still starts.
      rmSync(join(copy, "dist", "cli", "run-command.js"));
      let r = help();
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toContain("khoi-thi-dua");
      // build and validate run from theirs without their module.
      rmSync(join(copy, "dist", "cli", "commands.js"));
      r = spawnSync(process.execPath, [join(copy, "bin", "khoi-thi-dua.js"), "validate", "--root", REPO], { encoding: "utf8" });
      expect(r.status, r.stderr).toBe(0);
      // Without the bundle, the modules: here one is missing, and Node says so.
      rmSync(join(copy, "dist", "cli", FRONT));
      r = help();
      expect(r.status).not.toBe(0);
      expect(r.stderr).toContain("run-command.js");
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});

it("a cache made for other bytes of the bundle is not given to V8", () => {
  const tmp = mkdtempSync(join(tmpdir(), "ktd-engine-"));
  try {
    const bundle = join(tmp, "e.cjs");
    writeFileSync(bundle, "module.exports = 1;");
    writeFileSync(join(tmp, "e.cache"), cacheFileBytes(Buffer.from("module.exports = 2;"), new Uint8Array(8)));
    expect(runBundle(bundle, join(tmp, "e.cache")).cached).toBe(false);
    writeFileSync(join(tmp, "e.cache"), cacheFileBytes(Buffer.from("module.exports = 1;"), new Uint8Array(8)));
    expect(runBundle(bundle, join(tmp, "e.cache")).cached).toBe(true);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});

describe("bin/'s check that dist/ is compiled from the sources", () => {
  const tmp = mkdtempSync(join(tmpdir(), "ktd-stats-"));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const root = join(tmp, "tool");
  cpSync(join(REPO, "src"), join(root, "src"), { recursive: true });
  for (const f of ["package-lock.json", "tsconfig.json", "tsconfig.build.json"]) cpSync(join(REPO, f), join(root, f));
  const args = join(root, "src", "cli", "args.ts");

  it("trusts the stat fingerprint while it holds, without hashing", () => {
    const identity = { sources: "not the hash", stats: sourceStats(root) };
    expect(compiledFromSources(root, identity)).toBe(true);
  });

  it("an edit that keeps the old size and times still changes the fingerprint, and the hash decides", () => {
    const identity = { sources: sourceHash(root), stats: sourceStats(root) };
    const { atime, mtime, size } = statSync(args);
    writeFileSync(args, "x".repeat(size));
    utimesSync(args, atime, mtime);
    expect(sourceStats(root)).not.toBe(identity.stats);
    expect(compiledFromSources(root, identity)).toBe(false);
  });

  it("no change of names can rebuild another tree's fingerprint (a name with a newline and a colon)", () => {
    const other = join(tmp, "forged");
    cpSync(join(REPO, "src"), join(other, "src"), { recursive: true });
    for (const f of ["package-lock.json", "tsconfig.json", "tsconfig.build.json"]) cpSync(join(REPO, f), join(other, f));
    const identity = { sources: sourceHash(other), stats: sourceStats(other) };
    // A file removed, and a folder moved under a name that spells the removed file's line and the moved files' prefix.
    const gone = "src/write/year-step.ts";
    const line = identity.stats.split("\n").find((l) => l.includes(gone))!;
    const name = `${line.slice(line.indexOf("year-step.ts"))}\nsrc`;
    rmSync(join(other, gone));
    mkdirSync(join(other, "src", "write", name));
    renameSync(join(other, "src", "xlsx"), join(other, "src", "write", name, "xlsx"));
    expect(sourceStats(other)).not.toBe(identity.stats);
    expect(compiledFromSources(other, identity)).toBe(false);
  });

  it("a source that cannot be read (a link that leads nowhere) means dist/ is not trusted, not a crash", () => {
    const other = join(tmp, "dangling");
    cpSync(join(REPO, "src"), join(other, "src"), { recursive: true });
    const identity = { sources: sourceHash(other), stats: sourceStats(other) };
    symlinkSync(join(other, "nowhere.ts"), join(other, "src", "cli", "zz.ts"));
    expect(compiledFromSources(other, identity)).toBe(false);
  });

  it("an added or removed source changes the fingerprint", () => {
    const before = sourceStats(root);
    writeFileSync(join(root, "src", "cli", "added.ts"), "");
    expect(sourceStats(root)).not.toBe(before);
    rmSync(join(root, "src", "cli", "added.ts"));
    rmSync(join(root, "src", "cli", "watch.ts"));
    expect(sourceStats(root)).not.toBe(before);
  });
});
