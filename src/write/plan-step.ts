import type { Diagnostics } from "../diagnostics/diagnostic.ts";
import { onlyName } from "../documents/registry.ts";
import type { World } from "../io/world.ts";
import { FAILED, guard } from "./guard.ts";
import { sha256 } from "./hash.ts";
import { MANIFEST_NAME, readManifest, type Manifest } from "./manifest.ts";
import type { BuildOptions, BuildResult } from "./options.ts";
import { carriesSignature, ownedOutputs, sanitizeManifest } from "./owned-files.ts";
import { planBuild, type DocPlan } from "./plan.ts";
import type { Prepared } from "./prepare-step.ts";
import { yearOutputPath } from "./year-output-paths.ts";
import { planYearOutputs, yearContexts, YEAR_OUTPUTS, type YearPlan } from "./year-outputs.ts";

/** What is to be done in out/: every document's plan, and the files of vanished documents to remove. */
export interface OutPlan {
  manifestPath: string;
  /** The previous manifest, its paths checked against the files the build owns. */
  previous: Manifest | undefined;
  /** The hash of each owned output now on disk (undefined: missing). */
  onDisk: Map<string, string | undefined>;
  plans: DocPlan[];
  todo: DocPlan[];
  /** Outputs of documents that no longer exist, unchanged since the build wrote them. */
  vanished: string[];
  /** The year outputs (with BuildOptions.yearOutputs), and those to rebuild. */
  years: YearPlan[];
  yearTodo: YearPlan[];
}

/**
 * Reads out/ (the manifest and the owned outputs) and decides what to rebuild; refuses to
 * replace a signed PDF unless asked, and keeps files of vanished documents that were signed
 * or edited. Writes nothing but the result's rebuilt and skipped lists.
 */
export async function planOutputs(world: World, prepared: Prepared, opts: BuildOptions, diags: Diagnostics, result: BuildResult): Promise<OutPlan | undefined> {
  const manifestPath = `${opts.outDir}/${MANIFEST_NAME}`;
  const read = await guard(diags, manifestPath, "read", () => readManifest(world, opts.outDir));
  if (read === FAILED) return undefined;
  if (read.damaged) diags.warning("manifest/damaged", { file: manifestPath, line: 1, column: 1 }, { detail: read.damaged });
  const previous = sanitizeManifest(read.manifest, opts.outDir, manifestPath, diags);
  const onDisk = new Map<string, string | undefined>();
  const signed = new Set<string>();
  const readOutputs = async (paths: readonly string[]) => {
    for (const path of paths) {
      if (onDisk.has(path)) continue;
      const bytes = await guard(diags, path, "read", () => world.readFile(path));
      if (bytes === FAILED) return false;
      onDisk.set(path, bytes ? sha256(bytes) : undefined);
      if (bytes && path.endsWith(".pdf") && carriesSignature(bytes)) signed.add(path);
    }
    return true;
  };
  for (const d of prepared.docs) if (!(await readOutputs(ownedOutputs(opts.outDir, `${d.year}/${d.doc.stem}`)!))) return undefined;
  const plans = planBuild(prepared.docs, previous, prepared.identity, prepared.reads, onDisk, opts.outDir, opts.dataDir);
  const todo = plans.filter((p) => p.reasons.length > 0);
  result.rebuilt = todo;
  result.skipped = plans.filter((p) => p.reasons.length === 0).map((p) => p.key);
  const contexts = opts.yearOutputs ? yearContexts(prepared, opts.dataDir) : [];
  for (const c of contexts) for (const kind of YEAR_OUTPUTS) if (!(await readOutputs([yearOutputPath(opts.outDir, `${c.year}/${kind.id}`)!]))) return undefined;
  const years = planYearOutputs(YEAR_OUTPUTS, contexts, previous, prepared.identity, onDisk, opts.outDir);
  const yearTodo = years.filter((p) => p.reasons.length > 0);
  if (opts.yearOutputs) result.yearRebuilt = yearTodo.map((p) => ({ key: p.key, reasons: p.reasons }));
  // A signed PDF is never replaced without being asked.
  if (!opts.replaceSigned) {
    for (const p of todo)
      for (const path of p.outputs)
        if (signed.has(path)) diags.error("build/signed-output", { file: path, line: 1, column: 1 }, { path, only: onlyName(p.composed.doc.stem) });
    for (const p of yearTodo) if (signed.has(p.path)) diags.error("build/signed-output", { file: p.path, line: 1, column: 1 }, { path: p.path, only: String(p.ctx.year) });
  }
  // The files of documents that no longer exist: only the build's own, as it wrote them.
  const current = new Set([...plans.map((p) => p.key), ...years.map((p) => p.key)]);
  const vanished: string[] = [];
  // The year outputs of a year that left the data go the same way (only when the build makes them).
  const yearEntries = opts.yearOutputs ? Object.values(previous?.years ?? {}) : [];
  if (!prepared.filtered)
    for (const e of [...Object.values(previous?.documents ?? {}), ...yearEntries]) {
      if (current.has(e.key)) continue;
      const paths = Object.keys(e.outputs);
      if (!(await readOutputs(paths))) return undefined;
      for (const path of paths) {
        const now = onDisk.get(path);
        if (now === undefined) continue;
        if (signed.has(path)) diags.warning("build/kept-file", { file: path, line: 1, column: 1 }, { path, whyVi: "tệp đã được ký số", whyEn: "it carries a signature" });
        else if (now !== e.outputs[path]) diags.warning("build/kept-file", { file: path, line: 1, column: 1 }, { path, whyVi: "tệp đã được sửa sau lần lập trước", whyEn: "it was changed after the last build" });
        else if (!(await reachedDirectly(world, opts.outDir, path))) {
          // Through a link (out/2019 → ../templates): the file is not the build's own; said in --check too.
          diags.error("file/link", { file: path, line: 1, column: 1 }, { target: (await world.realPath(path)) ?? "?", reasonVi: "đi qua liên kết (symlink); công cụ không xóa qua liên kết", reason: "goes through a symbolic link; the tool never removes through one" });
        } else vanished.push(path);
      }
    }
  return { manifestPath, previous, onDisk, plans, todo, vanished, years, yearTodo };
}

/** Whether `path` under the output folder is that very file, not one a symbolic link on the way leads to. */
async function reachedDirectly(world: World, outDir: string, path: string): Promise<boolean> {
  const [real, realOut] = await Promise.all([world.realPath(path), world.realPath(outDir)]);
  return real !== undefined && realOut !== undefined && real === realOut + path.slice(outDir.length);
}
