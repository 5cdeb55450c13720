import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

/** True when a command is on the PATH (the optional system tools: soffice, pdftotext, pdfinfo, qpdf). */
export function hasCommand(name: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).status === 0;
}

/** Runs a command and returns its standard output; throws with its standard error on failure. */
export function run(cmd: string, args: string[], opts: { cwd?: string; timeoutMs?: number } = {}): string {
  const r = spawnSync(cmd, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, timeout: opts.timeoutMs ?? 600_000, ...(opts.cwd ? { cwd: opts.cwd } : {}) });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed: ${r.stderr || r.error?.message || r.status}`);
  return r.stdout;
}

/** One whole process, timed from outside: wall time, and with GNU time its processor time and peak memory. */
export interface ProcessSample {
  ms: number;
  /** User + system time of the process and the children it waited for (GNU time; 10 ms steps). */
  cpuMs?: number;
  /** Peak resident memory (GNU time), MiB. */
  peakMiB?: number;
  stdout: string;
  stderr: string;
}

const GNU_TIME = "/usr/bin/time";
const MARK = "ktd-time";
let gnuTime: boolean | undefined;

/** True when GNU time is at /usr/bin/time (it understands -f). */
export function hasGnuTime(): boolean {
  gnuTime ??= existsSync(GNU_TIME) && spawnSync(GNU_TIME, ["-f", "%M", "true"], { encoding: "utf8" }).status === 0;
  return gnuTime;
}

/** Runs one command as a new process, timed; throws with its standard error when it fails. */
export function timedProcess(cmd: string, args: readonly string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): ProcessSample {
  const wrap = hasGnuTime();
  const [file, argv] = wrap ? [GNU_TIME, ["-f", `${MARK} %U %S %M`, cmd, ...args]] : [cmd, [...args]];
  const t0 = performance.now();
  const r = spawnSync(file, argv, { cwd: opts.cwd, env: opts.env ?? process.env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, timeout: opts.timeoutMs ?? 600_000, stdio: ["ignore", "pipe", "pipe"] });
  const ms = performance.now() - t0;
  let stderr = r.stderr ?? "";
  const sample: ProcessSample = { ms, stdout: r.stdout ?? "", stderr };
  if (wrap) {
    const lines = stderr.trimEnd().split("\n");
    const last = lines.at(-1) ?? "";
    const m = new RegExp(`^${MARK} ([\\d.]+) ([\\d.]+) (\\d+)$`).exec(last);
    if (m) {
      sample.cpuMs = 1000 * (Number(m[1]) + Number(m[2]));
      sample.peakMiB = Number(m[3]) / 1024;
      stderr = lines.slice(0, -1).join("\n");
      sample.stderr = stderr;
    }
  }
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")}: ${r.error?.message ?? `exit ${r.status ?? r.signal}`}\n${stderr.slice(-2000)}`);
  return sample;
}

/**
 * Converts DOCX files to PDF with ONE LibreOffice process and a fresh profile
 * (`profileDir`, which must not exist yet), timed as a whole process.
 */
export function sofficeToPdf(docx: readonly string[], outDir: string, profileDir: string): ProcessSample {
  return timedProcess("soffice", [`-env:UserInstallation=file://${profileDir}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", outDir, ...docx], { timeoutMs: 300_000 });
}
