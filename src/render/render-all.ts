import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { World } from "../io/world.ts";
import type { YearModel } from "../model/types.ts";

export interface OutputFile {
  path: string;
  bytes: Uint8Array;
}

/** Stages 4–5 for every year: compose the documents and render them. */
export async function renderAll(_world: World, _models: YearModel[], _outDir: string): Promise<{ files: OutputFile[]; diagnostics: Diagnostic[] }> {
  return { files: [], diagnostics: [] };
}
