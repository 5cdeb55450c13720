import { ioReason, isIoError, isLinkError } from "../io/io-error.ts";
import type { Diagnostics } from "./diagnostic.ts";

/**
 * A file-system error as the diagnostic that names it: a link out of the
 * project or through which nothing is written (`file/link`, at the link
 * itself), a write that failed (`build/write-failed`), or a read that failed
 * (`file/unreadable`). Anything that is not a file-system error is thrown on.
 */
export function reportIoError(diags: Diagnostics, err: unknown, path: string, op: "read" | "write"): void {
  if (!isIoError(err)) throw err;
  const at = { file: path, line: 1, column: 1 };
  if (isLinkError(err)) diags.error("file/link", { ...at, file: err.path ?? path }, { target: err.target, ...ioReason(err) });
  else if (op === "write") diags.error("build/write-failed", at, { path, ...ioReason(err) });
  else diags.error("file/unreadable", at, ioReason(err));
}
