import type { Diagnostics } from "../diagnostics/diagnostic.ts";
import type { World } from "../io/world.ts";
import type { Staging } from "../write/transaction.ts";
import { stageRecorded, type RecordedFolder, type RecordedWriteResult } from "../write/recorded-folder.ts";

/** out/<year>/bieu-mau/: the forms, and the record of what the tool wrote there. */
export function formsDir(outDir: string, year: number): string {
  return `${outDir}/${year}/bieu-mau`;
}
export const RECORD = ".bieu-mau.json";

export interface PlannedForm {
  year: number;
  name: string;
  bytes: Uint8Array;
}

export type FormsWriteResult = RecordedWriteResult;

const FORMS: RecordedFolder = { dir: formsDir, record: RECORD, names: /^[a-z0-9-]+\.xlsx$/, kept: "forms/kept-file", damaged: "forms/record-damaged", command: "forms" };

/**
 * Stages the forms and their record in the project transaction (src/write/recorded-folder.ts): a
 * form a unit filled and saved there, or any other file of that name, is kept, and then nothing
 * at all is written.
 */
export function stageForms(world: World, outDir: string, forms: PlannedForm[], diags: Diagnostics, staging: Staging): Promise<FormsWriteResult> {
  return stageRecorded(world, outDir, FORMS, forms, diags, staging);
}
