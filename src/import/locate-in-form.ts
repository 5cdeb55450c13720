import { Diagnostics, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { parseYamlSource } from "../load/yaml-source.ts";
import type { CellOfPath } from "./apply-form.ts";
import { cellLabel, type CellRef } from "./read-form.ts";

/**
 * Moves the diagnostics of an imported YAML file to the cells they came from:
 * a schema diagnostic by the field it names (a path), any other by its
 * position (the position of each path set from a cell). One that matches no
 * cell is put on the form's sheet, with its place in the YAML file.
 */
export function locateInForm(diag: Diagnostic, yamlText: string, cells: CellOfPath[], fallback: CellRef): Diagnostic {
  const byField = new Map(cells.map((c) => [c.path.join("."), c.cell]));
  let cell: CellRef | undefined;
  if (diag.code.startsWith("schema/") && typeof diag.params.field === "string") cell = byField.get(diag.params.field);
  if (!cell) {
    const src = parseYamlSource(diag.pos.file, yamlText, new Diagnostics());
    for (const c of cells) {
      if (c.empty) continue;
      const p = src.locate(c.path);
      if (p.line === diag.pos.line && p.column === diag.pos.column) {
        cell = c.cell;
        break;
      }
    }
  }
  const file = cell ? cellLabel(cell) : `${cellLabel(fallback)} (${diag.pos.file}:${diag.pos.line}:${diag.pos.column})`;
  return { ...diag, pos: { file, line: 0, column: 0 } };
}
