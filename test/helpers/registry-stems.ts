/**
 * The documents a year's data makes, derived from the registry and the data folder: tests that
 * list or count them follow a type added or removed there, with no stem list of their own.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { DOC_TYPES } from "../../src/documents/registry.ts";
import { stemOf } from "../../src/documents/stems.ts";
import { REPO } from "./fixture-world.ts";

/**
 * In the registry's order: each single type's stem when data/<year>/<id>.md exists, each per-unit
 * type's for every unit with data/<year>/<id>/<unit>.yaml (in the order of `units`, else sorted).
 */
export function stemsOf(dataDir: string, year: number, units?: readonly string[]): string[] {
  const dir = join(dataDir, String(year));
  return DOC_TYPES.flatMap((t) => {
    if (t.kind === "single") return existsSync(join(dir, `${t.id}.md`)) ? [stemOf(t)] : [];
    const folder = join(dir, t.id);
    const present = existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith(".yaml")).map((f) => f.slice(0, -".yaml".length)) : [];
    const ordered = units ? units.filter((u) => present.includes(u)) : present.sort();
    return ordered.map((u) => stemOf(t, u));
  });
}

/** The example year's documents (data/2020). */
export function exampleStems(units?: readonly string[]): string[] {
  return stemsOf(join(REPO, "data"), 2020, units);
}

/** For each type with data in the example, the stem of one document: a sample of every type, the per-unit ones for `unit`. */
export function oneOfEach(unit: string): string[] {
  const all = exampleStems();
  return DOC_TYPES.flatMap((t) => (t.kind === "single" ? [stemOf(t)] : [stemOf(t, unit)])).filter((s) => all.includes(s));
}
