/**
 * Golden files: expectGolden(name, actual) compares `actual` with
 * `__golden__/<name>` beside the running test file. With UPDATE=true in the
 * environment the file is (re)written instead and the check passes.
 * Line endings are normalised to "\n" on both sides.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { expect } from "vitest";

export function goldenPath(name: string): string {
  const testPath = expect.getState().testPath;
  if (!testPath) throw new Error("expectGolden must be called inside a running vitest test");
  return join(dirname(testPath), "__golden__", name);
}

export function expectGolden(name: string, actual: string): void {
  const file = goldenPath(name);
  const text = actual.replace(/\r\n/g, "\n");
  if (process.env["UPDATE"] === "true") {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    return;
  }
  if (!existsSync(file)) {
    throw new Error(`golden file ${file} is missing: run the tests with UPDATE=true to create it`);
  }
  expect(text, `golden file ${name}`).toBe(readFileSync(file, "utf8").replace(/\r\n/g, "\n"));
}
