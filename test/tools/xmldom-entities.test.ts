/**
 * xmldom's entities module as the engine's bundle has it (src/tools/xmldom-entities.ts): the same
 * tables as the real module, HTML's loaded from it only when first asked for.
 */
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { expect, it } from "vitest";
import { xmldomEntities } from "../../src/tools/xmldom-entities.ts";

const require = createRequire(import.meta.url);
const REAL = require.resolve("@xmldom/xmldom/lib/entities.js");

it("has XML's entities as the real module, frozen, and loads HTML's from the real module when asked", () => {
  const real = require(REAL) as Record<string, Record<string, string>>;
  const loaded: string[] = [];
  const own = (spec: string) => {
    const path = spec.startsWith(".") ? require.resolve(`${dirname(REAL)}/${spec}`) : spec;
    loaded.push(path);
    return require(path) as unknown;
  };
  const exports: Record<string, Record<string, string>> = {};
  new Function("require", "exports", xmldomEntities(REAL))(own, exports);
  expect(exports.XML_ENTITIES).toStrictEqual(real.XML_ENTITIES);
  expect(Object.isFrozen(exports.XML_ENTITIES)).toBe(true);
  expect(loaded).not.toContain(REAL);
  expect(Object.keys(exports)).toEqual(Object.keys(real));
  expect(exports.HTML_ENTITIES).toBe(real.HTML_ENTITIES);
  expect(exports.entityMap).toBe(real.entityMap);
  expect(loaded).toContain(REAL);
  expect(Object.keys(real.HTML_ENTITIES!).length).toBeGreaterThan(2000);
});
