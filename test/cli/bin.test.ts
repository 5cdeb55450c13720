/**
 * bin/khoi-thi-dua.js runs the compiled CLI only when it was compiled from the
 * sources as they are: an edit not yet compiled runs through tsx, even when
 * the edited file keeps an old time (rsync -a, cp -p, tar x) or a source was deleted.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sourceHash } from "../../bin/source-hash.js";
import { REPO } from "../helpers/fixture-world.ts";

const tmp = mkdtempSync(join(tmpdir(), "ktd-bin-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const copy = join(tmp, "tool");
for (const p of ["bin", "src", "dist", "package.json", "package-lock.json", "tsconfig.json", "tsconfig.build.json"]) cpSync(join(REPO, p), join(copy, p), { recursive: true });
symlinkSync(join(REPO, "node_modules"), join(copy, "node_modules"));
// The copy's dist/ must be compiled from its sources (npm test compiles first; a direct vitest run may not have).
const compiledFrom = () => {
  try {
    return JSON.parse(readFileSync(join(copy, "dist", "identity.json"), "utf8")).sources as string;
  } catch {
    return undefined;
  }
};
if (compiledFrom() !== sourceHash(copy)) execFileSync("npm", ["run", "-s", "compile"], { cwd: copy, stdio: "ignore" });
const help = () => spawnSync(process.execPath, [join(copy, "bin", "khoi-thi-dua.js"), "--help", "--lang", "en"], { encoding: "utf8" }).stdout;
const old = new Date("2020-01-01T00:00:00Z");

describe("which CLI bin/ runs", () => {
  it("the compiled one while the sources are those it was compiled from, else the sources", () => {
    // Mark the compiled help text: seen only when dist/ runs (its entry's bundle holds the help).
    const compiled = join(copy, "dist", "cli", "main.cjs");
    writeFileSync(compiled, readFileSync(compiled, "utf8").replaceAll("Usage:", "Usage (compiled):"));
    expect(help()).toContain("Usage (compiled):");
    // An edit that keeps an old time is still an edit.
    const source = join(copy, "src", "cli", "help.ts");
    writeFileSync(source, readFileSync(source, "utf8").replaceAll("Usage:", "Usage (edited):"));
    utimesSync(source, old, old);
    expect(help()).toContain("Usage (edited):");
  });

  it("the sources when a source file was deleted since the compilation", () => {
    const source = join(copy, "src", "cli", "help.ts");
    writeFileSync(source, readFileSync(join(REPO, "src", "cli", "help.ts")));
    expect(help()).toContain("Usage (compiled):");
    rmSync(join(copy, "src", "tools", "bench-cli.ts"));
    expect(help()).not.toContain("Usage (compiled):");
  });

  it("the compiled one in a copy installed without its sources; a clear message when neither is there", () => {
    const bare = join(tmp, "bare");
    for (const p of ["bin", "dist", "package.json"]) cpSync(join(copy, p), join(bare, p), { recursive: true });
    symlinkSync(join(REPO, "node_modules"), join(bare, "node_modules"));
    const run = () => spawnSync(process.execPath, [join(bare, "bin", "khoi-thi-dua.js"), "--help", "--lang", "en"], { encoding: "utf8" });
    expect(run().stdout).toContain("Usage (compiled):");
    rmSync(join(bare, "dist"), { recursive: true });
    const r = run();
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^khoi-thi-dua: .*dist\/.*src\//u);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/u);
  });

  it("the modules when the compilation left the entry's bundle without the build's: npm test compiles again", () => {
    cpSync(join(REPO, "src", "tools", "bench-cli.ts"), join(copy, "src", "tools", "bench-cli.ts"));
    const compiled = () => spawnSync(process.execPath, [join(copy, "bin", "compiled.js")]).status;
    expect(compiled()).toBe(0);
    rmSync(join(copy, "dist", "cli", "commands.cjs"));
    expect(compiled()).toBe(1);
    // The marked help is in the entry's bundle, which is not run without the build's.
    expect(help()).toContain("Usage:");
    expect(help()).not.toContain("Usage (compiled):");
    const r = spawnSync(process.execPath, [join(copy, "bin", "khoi-thi-dua.js"), "validate", "--root", REPO], { encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
  });
});
