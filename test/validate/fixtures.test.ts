import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../src/diagnostics/format.ts";
import { checkProject } from "../../src/pipeline.ts";
import { FIXTURES, fixtureWorld } from "../helpers/fixture-world.ts";

/** Each folder under fixtures/errors overlays the minimal project and lists the diagnostics it must give. */
describe("error fixtures", () => {
  const dir = join(FIXTURES, "errors");
  for (const name of readdirSync(dir).sort()) {
    it(name, async () => {
      const expected = readFileSync(join(dir, name, "expected.txt"), "utf8").trim().split("\n").sort();
      const { diagnostics } = await checkProject(fixtureWorld(`errors/${name}`));
      const actual = diagnostics.map((d) => `${d.severity} ${d.pos.file}:${d.pos.line}:${d.pos.column} ${d.code}`).sort();
      expect(actual).toEqual(expected);
      for (const d of diagnostics) {
        for (const lang of ["vi", "en"] as const) {
          const text = formatDiagnostic(d, lang);
          expect(text).not.toMatch(/undefined|\{\w+\}/);
          expect(text).toContain("→");
        }
      }
    });
  }
});

describe("minimal project", () => {
  it("validates without diagnostics", async () => {
    const { diagnostics, models } = await checkProject(fixtureWorld());
    expect(diagnostics).toEqual([]);
    expect(models).toHaveLength(1);
  });
});
