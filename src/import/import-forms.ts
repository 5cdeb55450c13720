import { closestFirst } from "../diagnostics/closest-names.ts";
import { parse } from "yaml";
import { Diagnostics, type Diagnostic, type Params } from "../diagnostics/diagnostic.ts";
import { IDENTITY_SHEET, identityCell } from "../forms/identity.ts";
import { loadForForms } from "../forms/collect.ts";
import { formFileName, STAGE_SPECS } from "../forms/stages.ts";
import { overlayWorld } from "../io/overlay-world.ts";
import type { World } from "../io/world.ts";
import { editableText, inShape, type TextShape } from "../load/line-ends.ts";
import { readProject } from "../pipeline.ts";
import { reportNotAMap } from "../load/yaml-map.ts";
import { FAILED, guard } from "../write/guard.ts";
import { inTransaction, pendingChange, type Staging } from "../write/transaction.ts";
import { applyForm, type CellOfPath } from "./apply-form.ts";
import { changedValues } from "./changed-values.ts";
import { identify } from "./identify.ts";
import { blocColumnEmpty } from "./bloc-column.ts";
import { hiddenContent } from "./hidden-cells.ts";
import { locateInForm } from "./locate-in-form.ts";
import { MAX_FILE_BYTES, mib } from "./size-limits.ts";
import { cellLabel, readForm, type CellRef, type ReadForm } from "./read-form.ts";

export interface ImportOptions {
  dataDir: string;
  /** The returned forms: paths for World, and the names shown (the file's name as the unit sent it). */
  files: { path: string; name: string }[];
  check: boolean;
  year?: number;
  /** The forms are the bloc's own filled copies: their bloc columns (Điểm Khối thẩm định, the bloc's notes) are taken (--khoi-cham). */
  blocColumns?: boolean;
  /** Units the secretary confirmed as the forms' own although their file names do not say so (--xac-nhan-don-vi). */
  confirmUnits?: string[];
}

export interface FileChange {
  path: string;
  created: boolean;
  /** "tong_ket.diem[tc01].tu_cham: 20 → 22", one per value that changes (fields named as in messages). */
  changes: string[];
}

export interface ImportResult {
  diagnostics: Diagnostic[];
  files: FileChange[];
  written: string[];
  /** Files of a commit cut short, which the next command finishes. */
  pending: string[];
}

interface Target {
  path: string;
  /** The file's text with LF line ends (as the loader reads it), edited so; `shape` puts its line ends and BOM back. */
  oldText: string | undefined;
  shape: TextShape | undefined;
  forms: { form: ReadForm; stage: keyof typeof STAGE_SPECS; criteria: string[]; unit: string; unconfirmed: boolean }[];
}

/**
 * `khoi-thi-dua import`: in the project transaction (so that no other command
 * changes the data between reading and writing), reads the returned forms,
 * edits the units' YAML files in memory, validates the whole project with them
 * (the checks of the YAML path, located back in the forms' cells), and stages
 * the files, committed together, only when there is no error and not --check.
 */
export async function importForms(world: World, opts: ImportOptions): Promise<ImportResult> {
  if (opts.check) {
    const r = await readForms(world, opts, undefined);
    const pending = new Diagnostics();
    await pendingChange(world, pending);
    return { ...r, diagnostics: [...pending.sorted(), ...r.diagnostics] };
  }
  const diags = new Diagnostics();
  const tx = await inTransaction(world, { command: "import" }, diags, (staging) => readForms(world, opts, staging));
  const r = tx.value ?? { diagnostics: [], files: [], written: [], pending: [] };
  for (const d of r.diagnostics) diags.add(d);
  return { diagnostics: diags.sorted(), files: r.files, written: tx.written, pending: tx.pending };
}

async function readForms(world: World, opts: ImportOptions, staging: Staging | undefined): Promise<ImportResult> {
  const diags = new Diagnostics();
  const { raw, valid } = await loadForForms(world, diags, opts.dataDir);
  if (!valid) return { diagnostics: diags.sorted(), files: [], written: [], pending: [] };
  const problems = new Diagnostics();
  // A unit confirmed on the command line must be one of the bloc: a typo confirms nothing, silently.
  const members = valid.bloc.data.don_vi.map((u) => u.ma);
  for (const unit of opts.confirmUnits ?? [])
    if (!members.includes(unit)) problems.error("import/confirm-unknown-unit", { file: "--xac-nhan-don-vi", line: 0, column: 0 }, { unit, known: closestFirst(unit, members).join(", ") });
  const targets = new Map<string, Target>();
  const seen = new Map<string, string>();
  for (const f of opts.files) {
    const whole = { file: f.name, line: 0, column: 0 };
    const size = await guard(problems, f.path, "read", () => world.fileSize(f.path));
    if (size === FAILED) continue;
    if (size === undefined && (await guard(problems, f.path, "read", () => world.listDir(f.path))) !== undefined) {
      problems.error("import/is-folder", whole, { path: f.name });
      continue;
    }
    if (size !== undefined && size > MAX_FILE_BYTES) {
      problems.error("import/too-large", whole, tooLarge(size));
      continue;
    }
    const bytes = await guard(problems, f.path, "read", () => world.readFile(f.path));
    if (bytes === FAILED) continue;
    if (bytes === undefined) {
      problems.error("import/not-found", whole, { path: f.path });
      continue;
    }
    if (bytes.byteLength > MAX_FILE_BYTES) {
      problems.error("import/too-large", whole, tooLarge(bytes.byteLength));
      continue;
    }
    const form = await readForm(f.name, bytes);
    if ("problems" in form) {
      for (const p of form.problems) problems.add(p);
      continue;
    }
    const who = identify(form, baseName(f.name), valid, opts.year, new Set(opts.confirmUnits ?? []));
    if ("code" in who) {
      problems.add(who);
      continue;
    }
    const { id, vy, unconfirmed } = who;
    const spec = STAGE_SPECS[id.stage];
    const key = `${id.year}/${id.unit}/${id.stage}`;
    if (seen.has(key)) {
      problems.error("import/duplicate-form", { file: cellLabel({ book: f.name, sheet: IDENTITY_SHEET, ref: "B3" }), line: 0, column: 0 }, { unit: id.unit, stage: id.stage, first: seen.get(key)! });
      continue;
    }
    seen.set(key, f.name);
    if (!form.sheets.has(spec.sheet.name)) {
      problems.error("import/missing-sheet", whole, { sheet: spec.sheet.name });
      continue;
    }
    const ry = raw.years.find((y) => y.folder === vy.folder);
    const existing = (spec.folder === "dang-ky" ? ry?.unitDocs.get("dang-ky") : ry?.results)?.find((u) => u.unitId === id.unit)?.src.file;
    const path = existing ?? `${vy.dir}/${spec.folder}/${id.unit}.yaml`;
    // A data file that cannot be read (a link out of the project) is an error naming it, not an internal error.
    let target = targets.get(path);
    if (!target) {
      const read = await guard(problems, path, "read", () => readText(world, path));
      if (read === FAILED) continue;
      target = { path, ...read, forms: [] };
    }
    target.forms.push({ form, stage: id.stage, criteria: vy.year.data.tieu_chi.map((c) => c.ma), unit: id.unit, unconfirmed });
    targets.set(path, target);
  }

  // Every form into its file, in memory.
  const texts = new Map<string, { text: string; cells: CellOfPath[]; fallback: CellRef }>();
  targets: for (const t of targets.values()) {
    let text = t.oldText;
    const cells: CellOfPath[] = [];
    for (const { form, stage, criteria, unit, unconfirmed } of t.forms) {
      const spec = STAGE_SPECS[stage];
      const applied = applyForm(spec, form.sheets.get(spec.sheet.name)!, form.book, criteria, text, { blocColumns: opts.blocColumns === true });
      if (applied.notAMap) {
        reportNotAMap(problems, t.path, applied.notAMap, "import");
        continue targets;
      }
      for (const p of applied.problems) problems.add(p);
      for (const p of hiddenContent(form, spec.sheet.name)) problems.add(p);
      // A form whose file name names no unit changes a unit's data only when the secretary says whose it is.
      if (unconfirmed && applied.text !== text)
        problems.error("import/unconfirmed-unit", { file: cellLabel({ book: form.book, sheet: IDENTITY_SHEET, ref: identityCell("don_vi") }), line: 0, column: 0 }, { unit, name: form.book, path: t.path, expectedName: formFileName(unit, stage) });
      text = applied.text;
      cells.push(...applied.cells);
    }
    const first = t.forms[0]!;
    texts.set(t.path, { text: text!, cells, fallback: { book: first.form.book, sheet: STAGE_SPECS[first.stage].sheet.name } });
  }

  // The project's own checks, on the project as it would be.
  if (texts.size) {
    const enc = new TextEncoder();
    const overlay = overlayWorld(world, new Map([...texts].map(([p, t]) => [p, enc.encode(t.text)])));
    const check = new Diagnostics();
    const after = (await readProject(overlay, check, opts.dataDir)).valid;
    if (!after && !check.hasErrors) check.error("file/missing", { file: `${opts.dataDir}/khoi.yaml`, line: 0, column: 0 }, { what: `${opts.dataDir}/khoi.yaml` });
    for (const [path, t] of texts) {
      const located = check.items.filter((d) => d.pos.file === path).map((d) => locateInForm(d, t.text, t.cells, t.fallback));
      for (const d of blocColumnEmpty(located, t.cells)) problems.add(d);
    }
  }

  const files: FileChange[] = [];
  for (const [path, t] of texts) {
    const old = targets.get(path)!.oldText;
    if (old === t.text) continue;
    files.push({ path, created: old === undefined, changes: changedValues(old === undefined ? undefined : parse(old), parse(t.text)) });
  }
  if (!problems.hasErrors && staging) for (const f of files) staging.write(f.path, new TextEncoder().encode(inShape(texts.get(f.path)!.text, targets.get(f.path)!.shape)));
  return { diagnostics: problems.sorted(), files, written: [], pending: [] };
}

/** The params of import/too-large for the file itself (read-form says it for the unzipped content). */
function tooLarge(size: number): Params {
  return { whatVi: "Tệp", whatEn: "The file", size: mib(size), max: mib(MAX_FILE_BYTES) };
}

/** An existing file's text to edit, with LF line ends, and its shape (BOM, line ends) to write it back in. */
async function readText(world: World, path: string): Promise<{ oldText: string | undefined; shape: TextShape | undefined }> {
  const b = await world.readFile(path);
  if (b === undefined) return { oldText: undefined, shape: undefined };
  const { text, shape } = editableText(b);
  return { oldText: text, shape };
}

function baseName(p: string): string {
  return p.slice(p.lastIndexOf("/") + 1);
}
