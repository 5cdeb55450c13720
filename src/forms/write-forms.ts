import type { Diagnostics } from "../diagnostics/diagnostic.ts";
import type { World } from "../io/world.ts";
import { FAILED, guard } from "../write/guard.ts";
import { sha256 } from "../write/hash.ts";
import type { Staging } from "../write/transaction.ts";

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

export interface FormsWriteResult {
  written: string[];
  unchanged: string[];
}

/**
 * Stages the forms and their record in the project transaction (committed all or
 * none, never through a link). A form is replaced only when the file there is the
 * one the tool wrote last (its hash is in the record): a form a unit filled and saved
 * there, or any other file of that name, is kept, and then nothing at all is written.
 */
export async function stageForms(world: World, outDir: string, forms: PlannedForm[], diags: Diagnostics, staging: Staging): Promise<FormsWriteResult> {
  const result: FormsWriteResult = { written: [], unchanged: [] };
  const years = [...new Set(forms.map((f) => f.year))];
  const records = new Map<number, Record<string, string>>();
  for (const y of years) records.set(y, await readRecord(world, `${formsDir(outDir, y)}/${RECORD}`, diags));
  const toWrite: { path: string; form: PlannedForm }[] = [];
  for (const form of forms) {
    const path = `${formsDir(outDir, form.year)}/${form.name}`;
    const now = await guard(diags, path, "read", () => world.readFile(path));
    if (now === FAILED) continue;
    const hash = sha256(form.bytes);
    if (now !== undefined && sha256(now) === hash) {
      // The bytes the tool writes now: its own form, recorded as such (this rebuilds a damaged record).
      records.get(form.year)![form.name] = hash;
      result.unchanged.push(path);
      continue;
    }
    const recorded = records.get(form.year)![form.name];
    if (now !== undefined && sha256(now) !== recorded) {
      diags.error("forms/kept-file", { file: path, line: 0, column: 0 }, { path });
      continue;
    }
    toWrite.push({ path, form });
  }
  if (diags.hasErrors) return { written: [], unchanged: result.unchanged };
  for (const { path, form } of toWrite) {
    staging.write(path, form.bytes);
    records.get(form.year)![form.name] = sha256(form.bytes);
    result.written.push(path);
  }
  for (const y of years) {
    const rec = records.get(y)!;
    const sorted = Object.fromEntries(Object.entries(rec).sort(([a], [b]) => (a < b ? -1 : 1)));
    const text = JSON.stringify({ version: 1, files: sorted }, null, 2) + "\n";
    const path = `${formsDir(outDir, y)}/${RECORD}`;
    const old = await world.readFile(path).catch(() => undefined);
    if (old && new TextDecoder().decode(old) === text) continue;
    staging.write(path, new TextEncoder().encode(text));
  }
  return result;
}

/**
 * The record of the forms the tool wrote. A record that is not the JSON the tool writes is
 * not silently taken as empty: a warning names it and says how to get back (see the
 * catalogue's forms/record-damaged); the record is then rebuilt from the forms on disk that
 * are byte for byte what the tool writes now, and any other form there is kept.
 */
async function readRecord(world: World, path: string, diags: Diagnostics): Promise<Record<string, string>> {
  const bytes = await guard(diags, path, "read", () => world.readFile(path));
  if (bytes === FAILED || bytes === undefined) return {};
  const out: Record<string, string> = {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    parsed = undefined;
  }
  const files = isMap(parsed) ? parsed["files"] : undefined;
  let damaged = !isMap(files);
  // Only plain form names with a hash: a hand-edited record cannot point outside the folder.
  for (const [k, v] of Object.entries(isMap(files) ? files : {})) {
    if (/^[a-z0-9-]+\.xlsx$/.test(k) && typeof v === "string" && /^[0-9a-f]{64}$/.test(v)) out[k] = v;
    else damaged = true;
  }
  if (damaged) diags.warning("forms/record-damaged", { file: path, line: 0, column: 0 }, { path, dir: path.slice(0, path.lastIndexOf("/") + 1) });
  return out;
}

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
