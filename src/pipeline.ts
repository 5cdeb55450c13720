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
 * Stages 1–4 are checkProject below; 5–6 are buildProject (src/write/build.ts),
 * which renders only the documents whose composed content, tool, fonts or
 * shell changed since the manifest in out/ (or whose outputs were removed or
 * edited by hand). Diagnostics are collected through every stage; any error
 * stops the build before step 6, so a failed build never replaces a good file.
 * All I/O goes through World.
 */
import { composeAll, type ComposedDocument } from "./compose/compose-all.ts";
import { Diagnostics, type Diagnostic } from "./diagnostics/diagnostic.ts";
import type { World } from "./io/world.ts";
import { loadProject } from "./load/project.ts";
import type { SourceCache } from "./load/source-cache.ts";
import { buildModels } from "./model/build-model.ts";
import type { YearModel } from "./model/types.ts";
import { validateProject } from "./validate/project.ts";

export interface CheckResult {
  diagnostics: Diagnostic[];
  models: YearModel[];
  documents: ComposedDocument[];
}

/**
 * Stages 1–4: everything that can find a mistake in the data or the templates. Writes nothing.
 * With a cache (read through its own World), data files whose bytes it holds are not parsed again.
 */
export async function checkProject(world: World, dataDir = "data", cache?: SourceCache): Promise<CheckResult> {
  const diags = new Diagnostics();
  const raw = await loadProject(world, diags, dataDir, cache);
  const valid = validateProject(raw, diags, { documents: true });
  const models = valid && !diags.hasErrors ? buildModels(valid, diags) : [];
  const documents = models.length && !diags.hasErrors ? await composeAll(world, models, diags) : [];
  return { diagnostics: diags.sorted(), models, documents };
}

