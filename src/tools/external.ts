import { spawnSync } from "node:child_process";

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

/** Converts DOCX files to PDF with one LibreOffice call; returns the elapsed milliseconds. */
export function sofficeToPdf(docx: string[], outDir: string, profileDir: string): number {
  const t0 = performance.now();
  run("soffice", [`-env:UserInstallation=file://${profileDir}`, "--headless", "--convert-to", "pdf", "--outdir", outDir, ...docx]);
  return performance.now() - t0;
}
