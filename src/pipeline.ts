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
import { Diagnostics, type Diagnostic } from "./diagnostics/diagnostic.ts";
import type { World } from "./io/world.ts";
import { loadProject } from "./load/project.ts";
import { buildModels } from "./model/build-model.ts";
import type { YearModel } from "./model/types.ts";
import { validateProject } from "./validate/project.ts";

export interface CheckResult {
  diagnostics: Diagnostic[];
  models: YearModel[];
}

/** Stages 1–3. */
export async function checkProject(world: World, dataDir = "data"): Promise<CheckResult> {
  const diags = new Diagnostics();
  const raw = await loadProject(world, diags, dataDir);
  const valid = validateProject(raw, diags);
  const models = valid && !diags.hasErrors ? buildModels(valid, diags) : [];
  return { diagnostics: diags.sorted(), models };
}

export interface BuildOptions {
  dataDir: string;
  outDir: string;
}

export interface BuildResult {
  diagnostics: Diagnostic[];
  written: string[];
}

export async function buildProject(world: World, opts: BuildOptions): Promise<BuildResult> {
  const checked = await checkProject(world, opts.dataDir);
  if (checked.diagnostics.some((d) => d.severity === "error")) return { diagnostics: checked.diagnostics, written: [] };
  const { renderAll } = await import("./render/render-all.ts");
  const rendered = await renderAll(world, checked.models, opts.outDir);
  const diagnostics = [...checked.diagnostics, ...rendered.diagnostics];
  if (rendered.diagnostics.some((d) => d.severity === "error")) return { diagnostics, written: [] };
  for (const f of rendered.files) await world.writeFileAtomic(f.path, f.bytes);
  return { diagnostics, written: rendered.files.map((f) => f.path) };
}
