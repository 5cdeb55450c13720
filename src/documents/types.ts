import type { z } from "zod";
import type { Diagnostics } from "../diagnostics/diagnostic.ts";
import type { AdminDocument, SignatureBlock } from "../document/model.ts";
import type { Template, TemplateKey } from "../compose/template-file.ts";
import type { Origin } from "../compose/origins.ts";
import type { DocSource, UnitInfo, YearModel } from "../model/types.ts";
import type { Stage } from "../validate/check-dates.ts";
import type { Located, MarkdownDoc } from "../validate/valid-types.ts";
import type { YearContext } from "../validate/year-context.ts";
import { docKey, type DocKey } from "./keys.ts";


/** A composed document and where its text comes from. */
export interface Composed {
  doc: AdminDocument;
  origins: Origin[];
}

/** What a document type's compose step is given. */
export interface ComposeInput<F> {
  m: YearModel;
  template: Template;
  /** The year's template context (yearContext plus the plan's reference). */
  ctx: Record<string, unknown>;
  diags: Diagnostics;
  /** The document's data file: front matter and body. */
  data: DocSource<F>;
  /** Its outputs' name under out/<year>/ (see registry.ts). */
  stem: string;
  /** Its type code in the number line, from khoi.yaml (KH, BC...). */
  typeCode: string;
}

/** What every document type declares. */
interface DocTypeBase<S extends z.ZodType> {
  /** The one name of the type: its data file's base name (ke-hoach, so-ket, dang-ky...); its key's id. */
  id: string;
  /** Its key: other modules read its data through it (src/documents/keys.ts), typed by its schema. */
  key: DocKey<z.output<S>>;
  /** templates/<template>.md */
  template: string;
  /**
   * The keys of the template's front matter the type obeys (default: all, Kính gửi included:
   * ADDRESSED_TEMPLATE_KEYS); another key there is an error naming it (compose/front-parts.ts).
   */
  templateKeys?: readonly TemplateKey[];
  /** Its code in the number line: its key in khoi.yaml's ma_loai_van_ban (types may share one: both reports' bao_cao)… */
  typeCode: string;
  /** … and the code when the bloc does not set it (Decree 30, Annex III: KH, BC, BB, TTr, GM; "" for none). */
  defaultCode: string;
  /** The front matter (or YAML file) schema. */
  schema: S;
  /** data/.schema/<schemaName>.schema.json: the JSON Schema file for the editor (types of one schema share it). */
  schemaName: string;
  /**
   * Data files of the year, besides its own, its content is made from: `x.md` a file,
   * `x/` every file under a folder. Used to say which input changed.
   */
  dependsOn: readonly string[];
  /**
   * The signatures, in the order of the template's chu_ky layout (single: one; pair: left, right).
   * Compose checks the count against the template.
   */
  signers(m: YearModel, front: z.output<S>, unit?: UnitInfo): SignatureBlock[];
}

/** A document made from one Markdown data file of the year (data/<year>/<id>.md), issued once. */
export interface SingleDocType<S extends z.ZodType = z.ZodType> extends DocTypeBase<S> {
  kind: "single";
  /** out/<year>/<stem>.docx|pdf */
  stem: string;
  /** How its date is checked (window of the emulation year it belongs to), with its name in messages. Absent: checked by its own rule. */
  dates?: { stage: Stage; what: string; whatEn: string };
  /** Checks across files only this type needs. */
  check?(ctx: YearContext, doc: MarkdownDoc<z.output<S>>): void;
  compose(input: ComposeInput<z.output<S>>, signatures: SignatureBlock[]): Composed | undefined;
}

/** A document each member unit issues from its own YAML file (data/<year>/<id>/<unit>.yaml). */
export interface PerUnitDocType<S extends z.ZodType = z.ZodType> extends DocTypeBase<S> {
  kind: "per-unit";
  /** The bookmark over its documents in the print bundle (default: its title's type name). */
  groupTitle?: string;
  /** Checks across files of the units' documents (run also when there is none). */
  check?(ctx: YearContext, docs: ReadonlyMap<string, Located<z.output<S>>>): void;
  compose(input: ComposeInput<z.output<S>> & { unit: UnitInfo }, signatures: SignatureBlock[]): Composed | undefined;
}

export type DocType = SingleDocType | PerUnitDocType;

/** The document types, in the order their documents are built, listed and bound (the workflow's): src/documents/registry.ts, handed down from src/pipeline.ts. */
export type DocTypes = readonly DocType[];

/** An entry names its type by an id, or by a shared key (keys.ts) when other modules read its data. */
type Named<S extends z.ZodType> = { id: string; key?: never } | { key: DocKey<z.output<S>>; id?: never };

function named<S extends z.ZodType>(t: Named<S>): { id: string; key: DocKey<z.output<S>> } {
  return t.key ? { id: t.key.id, key: t.key } : { id: t.id!, key: docKey(t.id!) };
}

/** A single type's entry: its schema's type flows to its key, signers, checks and compose. */
export function singleDoc<S extends z.ZodType>(t: Omit<SingleDocType<S>, "kind" | "id" | "key"> & Named<S>): SingleDocType<S> {
  return { kind: "single", ...t, ...named(t) };
}

export function perUnitDoc<S extends z.ZodType>(t: Omit<PerUnitDocType<S>, "kind" | "id" | "key"> & Named<S>): PerUnitDocType<S> {
  return { kind: "per-unit", ...t, ...named(t) };
}

/** The single types of a list, in its order. */
export function singleTypes(types: DocTypes): SingleDocType[] {
  return types.filter((t): t is SingleDocType => t.kind === "single");
}

/** The per-unit types of a list, in its order. */
export function perUnitTypes(types: DocTypes): PerUnitDocType[] {
  return types.filter((t): t is PerUnitDocType => t.kind === "per-unit");
}
