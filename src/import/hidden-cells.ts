import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { cellLabel, type ReadForm } from "./read-form.ts";

/** The column-A key of the sheet's heading rows: not a unit's row. */
const HEADER_KEY = "Mã";

/**
 * A warning for every hidden row, and every hidden value column, of a form's
 * sheet that holds a value: it is imported, but whoever reads the form in
 * Excel does not see it (a hidden bonus row adds its points without a word).
 */
export function hiddenContent(form: ReadForm, sheet: string): Diagnostic[] {
  const rows = (form.sheets.get(sheet) ?? []).filter((r) => r.key !== HEADER_KEY && r.values.size > 0);
  const out: Diagnostic[] = [];
  const at = (ref: string) => ({ file: cellLabel({ book: form.book, sheet, ref }), line: 0, column: 0 });
  for (const r of rows) {
    if (!r.hidden) continue;
    const cells = [...r.values.keys()].map((c) => `${c}${r.row}`).join(", ");
    out.push({ code: "import/hidden-row", severity: "warning", pos: at(`A${r.row}`), params: { row: r.row, key: r.key, cells } });
  }
  for (const col of form.hiddenColumns.get(sheet) ?? []) {
    const filled = rows.filter((r) => r.values.has(col)).map((r) => r.row);
    if (filled.length === 0) continue;
    const range = `${col}${Math.min(...filled)}:${col}${Math.max(...filled)}`;
    out.push({ code: "import/hidden-column", severity: "warning", pos: at(range), params: { column: col, count: filled.length } });
  }
  return out;
}
