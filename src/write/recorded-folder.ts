/**
 * Folders of files a command writes beside a record of what it wrote (out/<year>/bieu-mau/ of
 * the forms, out/<year>/edxml/ of the edXML packages): a file there is replaced only when it
 * is the one the tool wrote last, so a form a unit filled in or a file a person put there is
 * never lost.
 */
import type { Code } from "../diagnostics/catalogue.ts";
import type { Diagnostics } from "../diagnostics/diagnostic.ts";
import type { World } from "../io/world.ts";
import { FAILED, guard } from "./guard.ts";
import { sha256 } from "./hash.ts";
import type { Staging } from "./transaction.ts";

export interface RecordedWriteResult {
  written: string[];
  unchanged: string[];
}

/** A folder of files the tool writes beside a record of their hashes: out/<year>/<dir>/ and its record file. */
export interface RecordedFolder {
  dir(outDir: string, year: number): string;
  /** The record's file name in the folder. */
  record: string;
  /** The names a record may hold (a hand-edited record cannot point outside the folder). */
  names: RegExp;
  /** The error for a file there that is not the tool's, and the warning for a damaged record. */
  kept: Code;
  damaged: Code;
  /** The npm script that writes the folder, for messages. */
  command: string;
}

export interface PlannedFile {
  year: number;
  name: string;
  bytes: Uint8Array;
}

/**
 * Stages the files and their records in the project transaction (committed all or none, never
 * through a link). A file is replaced only when the file there is the one the tool wrote last
 * (its hash is in the record): any other file of that name is kept, and then nothing at all is
 * written.
 */
export async function stageRecorded(world: World, outDir: string, spec: RecordedFolder, files: PlannedFile[], diags: Diagnostics, staging: Staging): Promise<RecordedWriteResult> {
  const result: RecordedWriteResult = { written: [], unchanged: [] };
  const years = [...new Set(files.map((f) => f.year))];
  const records = new Map<number, Record<string, string>>();
  for (const y of years) records.set(y, await readRecord(world, `${spec.dir(outDir, y)}/${spec.record}`, spec, diags));
  const toWrite: { path: string; form: PlannedFile }[] = [];
  for (const form of files) {
    const path = `${spec.dir(outDir, form.year)}/${form.name}`;
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
      diags.error(spec.kept, { file: path, line: 0, column: 0 }, { path });
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
    const path = `${spec.dir(outDir, y)}/${spec.record}`;
    const old = await world.readFile(path).catch(() => undefined);
    if (old && new TextDecoder().decode(old) === text) continue;
    staging.write(path, new TextEncoder().encode(text));
  }
  return result;
}

/**
 * The record of the files the tool wrote. A record that is not the JSON the tool writes is
 * not silently taken as empty: a warning names it and says how to get back (the folder's
 * `damaged` code); the record is then rebuilt from the files on disk that are byte for byte
 * what the tool writes now, and any other file there is kept.
 */
async function readRecord(world: World, path: string, spec: RecordedFolder, diags: Diagnostics): Promise<Record<string, string>> {
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
    if (spec.names.test(k) && typeof v === "string" && /^[0-9a-f]{64}$/.test(v)) out[k] = v;
    else damaged = true;
  }
  if (damaged) diags.warning(spec.damaged, { file: path, line: 0, column: 0 }, { path, dir: path.slice(0, path.lastIndexOf("/") + 1), command: spec.command });
  return out;
}

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * Whether the files `names` of a recorded folder are each there and exactly what the record says
 * the tool wrote last: a command whose inputs have not changed need not make them again; a file a
 * person changed is never taken for the tool's.
 */
export async function recordedAsWritten(world: World, outDir: string, spec: RecordedFolder, year: number, names: readonly string[], diags: Diagnostics): Promise<boolean> {
  const dir = spec.dir(outDir, year);
  const record = await readRecord(world, `${dir}/${spec.record}`, spec, diags);
  for (const name of names) {
    const bytes = await world.readFile(`${dir}/${name}`).catch(() => undefined);
    if (!bytes || record[name] !== sha256(bytes)) return false;
  }
  return true;
}
