/** No runtime import cycle in src/ (type-only imports aside): a cycle makes module order matter and hides a layering mistake. */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO } from "../helpers/fixture-world.ts";

function runtimeImports(root: string): Map<string, string[]> {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) e.isDirectory() ? walk(join(d, e.name)) : e.name.endsWith(".ts") && files.push(join(d, e.name));
  };
  walk(root);
  const graph = new Map<string, string[]>();
  for (const f of files) {
    const deps: string[] = [];
    for (const m of readFileSync(f, "utf8").matchAll(/^(?:import|export)\s+(?!type\b)([^;]*?)\s+from\s+"(\.[^"]+)"/gms)) {
      const names = m[1]!.trim();
      // import { type A, type B } from "...": erased like import type.
      if (/^\{[^}]*\}$/s.test(names) && names.slice(1, -1).split(",").every((x) => x.trim() === "" || x.trim().startsWith("type "))) continue;
      deps.push(resolve(dirname(f), m[2]!));
    }
    graph.set(resolve(f), deps);
  }
  return graph;
}

function cycles(root: string): string[] {
  const graph = runtimeImports(root);
  const seen = new Set<string>();
  const onStack: string[] = [];
  const found: string[] = [];
  const visit = (n: string) => {
    seen.add(n);
    onStack.push(n);
    for (const d of graph.get(n) ?? []) {
      const at = onStack.indexOf(d);
      if (at >= 0) found.push([...onStack.slice(at), d].map((x) => relative(root, x)).join(" -> "));
      else if (!seen.has(d)) visit(d);
    }
    onStack.pop();
  };
  for (const n of graph.keys()) if (!seen.has(n)) visit(n);
  return found;
}

describe("the modules of src/", () => {
  it("import one another without a runtime cycle", () => {
    expect(cycles(join(REPO, "src"))).toEqual([]);
  });
});
