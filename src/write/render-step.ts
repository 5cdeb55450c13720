import { Diagnostics, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { World } from "../io/world.ts";
import type { OutputFile } from "../render/render-all.ts";
import type { BuildOptions } from "./options.ts";
import type { OutPlan } from "./plan-step.ts";
import type { Prepared } from "./prepare-step.ts";
import { ContentMemo } from "./content-memo.ts";
import { pdfPartsStore } from "./parts-cache.ts";

/**
 * A document's files as rendered, with what rendering said, kept in the process by everything they
 * are made from (the composed document's hash, the tool, fonts and shell, the output paths): a
 * second build in one process (--watch, the next build after one cut off) does not render the same
 * document again. A hit gives the bytes a fresh rendering gives.
 */
const RENDERED = new ContentMemo<{ files: OutputFile[]; diagnostics: Diagnostic[] }>(64);

/** Stage 5 for the documents to rebuild: their bytes, in memory; nothing is written. */
export async function renderPlanned(world: World, prepared: Prepared, plan: OutPlan, opts: BuildOptions, diags: Diagnostics): Promise<OutputFile[]> {
  const files: OutputFile[] = [];
  if (!plan.todo.length) return files;
  const [{ renderAll }, { prepareSharedFonts }] = await Promise.all([import("../render/render-all.ts"), import("./shared-fonts.ts")]);
  const { shell, style, fonts, identity } = prepared;
  // The shared font subsets: made once per font file and kept in out/.cache (not committed).
  await prepareSharedFonts(world, opts.outDir, fonts, identity.tool, opts.fontPreset);
  const parts = await pdfPartsStore(world, opts.outDir);
  const e = world.env("SOURCE_DATE_EPOCH");
  const epoch = e ? { sourceDateEpoch: e } : {};
  for (const [i, p] of plan.todo.entries()) {
    const key = [p.content, identity.tool, identity.fonts, identity.shell, opts.outDir, e ?? "", ...p.outputs];
    const made = await RENDERED.get(key, async () => {
      const said = new Diagnostics();
      return { files: await renderAll([p.composed], { shell, style, fonts, ...epoch }, opts.outDir, said), diagnostics: said.items };
    });
    for (const d of made.diagnostics) diags.add(d);
    files.push(...made.files);
    // What the year's outputs will take from each PDF, recorded now, once per content.
    for (const f of made.files) if (f.path.endsWith(".pdf")) await parts.parts(f.bytes);
    opts.onProgress?.(i + 1, plan.todo.length, p.key);
  }
  return files;
}
