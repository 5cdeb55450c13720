import { escapeControls } from "../diagnostics/format.ts";
import { endQuietlyOnClosedOutput, exitStatus } from "./closed-output.ts";
import { runCommand } from "./run-command.ts";

/** CLI entry: runs one command on this process's streams, sets the exit status. */
async function main(argv: string[]): Promise<number> {
  if (argv[0] === "sign") return (await import("../sign/main.ts")).signMain(argv.slice(1));
  return runCommand(argv, { out: (s) => void process.stdout.write(s), err: (s) => void process.stderr.write(s), stderr: process.stderr, env: process.env, ownProcess: true });
}

/**
 * Ends the process as soon as what it wrote is out: the command has finished all it started.
 * Left to end by itself, Node first takes its heap apart, page by page: some 15 ms of a
 * one-edit build, each time. The streams' own errors (a reader gone: closed-output.ts) are
 * let run first, so the status they set is the one the process ends with.
 */
function endWhenWritten(): void {
  let pending = 2;
  const written = () => {
    if (--pending === 0) setImmediate(() => process.exit());
  };
  process.stdout.write("", written);
  process.stderr.write("", written);
}

endQuietlyOnClosedOutput();
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = exitStatus(code);
    endWhenWritten();
  },
  (err: unknown) => {
    const verbose = process.argv.includes("--verbose");
    const en = process.argv.includes("en");
    const msg = escapeControls(err instanceof Error ? err.message : String(err));
    process.stderr.write((en ? "internal error: " : "lỗi chương trình: ") + msg + "\n");
    if (verbose && err instanceof Error && err.stack) process.stderr.write(err.stack + "\n");
    else process.stderr.write(en ? "(run with --verbose for details)\n" : "(chạy lại với --verbose để xem chi tiết)\n");
    process.exitCode = 3;
    endWhenWritten();
  },
);
