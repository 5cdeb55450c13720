/**
 * stableJson writes the text that JSON.stringify gives with a replacer sorting every object's
 * keys (the definition it replaced, kept here as the reference): content hashes in manifests
 * written before stay the same.
 */
import { describe, expect, it } from "vitest";
import { stableJson } from "../../src/write/hash.ts";
import { builtExample } from "../helpers/shared-example.ts";
import { checkProject } from "../../src/pipeline.ts";

const reference = (value: unknown): string =>
  JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) && !(v instanceof Map) ? Object.fromEntries(Object.entries(v as object).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );

/** A small deterministic generator of nested values: every kind JSON.stringify treats apart. */
function values(seed: number, n: number): unknown[] {
  let x = seed;
  const rnd = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
  const keys = ["b", "a", "10", "2", "0", "ä", "Ư", "a b", "\"q\"", "z", "-1", "01", "4294967295", "4294967294", "__proto__x"];
  const leaf = (): unknown => {
    const r = rnd();
    if (r < 0.1) return undefined;
    if (r < 0.2) return null;
    if (r < 0.3) return rnd() < 0.5;
    if (r < 0.45) return [0, -0, 1.5, 1e21, 1e-7, NaN, Infinity, -3][Math.floor(rnd() * 8)];
    if (r < 0.6) return ["", "x", "Việt\nNam", "\u2028", "\ud800", "tab\t"][Math.floor(rnd() * 6)];
    if (r < 0.65) return () => 1;
    if (r < 0.7) return new Date(Date.UTC(2020, 0, 1 + Math.floor(rnd() * 300)));
    if (r < 0.75) return new Map([["k", 1]]);
    return 7;
  };
  const make = (depth: number): unknown => {
    if (depth > 3 || rnd() < 0.3) return leaf();
    if (rnd() < 0.4) return Array.from({ length: Math.floor(rnd() * 4) }, () => make(depth + 1));
    const o: Record<string, unknown> = {};
    for (let i = Math.floor(rnd() * 6); i > 0; i--) o[keys[Math.floor(rnd() * keys.length)]!] = make(depth + 1);
    return o;
  };
  return Array.from({ length: n }, () => make(0));
}

describe("stableJson", () => {
  it("gives the reference's text for every kind of value", () => {
    for (const v of values(42, 2000)) expect(stableJson(v)).toBe(reference(v));
    expect(stableJson({ b: 1, 10: 2, 2: 3, a: { y: [undefined, () => 0], x: null } })).toBe('{"2":3,"10":2,"a":{"x":null,"y":[null,null]},"b":1}');
    // toJSON on anything that has it (a function, a class), sparse arrays, typed arrays, __proto__ as an own key
    const withToJson = Object.assign(() => 1, { toJSON: () => ({ b: 1, a: 2 }) });
    class Named {
      static toJSON() {
        return { k: "C" };
      }
    }
    // eslint-disable-next-line no-sparse-arrays
    for (const v of [{ a: withToJson }, withToJson, { c: Named }, [1, , 3], new Uint8Array([3, 1]), JSON.parse('{"__proto__":{"b":1,"a":2}}'), Object.create(null)])
      expect(stableJson(v)).toBe(reference(v));
  });

  it("gives the reference's text for every composed document of the example and how it is issued", async () => {
    const { world } = await builtExample();
    const checked = await checkProject(world);
    expect(checked.documents.length).toBeGreaterThan(10);
    for (const d of checked.documents) expect(stableJson(d.doc)).toBe(reference(d.doc));
    for (const d of checked.documents) expect(stableJson(d.issue)).toBe(reference(d.issue));
  });
});
