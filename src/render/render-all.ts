import type { ComposedDocument } from "../compose/compose-all.ts";
import { renderDocx } from "./docx/render.ts";

export interface OutputFile {
  path: string;
  bytes: Uint8Array;
}

/** Stage 5: every composed document rendered to DOCX bytes. Pure: nothing is read or written here. */
export function renderAll(docs: readonly ComposedDocument[], shell: Uint8Array, outDir: string): OutputFile[] {
  return docs.map(({ year, doc }) => ({ path: `${outDir}/${year}/${doc.stem}.docx`, bytes: renderDocx(doc, shell) }));
}
