import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { Column } from "../forms/stages.ts";
import type { CellOfPath } from "./apply-form.ts";
import { cellLabel, type CellRef } from "./read-form.ts";

/** The field of the bloc's own column (E, "Điểm Khối thẩm định (Khối điền)"): the unit leaves it empty. */
const BLOC_FIELD = "khoi_cham";
/** The unit's own score of a criterion, beside the bloc's. */
const SELF_FIELD = "tu_cham";

/**
 * Whether a criterion's cell is the bloc's, given the criterion's item as the
 * data has it before the form: the bloc's column always; the note when the
 * bloc scored the criterion differently from the unit (the note then says
 * why: "Khối trừ 0,5 điểm: …").
 */
export function isBlocCell(c: Column, before: Record<string, unknown>): boolean {
  if (c.bloc === "column") return true;
  return c.bloc === "note" && before[BLOC_FIELD] !== undefined && before[BLOC_FIELD] !== before[SELF_FIELD];
}

/** One warning naming the bloc's cells of a unit's form that differ from the data (they were not taken). */
export function keptBlocCells(refs: string[], at: (ref: string) => CellRef): Diagnostic | undefined {
  if (refs.length === 0) return undefined;
  return { code: "import/bloc-cells-kept", severity: "warning", pos: { file: cellLabel(at(refs[0]!)), line: 0, column: 0 }, params: { cells: refs.join(", ") } };
}

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
