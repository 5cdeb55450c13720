/**
 * The parts of a document's head and foot that its data, its template and the
 * bloc may each give: the trích yếu, Kính gửi, Nơi nhận and the "Lưu" line.
 * One rule for every type: the data's over the template's over the default.
 */
import type { Diagnostics } from "../diagnostics/diagnostic.ts";
import type { Filing } from "../schema/common.ts";
import type { Filled } from "./fill.ts";
import type { Template, TemplateKey } from "./template-file.ts";

/** What a type's data may say of these parts (each absent when its schema has no such key). */
export interface DataParts {
  trich_yeu?: string | undefined;
  kinh_gui?: readonly string[] | undefined;
  noi_nhan?: readonly string[] | undefined;
  luu?: Filing | undefined;
}

export interface FrontParts {
  /** The trích yếu; undefined when neither the data nor the template gives one. */
  summary?: string;
  kinhGui: string[];
  recipients: string[];
  luu?: Filing;
}

/** Data over template (its front matter, filled: `f`) over default (`defaults.luu`: the bloc's). */
export function frontParts(data: DataParts, f: Filled, t: Template, defaults: { luu?: Filing | undefined } = {}): FrontParts {
  const summary = data.trich_yeu ?? f.title;
  const luu = data.luu ?? t.front.luu ?? defaults.luu;
  return {
    ...(summary !== undefined && summary.trim() !== "" ? { summary } : {}),
    kinhGui: [...(data.kinh_gui ?? f.kinhGui ?? [])],
    recipients: [...(data.noi_nhan ?? f.recipients)],
    ...(luu ? { luu } : {}),
  };
}

/** The template front matter keys every type obeys. */
export const COMMON_TEMPLATE_KEYS: readonly TemplateKey[] = ["loai", "tieu_de", "noi_nhan", "luu", "chu_ky"];
/** … and Kính gửi, for the types whose form has one. */
export const ADDRESSED_TEMPLATE_KEYS: readonly TemplateKey[] = [...COMMON_TEMPLATE_KEYS, "kinh_gui"];

/**
 * A key of the template's front matter the type does not use is an error naming it, at the key:
 * a line the office wrote for nothing would otherwise be dropped without a word.
 */
export function checkTemplateKeys(t: Template, type: { id: string; templateKeys?: readonly TemplateKey[] | undefined }, diags: Diagnostics): boolean {
  const uses = new Set(type.templateKeys ?? ADDRESSED_TEMPLATE_KEYS);
  let ok = true;
  for (const [key, pos] of Object.entries(t.positions.keys) as [TemplateKey, (typeof t.positions.keys)[TemplateKey]][]) {
    if (uses.has(key) || !pos) continue;
    diags.error("template/unused-key", pos, { key, type: type.id, used: [...uses].join(", ") });
    ok = false;
  }
  return ok;
}

/** A trích yếu neither the data nor the template gives: an error on the data file. */
export function requireSummary(parts: FrontParts, where: { file: string; template: string; type: string }, diags: Diagnostics): parts is FrontParts & { summary: string } {
  if (parts.summary !== undefined) return true;
  diags.error("document/missing-part", { file: where.file, line: 1, column: 1 }, { part: "trich_yeu", templateKey: "tieu_de", template: where.template, type: where.type });
  return false;
}

/** A Kính gửi neither the data nor the template gives, for a type that must have one. */
export function requireKinhGui(parts: FrontParts, where: { file: string; template: string; type: string }, diags: Diagnostics): boolean {
  if (parts.kinhGui.length > 0) return true;
  diags.error("document/missing-part", { file: where.file, line: 1, column: 1 }, { part: "kinh_gui", templateKey: "kinh_gui", template: where.template, type: where.type });
  return false;
}
