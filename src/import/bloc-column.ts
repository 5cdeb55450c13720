import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { CellOfPath } from "./apply-form.ts";
import { cellLabel } from "./read-form.ts";

/** The field of the bloc's own column (E, "Điểm Khối thẩm định (Khối điền)"): the unit leaves it empty. */
const BLOC_FIELD = "khoi_cham";

/**
 * The diagnostics of one file, located in its form, with the missing bloc
 * column reported once: when that column is empty for every criterion, its
 * schema/missing errors become one import/bloc-column-empty on the column's
 * range (E9:E18), saying the bloc fills it before importing. The cell each
 * diagnostic came from (`from`) is dropped.
 */
export function blocColumnEmpty(located: (Diagnostic & { from?: CellOfPath })[], cells: CellOfPath[]): Diagnostic[] {
  const column = cells.filter((c) => c.path[c.path.length - 1] === BLOC_FIELD && c.cell.ref);
  const missing = located.filter((d) => d.code === "schema/missing" && d.from && column.includes(d.from));
  const plain = located.map(({ from: _from, ...d }) => d);
  if (column.length < 2 || !column.every((c) => c.empty) || missing.length !== column.length) return plain;
  const rows = column.map((c) => Number(/\d+$/.exec(c.cell.ref!)![0]));
  const col = /^[A-Z]+/.exec(column[0]!.cell.ref!)![0];
  const range = `${col}${Math.min(...rows)}:${col}${Math.max(...rows)}`;
  const one: Diagnostic = { code: "import/bloc-column-empty", severity: "error", pos: { file: cellLabel({ ...column[0]!.cell, ref: range }), line: 0, column: 0 }, params: { range, count: column.length } };
  const gone = new Set(missing.map((d) => located.indexOf(d)));
  return [...plain.filter((_, i) => !gone.has(i)), one];
}
