import { parse } from "yaml";
import { Diagnostics, type Diagnostic, type Params } from "../diagnostics/diagnostic.ts";
import { parseYamlSource } from "../load/yaml-source.ts";
import { fieldPath } from "../validate/field-path.ts";
import type { CellOfPath } from "./apply-form.ts";
import { cellLabel, type CellRef } from "./read-form.ts";

/** Codes whose hint, for a value from a cell, talks about the form (the catalogue's cellHint). */
const CELL_HINTED = new Set(["schema/missing", "schema/type", "schema/format"]);

/**
 * Moves the diagnostics of an imported YAML file to the cells they came from:
 * a diagnostic naming a field (params.field, as fieldPath writes it) at that
 * field's cell, any other by its position (the position of each path set
 * from a cell). One that matches no cell is put on the form's sheet, with its
 * place in the YAML file. Returns the cell found too.
 */
export function locateInForm(diag: Diagnostic, yamlText: string, cells: CellOfPath[], fallback: CellRef): Diagnostic & { from?: CellOfPath } {
  let root: unknown;
  try {
    root = parse(yamlText);
  } catch {
    root = undefined;
  }
  const byField = new Map(cells.map((c) => [fieldPath(c.path, root), c]));
  let from: CellOfPath | undefined;
  if (typeof diag.params.field === "string") from = byField.get(diag.params.field);
  if (!from) {
    const src = parseYamlSource(diag.pos.file, yamlText, new Diagnostics());
    for (const c of cells) {
      if (c.empty) continue;
      const p = src.locate(c.path);
      if (p.line === diag.pos.line && p.column === diag.pos.column) {
        from = c;
        break;
      }
    }
  }
  if (!from) return { ...diag, pos: { file: `${cellLabel(fallback)} (${diag.pos.file}:${diag.pos.line}:${diag.pos.column})`, line: 0, column: 0 } };
  let params: Params = diag.params;
  if (CELL_HINTED.has(diag.code)) {
    const shown = asTyped(valueAt(root, from.path));
    params = { ...params, inCell: 1, shown };
    if (diag.code === "schema/format" && params.kind === "date") params.kind = "cell-date";
  }
  return { ...diag, params, pos: { file: cellLabel(from.cell), line: 0, column: 0 }, from };
}

function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let node = root;
  for (const seg of path) node = node !== null && typeof node === "object" ? (node as Record<string | number, unknown>)[seg] : undefined;
  return node;
}

/** A value as the unit typed it: a date YYYY-MM-DD (import wrote it so) back as day/month/year. */
function asTyped(v: unknown): string {
  if (v === undefined || v === null) return "";
  const s = String(v);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : s;
}
