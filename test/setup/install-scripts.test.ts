/**
 * A fresh `npm ci` prints no warning about install scripts (npm 11 asks for every dependency
 * that has one to be approved in package.json's allowScripts): each dependency the lock file
 * marks as having an install script is approved by name, and nothing else is.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO } from "../helpers/fixture-world.ts";

const json = (f: string) => JSON.parse(readFileSync(join(REPO, f), "utf8")) as Record<string, unknown>;

describe("install scripts", () => {
  it("are approved for exactly the dependencies that have one", () => {
    const lock = json("package-lock.json") as { packages: Record<string, { hasInstallScript?: boolean }> };
    const withScript = Object.entries(lock.packages)
      .filter(([path, p]) => path !== "" && p.hasInstallScript)
      .map(([path]) => path.slice(path.lastIndexOf("node_modules/") + "node_modules/".length))
      .sort();
    expect(withScript.length).toBeGreaterThan(0);
    const allowed = (json("package.json").allowScripts ?? {}) as Record<string, boolean>;
    expect(Object.keys(allowed).sort()).toEqual(withScript);
    for (const name of withScript) expect(allowed[name], name).toBe(true);
  });
});

describe("CI's optional tools", () => {
  it("include the croscore fonts, so the system-fonts comparison runs in CI instead of skipping", () => {
    const ci = readFileSync(join(REPO, ".ci", "run"), "utf8");
    expect(ci).toMatch(/need\+=\(fonts-croscore\)/u);
    expect(ci).toMatch(/need\+=\(fonts-liberation2\)/u);
  });
});
