import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../src/diagnostics/format.ts";
import { checkProject } from "../../src/pipeline.ts";
import { fixtureWorld } from "../helpers/fixture-world.ts";

/** x.yaml next to x.yml: one of them used to win silently. */
describe("two files for the same data", () => {
  it("names both files, in Vietnamese and in English", async () => {
    const { diagnostics } = await checkProject(fixtureWorld("errors/duplicate-data-files"));
    const dup = diagnostics.filter((d) => d.code === "file/duplicate");
    expect(dup.map((d) => [d.params.first, d.params.second])).toEqual([
      ["data/2020/dang-ky/don-vi-a.yaml", "data/2020/dang-ky/don-vi-a.yml"],
      ["data/2020/ket-qua/don-vi-b.yaml", "data/2020/ket-qua/don-vi-b.yml"],
      ["data/2020/nam.yaml", "data/2020/nam.yml"],
      ["data/khoi.yaml", "data/khoi.yml"],
    ]);
    for (const d of dup)
      for (const lang of ["vi", "en"] as const) {
        const text = formatDiagnostic(d, lang);
        expect(text).toContain(String(d.params.first));
        expect(text).toContain(String(d.params.second));
      }
  });

  it("still reads a lone .yml unit file", async () => {
    const world = fixtureWorld(undefined, {});
    const yaml = await world.readFile("data/2020/dang-ky/don-vi-a.yaml");
    await world.removeFile("data/2020/dang-ky/don-vi-a.yaml");
    await world.writeFileAtomic("data/2020/dang-ky/don-vi-a.yml", yaml!);
    const { diagnostics, models } = await checkProject(world);
    expect(diagnostics).toEqual([]);
    expect(models[0]!.units.find((u) => u.id === "don-vi-a")).toBeDefined();
  });
});
