import { parse } from "yaml";
import { Diagnostics, type Diagnostic, type Params } from "../diagnostics/diagnostic.ts";
import { IDENTITY_SHEET } from "../forms/identity.ts";
import { loadForForms } from "../forms/collect.ts";
import { STAGE_SPECS } from "../forms/stages.ts";
import { overlayWorld } from "../io/overlay-world.ts";
import type { World } from "../io/world.ts";
import { loadProject } from "../load/project.ts";
import { validateProject } from "../validate/project.ts";
import { FAILED, guard } from "../write/guard.ts";
import { applyForm, type CellOfPath } from "./apply-form.ts";
import { changedValues } from "./changed-values.ts";
import { identify } from "./identify.ts";
import { blocColumnEmpty } from "./bloc-column.ts";
import { locateInForm } from "./locate-in-form.ts";
import { MAX_FILE_BYTES, mib } from "./size-limits.ts";
import { cellLabel, readForm, type CellRef, type ReadForm } from "./read-form.ts";

export interface ImportOptions {
  dataDir: string;
  /** The returned forms: paths for World, and the names shown (the file's name as the unit sent it). */
  files: { path: string; name: string }[];
  check: boolean;
  year?: number;
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
}

interface Target {
  path: string;
  oldText: string | undefined;
  forms: { form: ReadForm; stage: keyof typeof STAGE_SPECS; criteria: string[] }[];
}

/**
 * `khoi-thi-dua import`: reads the returned forms, edits the units' YAML
 * files in memory, validates the whole project with them (the checks of the
 * YAML path, located back in the forms' cells), and writes the files only
 * when there is no error and not --check.
 */
export async function importForms(world: World, opts: ImportOptions): Promise<ImportResult> {
  const diags = new Diagnostics();
  const { raw, valid } = await loadForForms(world, diags, opts.dataDir);
  if (!valid) return { diagnostics: diags.sorted(), files: [], written: [] };
  const problems = new Diagnostics();
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
      problems.error("file/missing", whole, { what: f.name });
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
    const who = identify(form, baseName(f.name), valid, opts.year);
    if ("code" in who) {
      problems.add(who);
      continue;
    }
    const { id, vy } = who;
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
    const target = targets.get(path) ?? { path, oldText: await readText(world, path), forms: [] };
    target.forms.push({ form, stage: id.stage, criteria: vy.year.data.tieu_chi.map((c) => c.ma) });
    targets.set(path, target);
  }

  // Every form into its file, in memory.
  const texts = new Map<string, { text: string; cells: CellOfPath[]; fallback: CellRef }>();
  for (const t of targets.values()) {
    let text = t.oldText;
    const cells: CellOfPath[] = [];
    for (const { form, stage, criteria } of t.forms) {
      const spec = STAGE_SPECS[stage];
      const applied = applyForm(spec, form.sheets.get(spec.sheet.name)!, form.book, criteria, text);
      for (const p of applied.problems) problems.add(p);
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
    const after = validateProject(await loadProject(overlay, check, opts.dataDir), check);
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
  const written: string[] = [];
  if (!problems.hasErrors && !opts.check) {
    for (const f of files) {
      const r = await guard(problems, f.path, "write", () => world.writeFileAtomic(f.path, new TextEncoder().encode(texts.get(f.path)!.text)));
      if (r === FAILED) break;
      written.push(f.path);
    }
  }
  return { diagnostics: problems.sorted(), files, written };
}

/** The params of import/too-large for the file itself (read-form says it for the unzipped content). */
function tooLarge(size: number): Params {
  return { whatVi: "Tệp", whatEn: "The file", size: mib(size), max: mib(MAX_FILE_BYTES) };
}

async function readText(world: World, path: string): Promise<string | undefined> {
  const b = await world.readFile(path);
  return b === undefined ? undefined : new TextDecoder().decode(b);
}

function baseName(p: string): string {
  return p.slice(p.lastIndexOf("/") + 1);
}
