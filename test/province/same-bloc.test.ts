/**
 * One bloc under two names (a folder khoi/k8 holding Khối 8, and Khối 8's file received again as
 * ket-qua/2020/k9.json, or named by khoi_noi_khac under another id) is merged once, and said.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Diagnostics } from "../../src/diagnostics/diagnostic.ts";
import { memoryWorld } from "../../src/io/memory-world.ts";
import { provinceView } from "../../src/province/province-view.ts";
import { gatherResults } from "../../src/province/received.ts";

const k8 = readFileSync("out/2020/ket-qua-2020.json");
const settings = { tinh: "Trà Vinh", nam: 2020 } as Parameters<typeof gatherResults>[2];

describe("one bloc under two names", () => {
  it("is merged once, and the second file is an error naming the first", async () => {
    const world = memoryWorld({ "khoi/k8/out/2020/ket-qua-2020.json": k8, "ket-qua/2020/k9.json": k8 });
    const diags = new Diagnostics();
    const got = await gatherResults(world, [{ id: "k8", dir: "khoi/k8" }], settings, diags);
    expect(got.map((b) => b.id)).toEqual(["k8"]);
    expect(diags.items.map((d) => [d.code, d.pos.file])).toEqual([["tinh/same-bloc", "ket-qua/2020/k9.json"]]);
  });

  it("is not also listed as a bloc that has sent nothing", async () => {
    const world = memoryWorld({ "khoi/k8/out/2020/ket-qua-2020.json": k8, "ket-qua/2020/k9.json": k8 });
    const diags = new Diagnostics();
    const view = await provinceView(world, [{ id: "k8", dir: "khoi/k8" }], { ...settings, khoi: ["k8", "k9", "k10"] }, diags);
    expect(view.khoi.map((b) => b.ma)).toEqual(["k8"]);
    expect(view.chua_gui).toEqual(["k10"]);
  });
});
