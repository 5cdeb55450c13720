import type { Path } from "../load/yaml-source.ts";
import { fieldPath } from "../validate/field-path.ts";

/**
 * The values that differ between two plain documents, one line each, the field named as in
 * validation messages (fieldPath): "tong_ket.diem[tc01].tu_cham: 20 → 22".
 */
export function changedValues(before: unknown, after: unknown): string[] {
  const a = leaves(before);
  const b = leaves(after);
  const out: string[] = [];
  for (const [k, { path }] of new Map([...a, ...b])) {
    const x = a.get(k)?.value;
    const y = b.get(k)?.value;
    // An empty list or map added or removed holds no value: not a change the secretary needs to see.
    if (x === undefined && (y === "[]" || y === "{}")) continue;
    if (y === undefined && (x === "[]" || x === "{}")) continue;
    if (x !== y) out.push(`${fieldPath(path, b.has(k) ? after : before)}: ${x ?? "∅"} → ${y ?? "∅"}`);
  }
  return out;
}

type Leaf = { path: Path; value: string };

function leaves(v: unknown, path: Path = [], out = new Map<string, Leaf>()): Map<string, Leaf> {
  const key = path.join("\u0000");
  if (v !== null && typeof v === "object") {
    const entries: [string | number, unknown][] = Array.isArray(v) ? v.map((x, i) => [i, x]) : Object.entries(v);
    if (entries.length === 0) out.set(key, { path, value: Array.isArray(v) ? "[]" : "{}" });
    for (const [k, x] of entries) leaves(x, [...path, k], out);
  } else if (v !== undefined) out.set(key, { path, value: JSON.stringify(v) });
  return out;
}
