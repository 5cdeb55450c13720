/**
 * The documents a year's build makes, derived from the registry: tests that list or count them
 * follow a type added or removed there, with no stem list of their own.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { DOC_TYPES } from "../../src/documents/registry.ts";
import { stemOf } from "../../src/documents/stems.ts";
import { perUnitTypes, singleTypes } from "../../src/documents/types.ts";
import { REPO } from "./fixture-world.ts";

/** Every document's stem for a year with these member units, in the registry's order. */
export function yearStems(units: readonly string[]): string[] {
  return DOC_TYPES.flatMap((t) => (t.kind === "single" ? [stemOf(t)] : units.map((u) => stemOf(t, u))));
}

/** The stems of the documents issued once a year (not per unit), in the registry's order. */
export const SINGLE_STEMS: readonly string[] = singleTypes(DOC_TYPES).map((t) => stemOf(t));

/** For each per-unit type, the stem of one unit's document: a sample of every type for `unit`. */
export function oneOfEach(unit: string): string[] {
  return DOC_TYPES.flatMap((t) => (t.kind === "single" ? [stemOf(t)] : [stemOf(t, unit)]));
}

export { perUnitTypes };

/** The example year's documents: each single type's, and each per-unit type's for every unit with a data file in data/2020/<id>/. */
export function exampleStems(): string[] {
  const dir = join(REPO, "data", "2020");
  return DOC_TYPES.flatMap((t) => {
    if (t.kind === "single") return [stemOf(t)];
    const units = existsSync(join(dir, t.id)) ? readdirSync(join(dir, t.id)).filter((f) => f.endsWith(".yaml")).map((f) => f.slice(0, -".yaml".length)) : [];
    return units.sort().map((u) => stemOf(t, u));
  });
}
