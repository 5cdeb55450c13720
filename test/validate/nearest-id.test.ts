/** A misspelt unit's file name, unit id, criterion or award: the choices listed with the nearest first. */
import { describe, expect, it } from "vitest";
import { checkProject } from "../../src/pipeline.ts";
import { exampleWorld } from "../helpers/example.ts";

describe("a misspelt id", () => {
  it("a unit's file named so-yte.yaml lists so-y-te first", async () => {
    const world = exampleWorld();
    const bytes = world.files.get("data/2020/ket-qua/so-y-te.yaml")!;
    world.files.delete("data/2020/ket-qua/so-y-te.yaml");
    world.files.set("data/2020/ket-qua/so-yte.yaml", bytes);
    const d = (await checkProject(world)).diagnostics.find((x) => x.code === "ref/unit-file");
    expect(String(d?.params.known).split(", ")[0]).toBe("so-y-te");
  });

  it("a criterion written tc3 lists tc03 first", async () => {
    const world = exampleWorld();
    const file = "data/2020/ket-qua/so-y-te.yaml";
    world.files.set(file, new TextEncoder().encode(new TextDecoder().decode(world.files.get(file)!).replace("tieu_chi: tc03", "tieu_chi: tc3")));
    const d = (await checkProject(world)).diagnostics.find((x) => x.code === "ref/unknown-criterion");
    expect(String(d?.params.known).split(", ")[0]).toBe("tc03");
  });
});
