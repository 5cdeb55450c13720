import { createHash } from "node:crypto";

export function sha256(data: Uint8Array | string): string {
  return createHash("sha256").update(data).digest("hex");
}

const FILE_HASHES = new WeakMap<Uint8Array, string>();

/**
 * sha256 of a file's bytes, computed once per buffer: for bytes that are never changed once made
 * (an output as rendered, a file as read). A build hashes each output where it plans the year's
 * outputs, stages it, records its results and keeps its PDF's parts: at 200 units, 0.3 s spent
 * hashing the same 60 MB four times over.
 */
export function fileSha256(bytes: Uint8Array): string {
  let h = FILE_HASHES.get(bytes);
  if (h === undefined) FILE_HASHES.set(bytes, (h = sha256(bytes)));
  return h;
}

/**
 * JSON with sorted object keys: the same value always gives the same text (and hash). The text
 * is JSON.stringify's of a copy whose objects have their keys sorted (integer keys first, in
 * numeric order, as a JavaScript object holds them; a Map prints as {}), written directly: a
 * build hashes every composed document and the year's facts, and copying each object to sort
 * it cost a 200-unit build 70 ms.
 */
export function stableJson(value: unknown): string {
  return write(value, "") as string;
}

const INDEX = /^(?:0|[1-9]\d*)$/;
const isIndex = (k: string) => INDEX.test(k) && Number(k) < 4294967295;

/** A key that may be an array index: it starts with a digit (most keys do not, and need no regular expression). */
const mayBeIndex = (k: string) => {
  const c = k.charCodeAt(0);
  return c >= 48 && c <= 57;
};

function sortedKeys(o: object): string[] {
  const keys = Object.keys(o);
  if (!keys.some(mayBeIndex)) return keys.sort();
  const indices = keys.filter(isIndex);
  if (!indices.length) return keys.sort();
  const names = keys.filter((k) => !isIndex(k)).sort();
  return [...indices.sort((a, b) => Number(a) - Number(b)), ...names];
}

function write(v: unknown, key: string): string | undefined {
  if (v !== null && v !== undefined && typeof (v as { toJSON?: unknown }).toJSON === "function") v = (v as { toJSON(k: string): unknown }).toJSON(key);
  switch (typeof v) {
    case "string":
      return JSON.stringify(v);
    case "number":
      return Number.isFinite(v) ? String(v) : "null";
    case "boolean":
      return v ? "true" : "false";
    case "bigint":
      return JSON.stringify(v); // throws, as JSON.stringify does
    case "object": {
      if (v === null) return "null";
      if (Array.isArray(v)) {
        let s = "[";
        for (let i = 0; i < v.length; i++) s += (i ? "," : "") + (write(v[i], String(i)) ?? "null");
        return s + "]";
      }
      let s = "{";
      let first = true;
      // A Map's own keys (it has none but what was set on it as an object) are not sorted.
      for (const k of v instanceof Map ? Object.keys(v) : sortedKeys(v)) {
        const x = write((v as Record<string, unknown>)[k], k);
        if (x === undefined) continue;
        s += (first ? "" : ",") + JSON.stringify(k) + ":" + x;
        first = false;
      }
      return s + "}";
    }
    default:
      return undefined;
  }
}
