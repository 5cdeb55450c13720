/** The synthetic bloc of the benchmarks (src/tools/synthetic.ts): written as a secretary writes a bloc's file, so that it is read as one is. */
import { describe, expect, it } from "vitest";
import { readPlainYaml } from "../../src/load/plain-yaml.ts";
import { exampleFiles, syntheticWorld } from "../../src/tools/synthetic.ts";
import { REPO } from "../helpers/fixture-world.ts";

describe("the synthetic bloc", () => {
  it("writes each cloned unit out whole: no YAML anchor or alias, read by the plain reader like the example's own file", () => {
    const world = syntheticWorld(exampleFiles(REPO), 30);
    const text = new TextDecoder().decode(world.files.get("data/khoi.yaml")!);
    expect(text).not.toMatch(/[&*]a\d/);
    const read = readPlainYaml(text);
    expect(read).toBeDefined();
    const units = (read!.value as { don_vi: { ma: string; thu_truong: unknown }[] }).don_vi;
    expect(units).toHaveLength(30);
    expect(new Set(units.map((u) => u.ma)).size).toBe(30);
    expect(units[12]!.thu_truong).toEqual(units[2]!.thu_truong);
    expect(world.files.has("data/2020/dang-ky/unit-30.yaml")).toBe(true);
  });
});
