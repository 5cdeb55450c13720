/**
 * What a province's workspace gives each of its blocs (tinh.yaml): defaults for the bloc's own
 * settings (the province's name, the place name of the date line, the parent body), which the
 * bloc's khoi.yaml overrides key by key; for the year the province is gathering, defaults for the
 * vote rules and the deadlines (under nam.yaml's own, key by key) and for the căn cứ lines of the
 * plan and the proposal (a document with can_cu of its own keeps them), and the day the bloc's
 * dossier is due at the province; and the legal bases its căn cứ lines are checked against.
 * A bloc's build records what it saw of it (src/write/up-to-date.ts provinceKey), so a change in
 * the province's file is seen by the next.
 */
import type { Basis } from "./legal-bases.ts";

export interface ProvinceYear {
  /** The year these apply to (tinh.yaml's nam): the bloc's data/<nam>/ only. */
  nam: number;
  binh_bau?: Record<string, unknown>;
  moc_thoi_gian?: Record<string, unknown>;
  /** Căn cứ lines by document type (ke-hoach, to-trinh), for a document that gives none. */
  can_cu?: Record<string, readonly string[]>;
  /** The day the province's office must have the bloc's proposal by (ISO). */
  han_ho_so?: string;
}

export interface ProvinceInput {
  defaults: { tinh?: string; dia_danh?: string; co_quan_chu_quan?: string | string[] };
  bases: readonly Basis[];
  year?: ProvinceYear;
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** khoi.yaml's value with the province's defaults under it: the bloc's own keys win. */
export function withDefaults(value: unknown, p: ProvinceInput | undefined): unknown {
  if (!p || !isRecord(value)) return value;
  const given = Object.fromEntries(Object.entries(p.defaults).filter(([, v]) => v !== undefined));
  return { ...given, ...value };
}

/** The province's year settings when `folder` (data/<year>/) is the year it gathers. */
export const provinceYearFor = (p: ProvinceInput | undefined, folder: string): ProvinceYear | undefined => (p?.year && String(p.year.nam) === folder ? p.year : undefined);

/**
 * nam.yaml's value with the province's vote rules and deadlines under it, key by key inside
 * binh_bau and moc_thoi_gian: a bloc that writes binh_bau.nguong keeps its own threshold and
 * takes the rest from the province. A value that is not a mapping is left for the schema to say.
 */
export function yearWithDefaults(value: unknown, y: ProvinceYear | undefined): unknown {
  if (!y || !isRecord(value)) return value;
  const out = { ...value };
  for (const key of ["binh_bau", "moc_thoi_gian"] as const) {
    const given = y[key];
    if (!given) continue;
    const own = value[key];
    if (own === undefined || own === null) out[key] = given;
    else if (isRecord(own)) out[key] = { ...given, ...own };
  }
  return out;
}

/** The keys (binh_bau.nguong, moc_thoi_gian.dang_ky...) yearWithDefaults takes from the province for this nam.yaml value. */
export function keysFromProvince(value: unknown, y: ProvinceYear | undefined): Set<string> {
  const out = new Set<string>();
  if (!y || !isRecord(value)) return out;
  for (const key of ["binh_bau", "moc_thoi_gian"] as const) {
    const own = value[key];
    if (own !== undefined && own !== null && !isRecord(own)) continue;
    for (const k of Object.keys(y[key] ?? {})) if (!isRecord(own) || !(k in own)) out.add(`${key}.${k}`);
  }
  return out;
}

/** A document's front matter with the province's căn cứ lines for its type when it has no can_cu key of its own. */
export function frontWithDefaults(typeId: string, value: unknown, y: ProvinceYear | undefined): unknown {
  const lines = y?.can_cu?.[typeId];
  if (!lines || !isRecord(value) || "can_cu" in value) return value;
  return { ...value, can_cu: [...lines] };
}
