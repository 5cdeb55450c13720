import type { Diagnostics } from "../diagnostics/diagnostic.ts";
import type { AdminDocument } from "../document/model.ts";
import type { World } from "../io/world.ts";
import { LIMITS } from "../load/limits.ts";
import type { YearModel } from "../model/types.ts";
import { DOC_TYPES, parseStem } from "../documents/registry.ts";
import { composeYear } from "./documents.ts";
import { cleanDocument } from "./clean-document.ts";
import type { Origin } from "./origins.ts";
import { loadTemplate, type Template } from "./template-file.ts";

export interface ComposedDocument {
  year: number;
  doc: AdminDocument;
  /** The data file the document mostly comes from, for messages. */
  source: string;
  /** Where pieces of its text come from (templates, data bodies, inserted values), for messages about a character. */
  origins?: Origin[];
}

/** Stage 4: templates read once per build, then every year's documents composed. */
export async function composeAll(world: World, models: readonly YearModel[], diags: Diagnostics): Promise<ComposedDocument[]> {
  const templates = new Map<string, Template>();
  for (const type of DOC_TYPES) {
    const t = await loadTemplate(world, type.template, diags);
    if (t) templates.set(type.id, t);
  }
  if (templates.size !== DOC_TYPES.length) return [];
  const composed = models.flatMap((m) =>
    composeYear(m, templates, diags).map(({ doc, origins }) => {
      const clean = cleanDocument(doc);
      return { year: m.year, doc: clean, source: sourceOf(m, clean), origins };
    }),
  );
  return composed.filter((d) => {
    const size = textSize(d.doc);
    if (size <= LIMITS.maxDocumentChars) return true;
    diags.error("limit/document-size", { file: d.source, line: 1, column: 1 }, { document: `${d.year}/${d.doc.stem}`, size, max: LIMITS.maxDocumentChars });
    return false;
  });
}

/** Characters of text in a document: every string in it, tables and appendices included. */
export function textSize(doc: AdminDocument): number {
  let size = 0;
  const stack: unknown[] = [doc];
  while (stack.length) {
    const x = stack.pop();
    if (typeof x === "string") size += x.length;
    else if (x && typeof x === "object") for (const y of Array.isArray(x) ? (x as unknown[]) : Object.values(x)) stack.push(y);
  }
  return size;
}

function sourceOf(m: YearModel, doc: AdminDocument): string {
  const parsed = parseStem(doc.stem);
  const file = parsed?.unit !== undefined ? m.unitDocs.get(parsed.type.id)?.get(parsed.unit)?.file : parsed && m.docs.get(parsed.type.id)?.file;
  return file ?? m.yearFile;
}
