/**
 * The build, in stages with plain data between them:
 *
 *   1. load      data/ → RawProject        YAML and front matter parsed with source positions
 *   2. validate  RawProject → ValidProject  zod schemas, then checks across files
 *   3. model     ValidProject → YearModel[] ids resolved; totals, ranks, votes computed
 *   4. compose   YearModel → AdminDocument[] templates filled (Handlebars), bodies parsed
 *   5. render    AdminDocument → bytes      DOCX (docxtemplater); PDF (layout, then emit)
 *   6. write     bytes → out/<year>/...     atomic writes, only after every stage succeeded
 *
 * Diagnostics are collected through stages 1–4; any error stops the build before
 * step 6, so a failed build never replaces a good file. All I/O goes through World.
 */
import { composeAll, type ComposedDocument } from "./compose/compose-all.ts";
import { Diagnostics, type Diagnostic } from "./diagnostics/diagnostic.ts";
import type { World } from "./io/world.ts";
import { loadProject } from "./load/project.ts";
import { buildModels } from "./model/build-model.ts";
import type { YearModel } from "./model/types.ts";
import { renderAll } from "./render/render-all.ts";
import { validateProject } from "./validate/project.ts";

export interface CheckResult {
  diagnostics: Diagnostic[];
  models: YearModel[];
  documents: ComposedDocument[];
}

/** Stages 1–4: everything that can find a mistake in the data or the templates. Writes nothing. */
export async function checkProject(world: World, dataDir = "data"): Promise<CheckResult> {
  const diags = new Diagnostics();
  const raw = await loadProject(world, diags, dataDir);
  const valid = validateProject(raw, diags);
  const models = valid && !diags.hasErrors ? buildModels(valid, diags) : [];
  const documents = models.length && !diags.hasErrors ? await composeAll(world, models, diags) : [];
  return { diagnostics: diags.sorted(), models, documents };
}

export interface BuildOptions {
  dataDir: string;
  outDir: string;
}

export interface BuildResult {
  diagnostics: Diagnostic[];
  written: string[];
}

/** Stages 1–6. Nothing is written unless every earlier stage succeeded. */
export async function buildProject(world: World, opts: BuildOptions): Promise<BuildResult> {
  const checked = await checkProject(world, opts.dataDir);
  const diagnostics = [...checked.diagnostics];
  if (diagnostics.some((d) => d.severity === "error")) return { diagnostics, written: [] };
  const shellPath = "templates/shell.docx";
  const shell = await world.readFile(shellPath);
  if (!shell) {
    diagnostics.push({ code: "file/missing", severity: "error", pos: { file: shellPath, line: 1, column: 1 }, params: { what: shellPath } });
    return { diagnostics, written: [] };
  }
  const files = renderAll(checked.documents, shell, opts.outDir);
  for (const f of files) await world.writeFileAtomic(f.path, f.bytes);
  return { diagnostics, written: files.map((f) => f.path) };
}
