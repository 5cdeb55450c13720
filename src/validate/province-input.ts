/**
 * What a province's workspace gives each of its blocs (tinh.yaml): defaults for the bloc's own
 * settings (the province's name, the place name of the date line, the parent body), which the
 * bloc's khoi.yaml overrides key by key, and the legal bases its căn cứ lines are checked against.
 * A bloc's build records what it saw of it (src/write/up-to-date.ts provinceKey), so a change in
 * the province's file is seen by the next.
 */
import type { Basis } from "./legal-bases.ts";

export interface ProvinceInput {
  defaults: { tinh?: string; dia_danh?: string; co_quan_chu_quan?: string | string[] };
  bases: readonly Basis[];
}

/** khoi.yaml's value with the province's defaults under it: the bloc's own keys win. */
export function withDefaults(value: unknown, p: ProvinceInput | undefined): unknown {
  if (!p || value === null || typeof value !== "object" || Array.isArray(value)) return value;
  const given = Object.fromEntries(Object.entries(p.defaults).filter(([, v]) => v !== undefined));
  return { ...given, ...(value as Record<string, unknown>) };
}
