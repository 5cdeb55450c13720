import { Document, isDocument, isMap, isSeq, YAMLMap, YAMLSeq } from "yaml";
import { fixedKeys, type Column, type Path, type StageSpec, type Table } from "../forms/stages.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { parseYamlMap, type NotAMap } from "../load/yaml-map.ts";
import { cellYaml, type CellRead } from "./cell-values.ts";
import { isBlocCell, keptBlocCells } from "./bloc-column.ts";
import type { CellRef, FormRow } from "./read-form.ts";

/** Where each value of the YAML file came from: its path (below the file's root) and its cell. */
export interface CellOfPath {
  path: Path;
  cell: CellRef;
  /** The cell was empty: the path is not in the file. */
  empty: boolean;
}

export interface Applied {
  text: string;
  cells: CellOfPath[];
  problems: Diagnostic[];
  /** The old text is not a mapping: nothing was applied (the text is the old one). */
  notAMap?: NotAMap;
}

const HEADER_KEY = "Mã";
const NEW_FILE_COMMENT = " Nhập từ biểu mẫu Excel (khoi-thi-dua import).";

export interface ApplyOptions {
  /** The form is the bloc's own copy: its columns (Điểm Khối thẩm định, the bloc's notes) are taken too. */
  blocColumns: boolean;
}

/**
 * Puts one form's values into the unit's YAML file, editing the document in
 * place (comments, key order and other keys kept): a field is set or, when
 * its cell is empty, removed; a criterion's item is found by its tieu_chi; a
 * list is replaced item by item. The bloc's cells are kept as they are in the
 * data unless the form is the bloc's own copy (a warning names those that
 * differ); a cell without a value the unit meant is an error at the cell.
 * Returns the new text (the old text, byte for byte, when no value changed).
 * An old text that is not a mapping is never started afresh: nothing is
 * applied and `notAMap` says why.
 */
export function applyForm(spec: StageSpec, rows: FormRow[], book: string, criteria: string[], oldText: string | undefined, opts: ApplyOptions = { blocColumns: false }): Applied {
  const old = oldText === undefined ? undefined : parseYamlMap(oldText);
  if (old !== undefined && !isDocument(old)) return { text: oldText!, cells: [], problems: [], notAMap: old };
  const doc = old ? (parseYamlMap(oldText!) as Document) : newDocument();
  const sheet = spec.sheet.name;
  const cells: CellOfPath[] = [];
  const problems: Diagnostic[] = [];
  const kept: string[] = [];
  const at = (ref: string): CellRef => ({ book, sheet, ref });
  const put: Put = (path, target, read, cell, keep) => {
    const full = [...spec.root, ...path];
    const r = cellYaml(target, read);
    if (keep) {
      // The bloc's cell in a unit's form: located (for the data's own errors), never taken.
      cells.push({ path: full, cell, empty: !doc.hasIn(full) });
      if ("problem" in r || (r.value !== undefined && r.value !== doc.getIn(full))) kept.push(cell.ref!);
      return;
    }
    if ("problem" in r) {
      cells.push({ path: full, cell, empty: !doc.hasIn(full) });
      problems.push(problem(r.problem.code, cell, r.problem.params));
      return;
    }
    cells.push({ path: full, cell, empty: r.value === undefined });
    if (r.value === undefined) {
      if (doc.hasIn(full)) doc.deleteIn(full);
    } else doc.setIn(full, r.value);
  };

  const byKey = groupRows(rows, criteria, spec, at, problems);
  for (const f of spec.sheet.fields) {
    const row = byKey.get(f.key)?.[0];
    if (row) put(f.path, f, row.values.get("D"), at(`D${row.row}`));
  }
  for (const t of spec.sheet.tables) {
    if (t.rows === "criteria") applyCriteria(doc, spec, t, criteria, byKey, put, at, problems, opts);
    else applyList(doc, spec, t, (byKey.get(t.rows.key) ?? []).filter((r) => r.values.size > 0), put, at);
  }
  const keptWarning = keptBlocCells(kept, at);
  if (keptWarning) problems.push(keptWarning);
  const unchanged = old !== undefined && JSON.stringify(old.toJS()) === JSON.stringify(doc.toJS());
  return { text: unchanged ? oldText! : doc.toString({ lineWidth: 0 }), cells, problems };
}

function newDocument(): Document {
  const doc = new Document({});
  doc.commentBefore = NEW_FILE_COMMENT;
  return doc;
}

/** Puts a cell's value at a path (below the stage's root), or only locates it there when `keep` (the bloc's cell). */
type Put = (path: Path, target: { kind: Column["kind"]; percent?: Column["percent"] }, read: CellRead | undefined, cell: CellRef, keep?: boolean) => void;

/** Rows by their column-A key; a row with an unknown key and values, or a criterion twice, is a problem. */
function groupRows(rows: FormRow[], criteria: string[], spec: StageSpec, at: (ref: string) => CellRef, problems: Diagnostic[]): Map<string, FormRow[]> {
  const fixed = fixedKeys(spec);
  const known = new Set([...criteria, ...fixed]);
  const out = new Map<string, FormRow[]>();
  for (const r of rows) {
    if (r.key === HEADER_KEY) continue;
    if (!known.has(r.key)) {
      if (r.values.size) problems.push(problem("import/unknown-row", at(`A${r.row}`), { key: r.key, known: [...known].join(", ") }));
      continue;
    }
    const list = out.get(r.key) ?? [];
    if (list.length && !fixed.has(r.key)) {
      problems.push(problem("import/duplicate-row", at(`A${r.row}`), { key: r.key, first: `A${list[0]!.row}` }));
      continue;
    }
    list.push(r);
    out.set(r.key, list);
  }
  return out;
}

/**
 * A criterion's row puts its values into its item; a criterion with no row (cleared or deleted
 * in the returned form) keeps its old values with a warning, or is an error when it has none.
 */
function applyCriteria(doc: Document, spec: StageSpec, t: Table, criteria: string[], byKey: Map<string, FormRow[]>, put: Put, at: (ref: string) => CellRef, problems: Diagnostic[], opts: ApplyOptions): void {
  const seq = ensureSeq(doc, [...spec.root, ...t.path]);
  for (const id of criteria) {
    const row = byKey.get(id)?.[0];
    let i = seq.items.findIndex((item) => isMap(item) && item.get("tieu_chi") === id);
    if (!row) {
      const kept = i >= 0 && t.columns.some((c) => (seq.items[i] as { has(k: string): boolean }).has(c.field!));
      problems.push(problem(kept ? "import/missing-criterion" : "import/missing-criterion-new", at(""), { criterion: id }, kept ? "warning" : "error"));
      continue;
    }
    if (i < 0) {
      seq.add(doc.createNode({ tieu_chi: id }));
      i = seq.items.length - 1;
    }
    const before = (seq.items[i] as YAMLMap).toJSON() as Record<string, unknown>;
    for (const c of t.columns) put([...t.path, i, c.field!], c, row.values.get(c.col), at(`${c.col}${row.row}`), !opts.blocColumns && isBlocCell(c, before));
  }
}

function applyList(doc: Document, spec: StageSpec, t: Table, rows: FormRow[], put: Put, at: (ref: string) => CellRef): void {
  const full = [...spec.root, ...t.path];
  if (rows.length === 0 && t.optional && !doc.hasIn(full)) return;
  const seq = ensureSeq(doc, full);
  // An empty list written "[]" that gets items is written as the rest of the file is: one item a line.
  if (rows.length > 0) seq.flow = false;
  rows.forEach((row, i) => {
    if (t.scalar) {
      const c = t.columns[0]!;
      put([...t.path, i], c, row.values.get(c.col), at(`${c.col}${row.row}`));
      return;
    }
    if (!isMap(seq.items[i])) seq.items[i] = doc.createNode({});
    for (const c of t.columns as Column[]) put([...t.path, i, c.field!], c, row.values.get(c.col), at(`${c.col}${row.row}`));
  });
  seq.items.splice(rows.length);
}

function ensureSeq(doc: Document, path: Path): YAMLSeq {
  const node = doc.getIn(path, true);
  if (isSeq(node)) return node;
  const seq = doc.createNode([]) as YAMLSeq;
  doc.setIn(path, seq);
  return seq;
}

function problem(code: Diagnostic["code"], cell: CellRef, params: Diagnostic["params"], severity: Diagnostic["severity"] = "error"): Diagnostic {
  return { code, severity, pos: { file: [cell.book, cell.sheet, cell.ref].filter(Boolean).join(" › "), line: 0, column: 0 }, params };
}
