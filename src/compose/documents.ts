import type { Diagnostics } from "../diagnostics/diagnostic.ts";
import type { SignatureBlock } from "../document/model.ts";
import { stemOf } from "../documents/stems.ts";
import type { Composed, DocType, DocTypes } from "../documents/types.ts";
import type { DocSource, YearModel } from "../model/types.ts";
import { planReference } from "./bloc-document.ts";
import { yearContext } from "./context.ts";
import type { Template } from "./template-file.ts";

export type { Composed } from "../documents/types.ts";

/** Every document type's template, by the type's id. */
export type Templates = ReadonlyMap<string, Template>;

/** How many signatures each of the template's chu_ky layouts has. */
const SIGNATURES = { single: 1, pair: 2 } as const;

/**
 * How a document is issued, as the records office registers it: by the bloc (its own series) or by a
 * member unit; its number (null: left blank for the records office), its code ("KH-K8"), its date.
 */
export interface Issue {
  by: "bloc" | "unit";
  number: number | null;
  /** The type code in the number line ("KH"; "" for none) … */
  code: string;
  /** … and the whole code after the number ("KH-K8"). */
  notation: string;
  date: string | null;
  /** The data asks for its edXML package on every build (gui_edxml: true). */
  send: boolean;
}

/** A composed document with its identity: its type, and its unit for a per-unit type. */
export interface ComposedOfType extends Composed {
  type: DocType;
  unit?: string;
  issue: Issue;
}

/** The front matter's number and date, as every type's schema has them. */
function issueOf(front: unknown, by: Issue["by"], typeCode: string, issuerCode: string): Issue {
  const f = (front ?? {}) as { so?: number | null; ngay?: string | null; gui_edxml?: boolean };
  return { by, number: f.so ?? null, code: typeCode, notation: typeCode ? `${typeCode}-${issuerCode}` : issuerCode, date: f.ngay ?? null, send: f.gui_edxml === true };
}

/** Every document of the year, in the order of the types: each type composes its own from its data. */
export function composeYear(types: DocTypes, m: YearModel, templates: Templates, diags: Diagnostics): ComposedOfType[] {
  const ctx = { ...yearContext(m), ke_hoach: { tham_chieu: planReference(m) } };
  const docs: ComposedOfType[] = [];
  const add = (type: DocType, c: Composed | undefined, issue: Issue, unit?: string) => {
    if (c) docs.push({ ...c, type, ...(unit !== undefined ? { unit } : {}), issue });
  };
  for (const type of types) {
    const template = templates.get(type.id)!;
    const typeCode = m.bloc.typeCodes[type.typeCode] ?? type.defaultCode;
    if (type.kind === "single") {
      const data = m.docs.get(type.id);
      if (!data) continue;
      const signatures = signaturesFor(type, template, type.signers(m, data.front), data, diags);
      if (signatures) add(type, type.compose({ m, template, ctx, diags, data, stem: stemOf(type), typeCode }, signatures), issueOf(data.front, "bloc", typeCode, m.bloc.code));
    } else {
      const files = m.unitDocs.get(type.id);
      for (const unit of m.units) {
        const data = files?.get(unit.id);
        if (!data) continue;
        const signatures = signaturesFor(type, template, type.signers(m, data.front, unit), data, diags);
        if (signatures) add(type, type.compose({ m, template, ctx, diags, data, stem: stemOf(type, unit.id), typeCode, unit }, signatures), issueOf(data.front, "unit", typeCode, unit.abbr), unit.id);
      }
    }
  }
  return docs;
}

/** The type's signatures, as many as the template's chu_ky layout holds; else an error on the template. */
function signaturesFor(type: DocType, t: Template, signatures: SignatureBlock[], data: DocSource<unknown>, diags: Diagnostics): SignatureBlock[] | undefined {
  const want = SIGNATURES[t.front.chu_ky];
  if (signatures.length === want) return signatures;
  diags.error("template/signature-count", t.positions.chu_ky ?? { file: t.file, line: 1, column: 1 }, {
    layout: t.front.chu_ky,
    want,
    count: signatures.length,
    type: type.id,
    data: data.file,
  });
  return undefined;
}
