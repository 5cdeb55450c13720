/** The values that differ between two plain documents, one line each: "tong_ket.diem.0.tu_cham: 20 → 22". */
export function changedValues(before: unknown, after: unknown): string[] {
  const a = leaves(before);
  const b = leaves(after);
  const out: string[] = [];
  for (const k of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(k);
    const y = b.get(k);
    if (x !== y) out.push(`${k}: ${x ?? "∅"} → ${y ?? "∅"}`);
  }
  return out;
}

function leaves(v: unknown, prefix = "", out = new Map<string, string>()): Map<string, string> {
  if (v !== null && typeof v === "object") {
    const entries = Array.isArray(v) ? v.map((x, i) => [String(i), x] as const) : Object.entries(v);
    if (entries.length === 0) out.set(prefix || "(gốc)", Array.isArray(v) ? "[]" : "{}");
    for (const [k, x] of entries) leaves(x, prefix ? `${prefix}.${k}` : k, out);
  } else if (v !== undefined) out.set(prefix || "(gốc)", JSON.stringify(v));
  return out;
}
