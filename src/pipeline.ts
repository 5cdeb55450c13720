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
 * Diagnostics are collected through stages 1–4; any error stops the build before
 * step 6, so a failed build never replaces a good file. All I/O goes through World.
 */
import { composeAll, type ComposedDocument } from "./compose/compose-all.ts";
import { Diagnostics, type Diagnostic } from "./diagnostics/diagnostic.ts";
import type { World } from "./io/world.ts";
import { loadProject } from "./load/project.ts";
import { buildModels } from "./model/build-model.ts";
import type { YearModel } from "./model/types.ts";
import { FontNotFoundError, loadFontSet } from "./pdf/fonts/load-font-set.ts";
import type { FontSet } from "./pdf/fonts/font-set.ts";
import { readShellStyle } from "./render/docx/style.ts";
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
  /** Where the PDF font comes from: "auto" (settings, system, package) or "package" only (the same bytes on every machine). */
  fontSource?: "auto" | "package";
  /** The folder of @fontsource/tinos, found by the caller (module resolution is the CLI's business). */
  fontPackageDir?: string;
}

export interface BuildResult {
  diagnostics: Diagnostic[];
  written: string[];
}

/** Stages 1–6. Nothing is written unless every earlier stage succeeded. */
export async function buildProject(world: World, opts: BuildOptions): Promise<BuildResult> {
  const checked = await checkProject(world, opts.dataDir);
  const diags = new Diagnostics();
  for (const d of checked.diagnostics) diags.add(d);
  if (diags.hasErrors) return { diagnostics: diags.sorted(), written: [] };
  const shellPath = "templates/shell.docx";
  const shell = await world.readFile(shellPath);
  if (!shell) {
    diags.error("file/missing", { file: shellPath, line: 1, column: 1 }, { what: shellPath });
    return { diagnostics: diags.sorted(), written: [] };
  }
  let fonts: FontSet;
  try {
    fonts = await loadFontSet((p) => world.readFile(p), {
      ...(opts.fontSource === "package" ? { system: false } : {}),
      ...(opts.fontPackageDir ? { packageDir: opts.fontPackageDir } : {}),
    });
  } catch (err) {
    if (!(err instanceof FontNotFoundError)) throw err;
    diags.error("pdf/font-not-found", { file: shellPath, line: 1, column: 1 }, { detail: err.message });
    return { diagnostics: diags.sorted(), written: [] };
  }
  const epoch = world.env("SOURCE_DATE_EPOCH");
  const files = await renderAll(checked.documents, { shell, style: readShellStyle(shell), fonts, ...(epoch ? { sourceDateEpoch: epoch } : {}) }, opts.outDir, diags);
  if (diags.hasErrors) return { diagnostics: diags.sorted(), written: [] };
  for (const f of files) await world.writeFileAtomic(f.path, f.bytes);
  return { diagnostics: diags.sorted(), written: files.map((f) => f.path) };
}
