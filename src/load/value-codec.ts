/**
 * A parsed YAML value (objects, arrays, strings, numbers, booleans, null) as JSON
 * that reads back to an equal value: the numbers JSON cannot write (.nan, .inf,
 * -.inf, -0) and every key (__proto__ too, in its order) come back as they were.
 * Every array and object is tagged, so no text of the data can pass for a tag.
 *
 *   ["a", item...]      an array
 *   ["o", key, value...] an object
 *   ["n", "NaN"]        a number JSON cannot write
 *
 * An object reached twice (a YAML alias) is written twice: it reads back equal, as a
 * copy. encodeValue returns undefined for a value it cannot carry (another kind of
 * object, an object inside itself, or more than MAX_NODES nodes once aliases are
 * written out): such a file is not cached.
 */
export function encodeValue(value: unknown): unknown {
  const onPath = new Set<object>();
  let nodes = 0;
  const enc = (v: unknown): unknown => {
    if (++nodes > MAX_NODES) throw new Unencodable();
    if (v === null || typeof v === "string" || typeof v === "boolean") return v;
    if (typeof v === "number") return Number.isFinite(v) && !Object.is(v, -0) ? v : ["n", Object.is(v, -0) ? "-0" : String(v)];
    if (typeof v !== "object") throw new Unencodable();
    // decodeValue reads 64 levels at most.
    if (onPath.has(v) || onPath.size >= 64) throw new Unencodable();
    onPath.add(v);
    const out = encObject(v);
    onPath.delete(v);
    return out;
  };
  const encObject = (v: object): unknown => {
    if (Array.isArray(v)) {
      if (Object.getPrototypeOf(v) !== Array.prototype) throw new Unencodable();
      const out: unknown[] = ["a"];
      for (let i = 0; i < v.length; i++) {
        if (!(i in v)) throw new Unencodable();
        out.push(enc(v[i]));
      }
      return out;
    }
    if (Object.getPrototypeOf(v) !== Object.prototype || Object.getOwnPropertySymbols(v).length) throw new Unencodable();
    const out: unknown[] = ["o"];
    for (const key of Object.getOwnPropertyNames(v)) {
      const d = Object.getOwnPropertyDescriptor(v, key)!;
      if (!("value" in d) || !d.enumerable) throw new Unencodable();
      out.push(key, enc(d.value));
    }
    return out;
  };
  try {
    return enc(value);
  } catch (err) {
    if (err instanceof Unencodable) return undefined;
    throw err;
  }
}

/** The value encodeValue encoded; throws on anything that is not such an encoding (a damaged or foreign cache). */
export function decodeValue(x: unknown, depth = 0): unknown {
  if (x === null || typeof x === "string" || typeof x === "boolean") return x;
  if (typeof x === "number") {
    if (!Number.isFinite(x)) throw new Error("cached value: bad number");
    return x;
  }
  if (!Array.isArray(x) || depth > 64) throw new Error("cached value: bad shape");
  const tag = x[0];
  if (tag === "a") return x.slice(1).map((item) => decodeValue(item, depth + 1));
  if (tag === "o") {
    if (x.length % 2 !== 1) throw new Error("cached value: bad object");
    const obj: Record<string, unknown> = {};
    for (let i = 1; i < x.length; i += 2) {
      const key = x[i];
      if (typeof key !== "string" || Object.prototype.hasOwnProperty.call(obj, key)) throw new Error("cached value: bad key");
      const value = decodeValue(x[i + 1], depth + 1);
      // As the YAML parser does: __proto__ is a key like any other, never the object's prototype.
      if (key === "__proto__") Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
      else obj[key] = value;
    }
    return obj;
  }
  if (tag === "n" && x.length === 2 && SPECIAL.has(x[1])) return SPECIAL.get(x[1]);
  throw new Error("cached value: bad tag");
}

const SPECIAL = new Map<unknown, number>([
  ["NaN", NaN],
  ["Infinity", Infinity],
  ["-Infinity", -Infinity],
  ["-0", -0],
]);

class Unencodable extends Error {}

/** Far more than a data file of the largest size (LIMITS.maxFileBytes) holds without aliases. */
const MAX_NODES = 200_000;
