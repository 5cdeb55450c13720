import { Diagnostics, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { World } from "../io/world.ts";
import { collectForms, loadForForms, type FormSelection } from "./collect.ts";
import { deterministicZip } from "./deterministic-zip.ts";
import type { FormInput } from "./form-input.ts";
import { formFileName } from "./stages.ts";
import { buildWorkbook } from "./workbook.ts";
import { writeForms, type FormsWriteResult } from "./write-forms.ts";

/** The bytes of one form: the same input always gives the same bytes. */
export async function formBytes(input: FormInput): Promise<Uint8Array> {
  const wb = await buildWorkbook(input);
  return deterministicZip(new Uint8Array(await wb.xlsx.writeBuffer()));
}

export interface FormsOptions extends FormSelection {
  dataDir: string;
  outDir: string;
}

/** `khoi-thi-dua forms`: load and validate, make the selected forms, write them under out/<year>/bieu-mau/. */
export async function makeForms(world: World, opts: FormsOptions): Promise<FormsWriteResult & { diagnostics: Diagnostic[]; count: number }> {
  const diags = new Diagnostics();
  const { raw, valid } = await loadForForms(world, diags, opts.dataDir);
  const none = { written: [], unchanged: [], count: 0 };
  if (!valid || diags.hasErrors) return { ...none, diagnostics: diags.sorted() };
  const inputs = collectForms(raw, valid, opts);
  if (!inputs.length) {
    diags.error("forms/none-selected", { file: `${opts.dataDir}/khoi.yaml`, line: 0, column: 0 }, { unit: opts.unit ?? "*", stage: opts.stage ?? "*", year: opts.year ?? "*" });
    return { ...none, diagnostics: diags.sorted() };
  }
  const planned = [];
  for (const input of inputs) planned.push({ year: input.year, name: formFileName(input.unit.id, input.stage), bytes: await formBytes(input) });
  const result = await writeForms(world, opts.outDir, planned, diags);
  return { ...result, count: planned.length, diagnostics: diags.sorted() };
}
