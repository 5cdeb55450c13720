/**
 * A document type's key: its id, and for the type checker the type of its data (its schema's
 * output). Documents are held by id; read through a key, a document's data comes out typed,
 * with no cast where it is read. The keys of the types other modules read live here, below the
 * stages; a type no other module reads makes its own with docKey in its entry.
 */
import type { DocSource } from "../model/types.ts";
import type { MinutesFront, PlanFront, ProposalFront, ReportFront } from "../schema/documents.ts";
import type { Registration } from "../schema/unit-files.ts";
import type { Located, MarkdownDoc } from "../validate/valid-types.ts";

export interface DocKey<T> {
  readonly id: string;
  /** Never set: carries T (a method, so that a key of any data is a DocKey<unknown>). */
  __data?(data: T): T;
}

/** The key of the type of this id; its data type is the entry's schema output it is given to. */
export function docKey<T>(id: string): DocKey<T> {
  return { id };
}

export const PLAN: DocKey<PlanFront> = docKey("ke-hoach");
export const REGISTRATION: DocKey<Registration> = docKey("dang-ky");
export const REPORT: DocKey<ReportFront> = docKey("tong-ket");
export const MINUTES: DocKey<MinutesFront> = docKey("bien-ban");
export const PROPOSAL: DocKey<ProposalFront> = docKey("to-trinh");

/** data/<year>/<file>: the data file of a single document type. */
export function dataFileOf(t: { readonly id: string }): string {
  return `${t.id}.md`;
}

/** The year's data file of a single type, validated (ValidYear.docs) or in the model (YearModel.docs). */
export function docOf<T>(docs: ReadonlyMap<string, MarkdownDoc<unknown>>, key: DocKey<T>): MarkdownDoc<T> | undefined;
export function docOf<T>(docs: ReadonlyMap<string, DocSource<unknown>>, key: DocKey<T>): DocSource<T> | undefined;
export function docOf<T>(docs: ReadonlyMap<string, unknown>, key: DocKey<T>): unknown {
  return docs.get(key.id);
}

/** The files of a per-unit type by unit, validated (ValidYear.unitDocs) or in the model (YearModel.unitDocs). */
export function unitDocsOf<T>(docs: ReadonlyMap<string, ReadonlyMap<string, Located<unknown>>>, key: DocKey<T>): ReadonlyMap<string, Located<T>>;
export function unitDocsOf<T>(docs: ReadonlyMap<string, ReadonlyMap<string, DocSource<unknown>>>, key: DocKey<T>): ReadonlyMap<string, DocSource<T>>;
export function unitDocsOf<T>(docs: ReadonlyMap<string, ReadonlyMap<string, unknown>>, key: DocKey<T>): unknown {
  return docs.get(key.id) ?? new Map();
}
