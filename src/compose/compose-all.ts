import type { Diagnostics } from "../diagnostics/diagnostic.ts";
import type { AdminDocument } from "../document/model.ts";
import type { World } from "../io/world.ts";
import { LIMITS } from "../load/limits.ts";
import type { YearModel } from "../model/types.ts";
import { dataFileOf } from "../documents/keys.ts";
import type { DocType, DocTypes } from "../documents/types.ts";
import { composeYear, type Issue } from "./documents.ts";
import { cleanDocument } from "./clean-document.ts";
import { checkTemplateKeys } from "./front-parts.ts";
import type { Origin } from "./origins.ts";
import { loadTemplate, type Template } from "./template-file.ts";

/** What a document is made from, as its type declares it, relative to data/<year>/ and templates/ (plain data: see write/inputs.ts). */
export interface DeclaredFiles {
  /** Its own data file: <id>.md, or <id>/<unit>.yaml for a per-unit type. */
  data: string;
  template: string;
  dependsOn: readonly string[];
}

export interface ComposedDocument {
  /** Its identity: year, type's id, and unit for a per-unit type (its file name, doc.stem, is made from them). */
  year: number;
  type: string;
  unit?: string;
  /** A per-unit type's bookmark over its documents in the print bundle (its groupTitle). */
  group?: string;
  files: DeclaredFiles;
  doc: AdminDocument;
  /** The data file the document mostly comes from, for messages. */
  source: string;
  /** Where pieces of its text come from (templates, data bodies, inserted values), for messages about a character. */
  origins?: Origin[];
  /** Who issues it, its number, code and date (for the register, the results file and edXML). */
  issue: Issue;
}

/** What `--only` names a document by: its unit's id for a per-unit document, else its stem. */
export function selectorOf(c: ComposedDocument): string {
  return c.unit ?? c.doc.stem;
}

/** Stage 4: templates read once per build, then every year's documents composed, of the types handed down. */
export async function composeAll(world: World, types: DocTypes, models: readonly YearModel[], diags: Diagnostics): Promise<ComposedDocument[]> {
  const templates = new Map<string, Template>();
  for (const type of types) {
    const t = await loadTemplate(world, type.template, diags);
    if (t && checkTemplateKeys(t, type, diags)) templates.set(type.id, t);
  }
  if (templates.size !== types.length) return [];
  const composed = models.flatMap((m) =>
    composeYear(types, m, templates, diags).map(({ doc, origins, type, unit, issue }) => {
      const { doc: clean, size } = cleanDocument(doc);
      const files = { data: unit !== undefined ? `${type.id}/${unit}.yaml` : dataFileOf(type), template: type.template, dependsOn: type.dependsOn };
      const group = type.kind === "per-unit" ? type.groupTitle : undefined;
      const d: ComposedDocument = { year: m.year, type: type.id, ...(unit !== undefined ? { unit } : {}), ...(group ? { group } : {}), files, doc: clean, source: sourceOf(m, type, unit), origins, issue };
      return { d, size };
    }),
  );
  return composed.flatMap(({ d, size }) => {
    if (size <= LIMITS.maxDocumentChars) return [d];
    diags.error("limit/document-size", { file: d.source, line: 1, column: 1 }, { document: `${d.year}/${d.doc.stem}`, size, max: LIMITS.maxDocumentChars });
    return [];
  });
}

function sourceOf(m: YearModel, type: DocType, unit: string | undefined): string {
  const file = unit !== undefined ? m.unitDocs.get(type.id)?.get(unit)?.file : m.docs.get(type.id)?.file;
  return file ?? m.yearFile;
}
