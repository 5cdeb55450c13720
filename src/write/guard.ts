import type { Diagnostics } from "../diagnostics/diagnostic.ts";
import { ioReason, isIoError, isLinkError } from "../io/io-error.ts";

export const FAILED = Symbol("failed");

/**
 * Runs one file operation of the build; a file-system error (EACCES, EROFS,
 * ENOSPC...) becomes a diagnostic naming the file instead of an exception.
 */
export async function guard<T>(diags: Diagnostics, path: string, op: "read" | "write", run: () => Promise<T>): Promise<T | typeof FAILED> {
  try {
    return await run();
  } catch (err) {
    if (!isIoError(err)) throw err;
    const at = { file: path, line: 1, column: 1 };
    // The diagnostic names the link itself (a folder on the way, for a write through one).
    if (isLinkError(err)) diags.error("file/link", { ...at, file: err.path ?? path }, { target: err.target, ...ioReason(err) });
    else if (op === "write") diags.error("build/write-failed", at, { path, ...ioReason(err) });
    else diags.error("file/unreadable", at, ioReason(err));
    return FAILED;
  }
}
