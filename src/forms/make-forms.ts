import { Diagnostics, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { World } from "../io/world.ts";
import { collectForms, loadForForms, type FormSelection } from "./collect.ts";
import { workbookZip } from "./deterministic-zip.ts";
import type { FormInput } from "./form-input.ts";
import { formFileName } from "./stages.ts";
import { buildWorkbook } from "./workbook.ts";
import { RECORD, stageForms, type FormsWriteResult } from "./write-forms.ts";
import { inTransaction, type Staging } from "../write/transaction.ts";

/** The bytes of one form: the same input always gives the same bytes. */
export async function formBytes(input: FormInput): Promise<Uint8Array> {
  const wb = await buildWorkbook(input);
  return workbookZip(wb);
}

export interface FormsOptions extends FormSelection {
  dataDir: string;
  outDir: string;
}

/**
 * `khoi-thi-dua forms`: in the project transaction, load and validate, make the selected forms,
 * and write them under out/<year>/bieu-mau/, all or none. `written` is what is on disk after.
 */
export async function makeForms(world: World, opts: FormsOptions): Promise<FormsWriteResult & { diagnostics: Diagnostic[]; count: number; pending: string[] }> {
  const diags = new Diagnostics();
  const tx = await inTransaction(world, { command: "forms" }, diags, (staging) => planForms(world, opts, diags, staging));
  const r = tx.value ?? { written: [], unchanged: [], count: 0 };
  const record = new Set(tx.written.filter((p) => p.endsWith(`/${RECORD}`)));
  return { ...r, written: tx.written.filter((p) => !record.has(p)), pending: tx.pending, diagnostics: diags.sorted() };
}

async function planForms(world: World, opts: FormsOptions, diags: Diagnostics, staging: Staging): Promise<FormsWriteResult & { count: number }> {
  const { raw, valid } = await loadForForms(world, diags, opts.dataDir);
  const none = { written: [], unchanged: [], count: 0 };
  if (!valid || diags.hasErrors) return none;
  const inputs = collectForms(raw, valid, opts);
  if (!inputs.length) {
    diags.error("forms/none-selected", { file: `${opts.dataDir}/khoi.yaml`, line: 0, column: 0 }, { unit: opts.unit ?? "*", stage: opts.stage ?? "*", year: opts.year ?? "*" });
    return none;
  }
  const planned = [];
  for (const input of inputs) planned.push({ year: input.year, name: formFileName(input.unit.id, input.stage), bytes: await formBytes(input) });
  const result = await stageForms(world, opts.outDir, planned, diags, staging);
  return { ...result, count: planned.length };
}
