import type { Diagnostics } from "../diagnostics/diagnostic.ts";
import type { World } from "../io/world.ts";
import type { OutputFile, RenderInputs } from "../render/render-all.ts";
import type { BuildOptions } from "./options.ts";
import { FONT_CACHE } from "./options.ts";
import type { OutPlan } from "./plan-step.ts";
import type { Prepared } from "./prepare-step.ts";

/** Stage 5 for the documents to rebuild: their bytes, in memory; nothing is written. */
export async function renderPlanned(world: World, prepared: Prepared, plan: OutPlan, opts: BuildOptions, diags: Diagnostics): Promise<OutputFile[]> {
  const files: OutputFile[] = [];
  const e = world.env("SOURCE_DATE_EPOCH");
  const epoch = e ? { sourceDateEpoch: e } : {};
  const { shell, style, fonts, identity } = prepared;
  if (!plan.todo.length) return renderYears(plan, { shell, style, fonts, ...epoch }, diags, files);
  const [{ renderAll }, { preparePdfFonts }, { worldByteCache }] = await Promise.all([
    import("../render/render-all.ts"),
    import("../pdf/emit/prepared-fonts.ts"),
    import("../pdf/fonts/byte-cache.ts"),
  ]);
  // The shared font subsets: made once per font file and kept in out/.cache (not committed).
  await preparePdfFonts(fonts, { cache: worldByteCache(world, `${opts.outDir}/${FONT_CACHE}`), identity: identity.tool });
  for (const [i, p] of plan.todo.entries()) {
    files.push(...(await renderAll([p.composed], { shell, style, fonts, ...epoch }, opts.outDir, diags)));
    opts.onProgress?.(i + 1, plan.todo.length, p.key);
  }
  return renderYears(plan, { shell, style, fonts, ...epoch }, diags, files);
}

/** The year outputs to rebuild (the report), after the documents. */
async function renderYears(plan: OutPlan, inputs: RenderInputs, diags: Diagnostics, files: OutputFile[]): Promise<OutputFile[]> {
  for (const p of plan.yearTodo) {
    const bytes = await p.kind.render(p.ctx, inputs, diags);
    if (bytes) files.push({ path: p.path, bytes });
  }
  return files;
}
