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

/** JSON with sorted object keys: the same value always gives the same text (and hash). */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) && !(v instanceof Map) ? Object.fromEntries(Object.entries(v as object).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}
