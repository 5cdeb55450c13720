/**
 * The build, in stages with plain data between them:
 *
 *   1. load      data/ → RawProject        YAML and front matter parsed with source positions
 *   2. validate  RawProject → ValidProject  zod schemas, then checks across files
 *   3. model     ValidProject → YearModel[] ids resolved; totals, ranks, votes computed
 *   4. compose   YearModel → AdminDocument[] templates filled (Handlebars), bodies parsed
 *   5. render    AdminDocument → bytes      DOCX (docxtemplater into the shell); PDF: layout
 *                                           (pure, src/pdf/layout) then emit (pdf-lib, src/pdf/emit);
 *                                           fonts loaded once per build, styles read from the shell
 *   6. write     bytes → out/<year>/...     atomic writes, only after every stage succeeded
 *
 * The document types (src/documents/registry.ts) are imported here only and handed
 * down: load, validate and compose take the list as an argument, so no stage imports
 * the registry whose entries call into them.
 *
 * Stages 1–4 are checkProject below; 5–6 are buildProject (src/write/build.ts),
 * which renders only the documents whose composed content, tool, fonts or
 * shell changed since the manifest in out/ (or whose outputs were removed or
 * edited by hand). Diagnostics are collected through every stage; any error
 * stops the build before step 6, so a failed build never replaces a good file.
 * All I/O goes through World.
 */
import type { ProvinceInput } from "./validate/province-input.ts";
import { composeAll, type ComposedDocument } from "./compose/compose-all.ts";
import { Diagnostics, type Diagnostic } from "./diagnostics/diagnostic.ts";
import { DOC_TYPES } from "./documents/registry.ts";
import type { World } from "./io/world.ts";
import { loadProject, type RawProject } from "./load/project.ts";
import type { SourceCache } from "./load/source-cache.ts";
import { buildModels } from "./model/build-model.ts";
import type { YearModel } from "./model/types.ts";
import { validateProject, type ValidateOptions, type ValidProject } from "./validate/project.ts";

export { DOC_TYPES };

export interface CheckResult {
  diagnostics: Diagnostic[];
  models: YearModel[];
  documents: ComposedDocument[];
}

/**
 * Stages 1–4: everything that can find a mistake in the data or the templates. Writes nothing.
 * With a cache (read through its own World), data files whose bytes it holds are not parsed again.
 */
export async function checkProject(world: World, dataDir = "data", cache?: SourceCache, province?: ProvinceInput): Promise<CheckResult> {
  const diags = new Diagnostics();
  const { valid } = await readProject(world, diags, dataDir, { documents: true, ...(province ? { province } : {}) }, cache);
  // Data that could not be checked has said why; were it silent, the build would take every document for gone.
  if (!valid && !diags.hasErrors) throw new Error("the data could not be checked, and no error says why");
  const models = valid && !diags.hasErrors ? buildModels(valid, diags) : [];
  const documents = models.length && !diags.hasErrors ? await composeAll(world, DOC_TYPES, models, diags) : [];
  return { diagnostics: diags.sorted(), models, documents };
}

/** Stages 1–2, for every command that reads the data (check, forms, import, new-year, schema): loaded and validated with the registry's types. */
export async function readProject(world: World, diags: Diagnostics, dataDir = "data", opts: ValidateOptions = {}, cache?: SourceCache): Promise<{ raw: RawProject; valid: ValidProject | undefined }> {
  const raw = await loadProject(world, DOC_TYPES, diags, dataDir, cache);
  return { raw, valid: validateProject(raw, DOC_TYPES, diags, opts) };
}

