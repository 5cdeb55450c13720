/**
 * A document's file name under out/<year>/: computed once, when it is composed, from its type
 * and unit, which travel with it (ComposedDocument): nothing reads them back from it.
 */
import type { DocType, PerUnitDocType, SingleDocType } from "./types.ts";

/** out/<year>/<stem>: a single document's is its type's stem; a per-unit document's is its type's id, "-", the unit's id (dang-ky-so-y-te). */
export function stemOf(t: SingleDocType): string;
export function stemOf(t: PerUnitDocType, unitId: string): string;
export function stemOf(t: DocType, unitId?: string): string {
  return t.kind === "single" ? t.stem : `${t.id}-${unitId}`;
}
