/**
 * LibreOffice as a converter that can neither hang nor crash its caller: each
 * call runs in its own process group with a fresh profile and a time limit;
 * on time-out the whole group (soffice, oosplash, soffice.bin) is killed. A
 * failure is returned as a sentence, never thrown.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";

export interface SofficeResult {
  /** The DOCX files whose PDF LibreOffice wrote. */
  converted: string[];
  /** Per DOCX it did not convert, why. */
  failed: { docx: string; reason: string }[];
  ms: number;
}

export interface SofficeOptions {
  /** Time limit of one soffice call (default 120 s). */
  timeoutMs?: number;
  /** Documents per soffice call (default 8): a failing call costs only its batch, retried one by one. */
  batch?: number;
  /** The command (default "soffice"). */
  command?: string;
}

interface CallOutcome {
  ok: boolean;
  reason: string;
}

/** One soffice call over `docx`, with a fresh profile; resolves when it ends or is killed. */
function convertOnce(command: string, docx: string[], outDir: string, timeoutMs: number): Promise<CallOutcome> {
  const profile = mkdtempSync(join(tmpdir(), "ktd-soffice-profile-"));
  return new Promise((resolve) => {
    let stderr = "";
    let timedOut = false;
    let settled = false;
    const done = (o: CallOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      rmSync(profile, { recursive: true, force: true });
      resolve(o);
    };
    const child = spawn(command, [`-env:UserInstallation=${pathToFileURL(profile).href}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", outDir, ...docx], {
      detached: true,
      stdio: ["ignore", "ignore", "pipe"],
    });
    child.stderr.on("data", (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid) process.kill(-child.pid, "SIGKILL");
      } catch {
        /* already gone */
      }
    }, timeoutMs);
    child.on("error", (e) => done({ ok: false, reason: `could not start ${command}: ${e.message}` }));
    child.on("close", (code, signal) => {
      if (timedOut) done({ ok: false, reason: `timed out after ${(timeoutMs / 1000).toFixed(0)} s and was stopped` });
      else if (code !== 0) done({ ok: false, reason: `exited with ${code ?? signal}${stderr.trim() ? `: ${stderr.trim().split("\n").pop()}` : ""}` });
      else done({ ok: true, reason: "" });
    });
  });
}

const pdfOf = (outDir: string, docx: string) => join(outDir, basename(docx).replace(/\.docx$/i, ".pdf"));

/**
 * Converts DOCX files to PDF in `outDir`, in batches; a batch that fails is
 * retried one document at a time, so one bad document is named alone.
 */
export async function sofficeConvert(docx: readonly string[], outDir: string, opts: SofficeOptions = {}): Promise<SofficeResult> {
  const command = opts.command ?? "soffice";
  const timeoutMs = opts.timeoutMs ?? 120_000;
  const size = Math.max(1, opts.batch ?? 8);
  const t0 = performance.now();
  const converted: string[] = [];
  const failed: { docx: string; reason: string }[] = [];
  const settle = (files: readonly string[], reason: string) => {
    for (const f of files) {
      if (existsSync(pdfOf(outDir, f))) converted.push(f);
      else failed.push({ docx: f, reason: reason || "LibreOffice wrote no PDF" });
    }
  };
  for (let i = 0; i < docx.length; i += size) {
    const group = docx.slice(i, i + size);
    const o = await convertOnce(command, group, outDir, timeoutMs);
    const missing = group.filter((f) => !existsSync(pdfOf(outDir, f)));
    if (o.ok || missing.length === 0 || group.length === 1) {
      settle(group, o.reason);
      continue;
    }
    settle(
      group.filter((f) => !missing.includes(f)),
      "",
    );
    for (const f of missing) settle([f], (await convertOnce(command, [f], outDir, timeoutMs)).reason);
  }
  return { converted, failed, ms: performance.now() - t0 };
}
