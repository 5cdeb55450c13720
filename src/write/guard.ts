import type { Diagnostics } from "../diagnostics/diagnostic.ts";
import { reportIoError } from "../diagnostics/io-diagnostic.ts";

export const FAILED = Symbol("failed");

/**
 * Runs one file operation of the build; a file-system error (EACCES, EROFS,
 * ENOSPC...) becomes a diagnostic naming the file instead of an exception.
 */
export async function guard<T>(diags: Diagnostics, path: string, op: "read" | "write", run: () => Promise<T>): Promise<T | typeof FAILED> {
  try {
    return await run();
  } catch (err) {
    reportIoError(diags, err, path, op);
    return FAILED;
  }
}
