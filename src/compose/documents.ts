import type { Diagnostics } from "../diagnostics/diagnostic.ts";
import type { SignatureBlock } from "../document/model.ts";
import { DOC_TYPES, unitStem } from "../documents/registry.ts";
import type { Composed, DocType } from "../documents/types.ts";
import type { DocSource, YearModel } from "../model/types.ts";
import { planReference } from "./bloc-document.ts";
import { yearContext } from "./context.ts";
import type { Template } from "./template-file.ts";

export type { Composed } from "../documents/types.ts";

/** Every document type's template, by the type's id. */
export type Templates = ReadonlyMap<string, Template>;

/** How many signatures each of the template's chu_ky layouts has. */
const SIGNATURES = { single: 1, pair: 2 } as const;

/** Every document of the year, in the registry's order: each type composes its own from its data. */
export function composeYear(m: YearModel, templates: Templates, diags: Diagnostics): Composed[] {
  const ctx = { ...yearContext(m), ke_hoach: { tham_chieu: planReference(m) } };
  const docs: (Composed | undefined)[] = [];
  for (const type of DOC_TYPES) {
    const template = templates.get(type.id)!;
    const typeCode = m.bloc.typeCodes[type.typeCode];
    if (type.kind === "single") {
      const data = m.docs.get(type.id);
      if (!data) continue;
      const signatures = signaturesFor(type, template, type.signers(m, data.front), data, diags);
      if (signatures) docs.push(type.compose({ m, template, ctx, diags, data, stem: type.stem, typeCode }, signatures));
    } else {
      const files = m.unitDocs.get(type.id);
      for (const unit of m.units) {
        const data = files?.get(unit.id);
        if (!data) continue;
        const signatures = signaturesFor(type, template, type.signers(m, data.front, unit), data, diags);
        if (signatures) docs.push(type.compose({ m, template, ctx, diags, data, stem: unitStem(type, unit.id), typeCode, unit }, signatures));
      }
    }
  }
  return docs.filter((d): d is Composed => d !== undefined);
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
