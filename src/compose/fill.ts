import type { Diagnostics, SourcePos } from "../diagnostics/diagnostic.ts";
import type { Block } from "../document/model.ts";
import type { DocSource } from "../model/types.ts";
import { isFilingLine } from "../schema/common.ts";
import { renderTemplate } from "./handlebars.ts";
import { stripMarks } from "./marks.ts";
import { parseMarkup } from "./markup.ts";
import type { Origin } from "./origins.ts";
import type { Template } from "./template-file.ts";

export interface Filled {
  body: Block[];
  title?: string;
  kinhGui?: string[];
  recipients: string[];
  /** Where the filled text comes from, for messages about it (see origins.ts). */
  origins: Origin[];
}

/**
 * Renders the data's own body, then the template around it, then parses the
 * result into blocks. The body and the template may insert the document's own
 * tables (`tables`), nothing else.
 */
export function fill(t: Template, ctx: Record<string, unknown>, diags: Diagnostics, tables: Map<string, Block[]>, data?: DocSource<unknown>): Filled | undefined {
  const names = new Set(tables.keys());
  const origins: Origin[] = [];
  let noi_dung = "";
  if (data) {
    const r = renderTemplate(data.body, ctx, { file: data.file, line: data.bodyLine }, diags, { tables: names });
    if (r === undefined) return undefined;
    noi_dung = r.text;
    origins.push(...r.origins);
  }
  const full = { ...ctx, noi_dung };
  const raw = ["noi_dung"];
  const text = renderTemplate(t.body, full, { file: t.file, line: t.bodyLine }, diags, { tables: names, raw });
  if (text === undefined) return undefined;
  origins.push(...text.origins);
  const small = (s: string, where: SourcePos | undefined) => {
    const r = renderTemplate(s, full, where ?? { file: t.file, line: 1 }, diags, { raw });
    if (r) origins.push(...r.origins);
    return r ? stripMarks(r.text) : s;
  };
  const at = t.positions;
  return {
    body: parseMarkup(text.text, tables),
    ...(t.front.tieu_de ? { title: small(t.front.tieu_de, at.tieu_de) } : {}),
    ...(t.front.kinh_gui ? { kinhGui: t.front.kinh_gui.map((s, i) => small(s, at.kinh_gui[i])) } : {}),
    recipients: t.front.noi_nhan.map((s, i) => {
      const r = small(s, at.noi_nhan[i]);
      // Filled in, an item may have become the "Lưu" line the tool writes itself ({{x}}Lưu: VT).
      if (isFilingLine(r)) diags.error("schema/format", at.noi_nhan[i] ?? { file: t.file, line: 1, column: 1 }, { field: `noi_nhan[${i}]`, kind: "filing", value: r });
      return r;
    }),
    origins,
  };
}
