import { OrganId, TypeCode } from "./bloc.ts";
import { z } from "zod";
import { FORMAT_VI } from "../diagnostics/catalogue.ts";
import type { RawProject } from "../load/project.ts";
import { Id, IsoDate, IsoMonth, NOT_FILING_PATTERN, POINTS_KEY, REF_KEY, TimeOfDay, type RefKind } from "./common.ts";
import { guard, vietnameseKeywords } from "./editor-messages.ts";

/**
 * What the editor (VS Code's YAML extension, redhat.vscode-yaml) gets beyond the zod schemas:
 * the project's own ids where a field refers to a unit, a criterion or an award (an `enum` it
 * offers while typing, with the unit's or criterion's name beside each id), and Vietnamese
 * texts for its errors. The YAML language server reads `errorMessage` (wrong type, value not
 * in the enum) and `patternErrorMessage` (text not matching the pattern), and shows
 * `description` on hover and `enumDescriptions` in completion; the checks it words in English
 * whatever the schema says are reworded through editor-messages.ts. Points given for a
 * criterion are bounded by that criterion's diem_toi_da.
 */
export interface Named {
  id: string;
  name: string;
  /** A criterion's diem_toi_da (the largest, when the years differ). */
  max?: number;
}

export type ProjectIds = Record<RefKind, Named[]>;

export const NO_IDS: ProjectIds = { unit: [], criterion: [], award: [] };

/**
 * The ids of the project as its files hold them, read leniently (a file with errors gives
 * what it can): units of data/khoi.yaml in their order; criteria and awards of every year's
 * nam.yaml, the union over the years (one schema serves data/<year>/ of every year), each id
 * once, in the order of the years then of the file. A criterion id meaning different things
 * in different years has each year's text in its description.
 */
export function projectIds(raw: RawProject): ProjectIds {
  const units = new Map<string, Use[]>();
  for (const u of list(field(raw.bloc?.value, "don_vi"))) add(units, field(u, "ma"), field(u, "ten"));
  const criteria = new Map<string, Use[]>();
  const awards = new Map<string, Use[]>();
  const maxima = new Map<string, number>();
  const years = [...raw.years].sort((a, b) => (a.folder < b.folder ? -1 : a.folder > b.folder ? 1 : 0));
  for (const y of years) {
    const nam = y.nam?.value;
    for (const c of list(field(nam, "tieu_chi"))) {
      add(criteria, field(c, "ma"), field(c, "noi_dung"), y.folder);
      const [id, max] = [field(c, "ma"), field(c, "diem_toi_da")];
      if (typeof id === "string" && typeof max === "number" && Number.isFinite(max) && max >= 0) maxima.set(id, Math.max(max, maxima.get(id) ?? 0));
    }
    for (const a of list(field(field(nam, "binh_bau"), "danh_hieu"))) add(awards, field(a, "ma"), field(a, "ten"), y.folder);
  }
  return { unit: named(units), criterion: named(criteria).map((c) => (maxima.has(c.id) ? { ...c, max: maxima.get(c.id)! } : c)), award: named(awards) };
}

/** The zod schema's JSON Schema for the editor: refs become the project's ids, errors get Vietnamese texts. */
export function editorSchema(schema: z.ZodType, ids: ProjectIds): object {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });
  enrich(json, ids);
  return json;
}

const WHAT: Record<RefKind, string> = {
  unit: "Mã đơn vị không có trong data/khoi.yaml",
  criterion: "Mã tiêu chí không có trong nam.yaml",
  award: "Mã hình thức khen thưởng không có trong nam.yaml",
};

/** Patterns of the schemas, by the kind of format rule they stand for (FORMAT_VI). */
const PATTERN_KINDS = new Map<string, string>([
  ...([
    [Id, "id"],
    [IsoDate, "date"],
    [IsoMonth, "month"],
    [TimeOfDay, "time"],
  ] as const).map(([s, kind]): [string, string] => [String((z.toJSONSchema(s) as { pattern?: string }).pattern), kind]),
  // The bloc's and the units' codes (src/schema/bloc.ts) and the vote threshold (src/schema/year.ts).
  ["^[A-ZĐ0-9]+$", "code"],
  ["^\\d+\\/\\d+$", "fraction"],
  // A Nơi nhận item (src/schema/common.ts): the "Lưu" line is written from luu.
  [NOT_FILING_PATTERN.source, "filing"],
  // A type code in ma_loai_van_ban (src/schema/bloc.ts TypeCode).
  [String((z.toJSONSchema(TypeCode) as { pattern?: string }).pattern), "type-code"],
  // An agency's electronic id (src/schema/bloc.ts OrganId).
  [String((z.toJSONSchema(OrganId) as { pattern?: string }).pattern), "organ-id"],
]);

const TYPE_ERRORS: Record<string, string> = {
  number: "Cần một số, viết không có dấu ngoặc kép; số thập phân dùng dấu chấm, ví dụ: 9.5",
  integer: "Cần một số nguyên, viết không có dấu ngoặc kép, ví dụ: 10",
  boolean: "Cần true (đúng) hoặc false (sai)",
  string: "Cần một chuỗi (văn bản); số hay ngày muốn giữ như chữ thì đặt trong dấu ngoặc kép",
  array: "Cần một danh sách: mỗi mục một dòng bắt đầu bằng “- ”, hoặc [mục 1, mục 2]",
};

function enrich(node: unknown, ids: ProjectIds): void {
  if (Array.isArray(node)) {
    for (const item of node) enrich(item, ids);
    return;
  }
  if (typeof node !== "object" || node === null) return;
  const n = node as Record<string, unknown>;
  const ref = n[REF_KEY] as RefKind | undefined;
  if (ref !== undefined) {
    delete n[REF_KEY];
    const known = ids[ref];
    if (known.length) {
      n.enum = known.map((k) => k.id);
      n.enumDescriptions = known.map((k) => k.name);
      n.errorMessage = `${WHAT[ref]}; dùng một trong: ${known.map((k) => k.id).join(", ")}`;
    }
  } else if (Array.isArray(n.enum) && n.type === "string") {
    n.errorMessage = `Chỉ chấp nhận: ${n.enum.join(", ")}`;
  } else if (typeof n.type === "string" && n.type in TYPE_ERRORS) {
    n.errorMessage = TYPE_ERRORS[n.type];
  }
  if (typeof n.pattern === "string") {
    const kind = PATTERN_KINDS.get(n.pattern);
    if (kind && FORMAT_VI[kind]) n.patternErrorMessage = capitalize(FORMAT_VI[kind]!);
  }
  const bounded = criterionBounds(n, ids);
  for (const [k, v] of Object.entries(n)) if (k !== "enum" && k !== "enumDescriptions") enrich(v, ids);
  // After the children: the parts added here are not reworded again.
  vietnameseKeywords(n);
  if (bounded.length) n.allOf = [...(Array.isArray(n.allOf) ? n.allOf : []), ...bounded];
}

/**
 * An object with a criterion's id and points for it: for each criterion of the project with a
 * diem_toi_da, the points may not pass it (`if` the id is that criterion, `then` each points
 * field is bounded, with a message naming the criterion). The points fields lose their marker.
 */
function criterionBounds(n: Record<string, unknown>, ids: ProjectIds): Record<string, unknown>[] {
  const props = n.properties as Record<string, Record<string, unknown>> | undefined;
  if (typeof props !== "object" || props === null) return [];
  const points = Object.keys(props).filter((k) => props[k]?.[POINTS_KEY]);
  for (const k of points) delete props[k]![POINTS_KEY];
  const key = Object.keys(props).find((k) => props[k]?.[REF_KEY] === "criterion");
  if (!key || !points.length) return [];
  return ids.criterion
    .filter((c) => c.max !== undefined)
    .map((c) => ({
      if: { properties: { [key]: { const: c.id } }, required: [key] },
      // The field's own type beside the bound: the editor merges this with the field's schema when it completes a value.
      then: { properties: Object.fromEntries(points.map((p) => [p, { type: props[p]!.type, errorMessage: TYPE_ERRORS[String(props[p]!.type)], ...guard({ maximum: c.max }, `Vượt điểm tối đa: tiêu chí ${c.id} có điểm tối đa ${String(c.max).replace(".", ",")} (diem_toi_da trong nam.yaml)`) }])) },
    }));
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function field(x: unknown, key: string): unknown {
  return typeof x === "object" && x !== null && !Array.isArray(x) ? (x as Record<string, unknown>)[key] : undefined;
}

function list(x: unknown): unknown[] {
  return Array.isArray(x) ? x : [];
}

/** One use of an id: the year's folder (none for the bloc's units) and its name there. */
type Use = { year?: string; text: string };

/** One more use of an id (ignored unless it is a well-formed id), with its name in that year. */
function add(into: Map<string, Use[]>, id: unknown, name: unknown, year?: string): void {
  if (typeof id !== "string" || !Id.safeParse(id).success) return;
  const text = typeof name === "string" ? name.trim() : "";
  into.set(id, [...(into.get(id) ?? []), year === undefined ? { text } : { year, text }]);
}

function named(m: Map<string, Use[]>): Named[] {
  return [...m].map(([id, uses]) => {
    const distinct = [...new Set(uses.map((u) => u.text))];
    // One text in every year: the text; otherwise each year's ("2020: …; 2021: …").
    const name = distinct.length <= 1 ? (distinct[0] ?? "") : uses.map((u) => (u.year === undefined ? u.text : `${u.year}: ${u.text}`)).join("; ");
    return { id, name };
  });
}
