/**
 * The bench's projects, each a copy in a temporary folder outside the project:
 * the example (data, templates and its committed out/, without caches) or a
 * synthetic bloc, and the one edit the bench makes (a registration value).
 */
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type ProcessSample, timedProcess } from "./external.ts";
import { writeSyntheticProject } from "./synthetic.ts";

/** The data file the bench edits, and the value it changes (a number of advanced workers registered). */
export const EDITED_FILE = "data/2020/dang-ky/so-y-te.yaml";
/** The unit whose registration that file is: `--only` of its document. */
export const EDITED_UNIT = "so-y-te";

export function copyExample(root: string, dir: string): string {
  for (const part of ["data", "templates", "out"]) cpSync(join(root, part), join(dir, part), { recursive: true, filter: (p) => !p.includes(".cache") });
  return dir;
}

export function syntheticProject(root: string, units: number, dir: string): string {
  writeSyntheticProject(root, units, dir);
  return dir;
}

/** Sets `lao_dong_tien_tien` in the edited file of `project` to `value`; throws when the file has no such line. */
export function editRegistration(project: string, value: number): void {
  const p = join(project, EDITED_FILE);
  const before = readFileSync(p, "utf8");
  const after = before.replace(/lao_dong_tien_tien: \d+/, `lao_dong_tien_tien: ${value}`);
  if (after === before && !before.includes(`lao_dong_tien_tien: ${value}`)) throw new Error(`${EDITED_FILE}: no lao_dong_tien_tien line to change`);
  writeFileSync(p, after);
}

/** How many documents the build's closing line says it built (Vietnamese or English), or undefined without one. */
export function builtCount(stderr: string): number | undefined {
  const m = /^(?:Xong|Done): (\d+) /m.exec(stderr);
  return m ? Number(m[1]) : undefined;
}

/** The whole CLI as a new process: node bin/khoi-thi-dua.js <args>. */
export function cli(root: string, args: readonly string[], env: NodeJS.ProcessEnv): ProcessSample {
  return timedProcess(process.execPath, [join(root, "bin", "khoi-thi-dua.js"), ...args], { env });
}

/** Runs the CLI and checks the number of documents its closing line says it built. */
export function cliBuilt(root: string, args: readonly string[], env: NodeJS.ProcessEnv, expect: (n: number) => boolean, what: string): ProcessSample {
  const s = cli(root, args, env);
  const n = builtCount(s.stderr);
  if (n === undefined || !expect(n)) throw new Error(`${what}: the build said ${n === undefined ? "nothing about" : n} documents built\n${s.stderr.slice(-1500)}`);
  return s;
}
