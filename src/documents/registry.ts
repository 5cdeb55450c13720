/**
 * The document types, in the order their documents are built and listed. Everything
 * specific to a type is in its entry (src/documents/<id>.ts); load, validate, model,
 * compose, the build's input tracking and the JSON Schema iterate over this list.
 * Adding a type: its entry here, its template, its data, its tests.
 */
import { bienBan } from "./bien-ban.ts";
import { dangKy } from "./dang-ky.ts";
import { giayMoi } from "./giay-moi.ts";
import { keHoach } from "./ke-hoach.ts";
import { soKet } from "./so-ket.ts";
import { toTrinh } from "./to-trinh.ts";
import { tongKet } from "./tong-ket.ts";
import type { DocType, PerUnitDocType, SingleDocType } from "./types.ts";

export const DOC_TYPES: readonly DocType[] = [keHoach, dangKy, soKet, tongKet, giayMoi, bienBan, toTrinh];

export const SINGLE_DOCS: readonly SingleDocType[] = DOC_TYPES.filter((t): t is SingleDocType => t.kind === "single");
export const PER_UNIT_DOCS: readonly PerUnitDocType[] = DOC_TYPES.filter((t): t is PerUnitDocType => t.kind === "per-unit");

/** data/<year>/<file>: the data file of a single document type. */
export function dataFileOf(t: SingleDocType): string {
  return `${t.id}.md`;
}

/** The single type whose data file this is (so-ket.md → so-ket). */
export function singleByDataFile(name: string): SingleDocType | undefined {
  return SINGLE_DOCS.find((t) => dataFileOf(t) === name);
}

/** The per-unit type whose folder this is (dang-ky). */
export function perUnitByFolder(name: string): PerUnitDocType | undefined {
  return PER_UNIT_DOCS.find((t) => t.id === name);
}

/** out/<year>/<stem>: a per-unit document's stem is its type's id, "-", the unit's id (dang-ky-so-y-te). */
export function unitStem(t: PerUnitDocType, unitId: string): string {
  return `${t.id}-${unitId}`;
}

/** The type a document's stem belongs to, and its unit for a per-unit type: the one place a stem is parsed. */
export function parseStem(stem: string): { type: DocType; unit?: string } | undefined {
  const single = SINGLE_DOCS.find((t) => t.stem === stem);
  if (single) return { type: single };
  for (const t of PER_UNIT_DOCS) if (stem.startsWith(`${t.id}-`)) return { type: t, unit: stem.slice(t.id.length + 1) };
  return undefined;
}

/** What `--only` matches in a stem: the unit's id for a per-unit document, else the stem. */
export function onlyName(stem: string): string {
  return parseStem(stem)?.unit ?? stem;
}
