/**
 * The registry of document types is handed down, not imported: src/pipeline.ts is the one
 * module that imports it, the stages take the list as an argument, and what the entries and
 * the stages share (src/documents/types.ts, keys.ts, stems.ts) imports no stage that imports
 * them back. No module of src/ is in an import circle at run time, and none through the
 * registry, its entries or their types.
 */
import { describe, expect, it } from "vitest";
import { circles, importGraph } from "./import-graph.ts";
import { REPO } from "../helpers/fixture-world.ts";

const graph = importGraph(REPO);
const importers = (target: string) => [...graph].filter(([, edges]) => edges.some((e) => e.to === target)).map(([from]) => from).sort();

describe("finding import circles", () => {
  it("finds a circle at run time, and one made only of type imports only when types are followed", () => {
    const g = new Map([
      ["a", [{ to: "b", typeOnly: false }]],
      ["b", [{ to: "a", typeOnly: false }, { to: "c", typeOnly: true }]],
      ["c", [{ to: "b", typeOnly: true }]],
    ]);
    expect(circles(g, (e) => !e.typeOnly)).toEqual([["a", "b"]]);
    expect(circles(g, () => true)).toEqual([["a", "b", "c"]]);
  });
});

describe("the import graph of src/", () => {
  it("has no circle of modules loaded at run time", () => {
    expect(circles(graph, (e) => !e.typeOnly)).toEqual([]);
  });

  it("has no circle, types included, through the document registry, its entries or their shared types", () => {
    expect(circles(graph, () => true).filter((c) => c.some((f) => f.startsWith("src/documents/")))).toEqual([]);
  });

  it("has the registry imported by src/pipeline.ts only, and each entry by the registry only", () => {
    expect(importers("src/documents/registry.ts")).toEqual(["src/pipeline.ts"]);
    const entries = [...graph.get("src/documents/registry.ts")!].map((e) => e.to).filter((f) => f !== "src/documents/types.ts");
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) expect(importers(entry), entry).toEqual(["src/documents/registry.ts"]);
  });
});
