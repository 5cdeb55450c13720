import { escapeControls } from "../diagnostics/format.ts";
import { endQuietlyOnClosedOutput, exitStatus } from "./closed-output.ts";
import { runCommand } from "./run-command.ts";

/** CLI entry: runs one command on this process's streams, sets the exit status. */
async function main(argv: string[]): Promise<number> {
  if (argv[0] === "sign") return (await import("../sign/main.ts")).signMain(argv.slice(1));
  return runCommand(argv, { out: (s) => void process.stdout.write(s), err: (s) => void process.stderr.write(s), stderr: process.stderr, env: process.env });
}

endQuietlyOnClosedOutput();
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = exitStatus(code);
  },
  (err: unknown) => {
    const verbose = process.argv.includes("--verbose");
    const en = process.argv.includes("en");
    const msg = escapeControls(err instanceof Error ? err.message : String(err));
    process.stderr.write((en ? "internal error: " : "lỗi chương trình: ") + msg + "\n");
    if (verbose && err instanceof Error && err.stack) process.stderr.write(err.stack + "\n");
    else process.stderr.write(en ? "(run with --verbose for details)\n" : "(chạy lại với --verbose để xem chi tiết)\n");
    process.exitCode = 3;
  },
);
