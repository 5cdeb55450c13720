import { parse } from "yaml";
import { STAGE_SPECS, type Stage } from "../../src/forms/stages.ts";
import { valueAt } from "../../src/forms/form-input.ts";
import type { XmlBook } from "./xlsx-xml.ts";

/** Days since 1899-12-30: a date cell's number. */
export function dateSerial(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / 86400000) + 25569;
}

/**
 * Fills a form as a unit would, from the data of a YAML file (the stage's
 * part of it): numbers with a fraction as text with a decimal comma (as
 * LibreOffice keeps them), whole numbers as numbers, dates alternately as
 * date numbers and as text dd/mm/yyyy, texts as inline strings.
 */
export function fillForm(book: XmlBook, stage: Stage, yamlText: string): void {
  const spec = STAGE_SPECS[stage];
  const data = valueAt(parse(yamlText), spec.root);
  const sheet = spec.sheet.name;
  let dates = 0;
  const put = (ref: string, kind: string, v: unknown) => {
    if (v === undefined || v === null) return book.set(sheet, ref, undefined);
    if (kind === "date") {
      const iso = String(v);
      return dates++ % 2 ? book.set(sheet, ref, iso.split("-").reverse().join("/"), "text") : book.set(sheet, ref, dateSerial(iso));
    }
    if (typeof v === "number") return Number.isInteger(v) ? book.set(sheet, ref, v) : book.set(sheet, ref, String(v).replace(".", ","), "text");
    book.set(sheet, ref, String(v), "text");
  };
  const listIndex = new Map<string, number>();
  for (const { row, key } of book.keys(sheet)) {
    const field = spec.sheet.fields.find((f) => f.key === key);
    if (field) {
      put(`D${row}`, field.kind, valueAt(data, field.path));
      continue;
    }
    for (const t of spec.sheet.tables) {
      const items = (valueAt(data, t.path) as unknown[] | undefined) ?? [];
      let item: unknown;
      if (t.rows === "criteria") {
        item = items.find((x) => (x as { tieu_chi: string }).tieu_chi === key);
        if (!item) continue;
      } else if (t.rows.key === key) {
        const i = listIndex.get(key) ?? 0;
        listIndex.set(key, i + 1);
        item = items[i];
        if (item === undefined) break;
      } else continue;
      for (const c of t.columns) put(`${c.col}${row}`, c.kind, t.scalar ? item : valueAt(item, [c.field!]));
      break;
    }
  }
}
