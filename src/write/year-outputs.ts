/**
 * Outputs of a whole year, made from all of its documents and its model (the
 * HTML report; a print bundle may follow): a list of kinds, each an id (its
 * file: year-output-paths.ts), a hash of what it is made from and a render
 * function. Planned like the documents: rebuilt only when that hash, the tool,
 * the fonts or the shell changed, or the file is missing or edited; written
 * by the same commit step under the same rules.
 */
import type { ComposedDocument } from "../compose/compose-all.ts";
import type { Diagnostic, Diagnostics } from "../diagnostics/diagnostic.ts";
import type { YearModel } from "../model/types.ts";
import type { RenderInputs } from "../render/renderers.ts";
import { reportOutput } from "../report/year-output.ts";
import type { Manifest } from "./manifest.ts";
import type { BuildIdentity, Reason } from "./plan.ts";
import type { Prepared } from "./prepare-step.ts";
import { yearOutputKey, yearOutputPath } from "./year-output-paths.ts";

/** What a year output is made from: never --only's selection, always the whole year. */
export interface YearContext {
  year: number;
  model: YearModel;
  /** Every document of the year, in the order they are composed. */
  documents: readonly ComposedDocument[];
  /** The data's diagnostics about this year (its folder) or about every year (khoi.yaml, templates). */
  diagnostics: readonly Diagnostic[];
}

export interface YearOutputKind {
  /** Its key in YEAR_OUTPUT_FILES. */
  id: string;
  /** A hash of everything the output shows (the tool, fonts and shell are compared apart). */
  contentHash(ctx: YearContext): string;
  render(ctx: YearContext, inputs: RenderInputs, diags: Diagnostics): Promise<Uint8Array | undefined>;
}

/** The year outputs of a build, in this order. */
export const YEAR_OUTPUTS: readonly YearOutputKind[] = [reportOutput];

export interface YearPlan {
  key: string;
  path: string;
  kind: YearOutputKind;
  ctx: YearContext;
  content: string;
  reasons: Reason[];
}

/** The contexts of the years the selection touches (with --year, that one; with --only, the years of what it selects). */
export function yearContexts(prepared: Prepared, dataDir: string): YearContext[] {
  const years = [...new Set(prepared.docs.map((d) => d.year))].sort((a, b) => a - b);
  const yearOf = new RegExp(`^${dataDir.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/(\\d{4})/`);
  return years.flatMap((year) => {
    const model = prepared.checked.models.find((m) => m.year === year);
    if (!model) return [];
    const documents = prepared.checked.documents.filter((d) => d.year === year);
    const diagnostics = prepared.checked.diagnostics.filter((d) => {
      const m = yearOf.exec(d.pos.file);
      return !m || m[1] === String(year);
    });
    return [{ year, model, documents, diagnostics }];
  });
}

export function planYearOutputs(
  kinds: readonly YearOutputKind[],
  contexts: readonly YearContext[],
  previous: Manifest | undefined,
  identity: BuildIdentity,
  onDisk: ReadonlyMap<string, string | undefined>,
  outDir: string,
): YearPlan[] {
  return contexts.flatMap((ctx) =>
    kinds.map((kind) => {
      const key = yearOutputKey(ctx.year, kind.id);
      const path = yearOutputPath(outDir, key)!;
      const content = kind.contentHash(ctx);
      const prev = previous?.years?.[key];
      const reasons: Reason[] = [];
      if (!prev) reasons.push({ code: "new" });
      else {
        if (prev.tool !== identity.tool) reasons.push({ code: "tool" });
        if (prev.fonts !== identity.fonts) reasons.push({ code: "fonts" });
        if (prev.shell !== identity.shell) reasons.push({ code: "shell" });
        if (prev.content !== content) reasons.push({ code: "content" });
        const now = onDisk.get(path);
        if (now === undefined) reasons.push({ code: "output-missing", file: path });
        else if (now !== prev.outputs[path]) reasons.push({ code: "output-changed", file: path });
      }
      return { key, path, kind, ctx, content, reasons };
    }),
  );
}
