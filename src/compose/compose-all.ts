import type { Diagnostics } from "../diagnostics/diagnostic.ts";
import type { AdminDocument } from "../document/model.ts";
import type { World } from "../io/world.ts";
import { LIMITS } from "../load/limits.ts";
import type { YearModel } from "../model/types.ts";
import { composeYear, type Templates } from "./documents.ts";
import { cleanDocument } from "./clean-document.ts";
import type { Origin } from "./origins.ts";
import { loadTemplate } from "./template-file.ts";

export interface ComposedDocument {
  year: number;
  doc: AdminDocument;
  /** The data file the document mostly comes from, for messages. */
  source: string;
  /** Where pieces of its text come from (templates, data bodies, inserted values), for messages about a character. */
  origins?: Origin[];
}

const TEMPLATE_NAMES = ["ke-hoach", "dang-ky", "bao-cao-so-ket", "bao-cao-tong-ket", "bien-ban-binh-bau", "to-trinh"] as const;

/** Stage 4: templates read once per build, then every year's documents composed. */
export async function composeAll(world: World, models: readonly YearModel[], diags: Diagnostics): Promise<ComposedDocument[]> {
  const templates: Partial<Templates> = {};
  for (const name of TEMPLATE_NAMES) {
    const t = await loadTemplate(world, name, diags);
    if (t) templates[name] = t;
  }
  if (Object.keys(templates).length !== TEMPLATE_NAMES.length) return [];
  const composed = models.flatMap((m) =>
    composeYear(m, templates as Templates, diags).map(({ doc, origins }) => {
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
  const byStem: Record<string, string | undefined> = {
    "ke-hoach": m.plan?.file,
    "bao-cao-so-ket": m.soKet?.file,
    "bao-cao-tong-ket": m.tongKet?.file,
    "bien-ban-binh-bau": m.minutes?.file,
    "to-trinh": m.proposal?.file,
  };
  const unit = doc.stem.startsWith("dang-ky-") ? m.registrationFiles.get(doc.stem.slice("dang-ky-".length)) : undefined;
  return byStem[doc.stem] ?? unit ?? m.yearFile;
}
