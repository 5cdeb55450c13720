/**
 * The command line run in this process: src/cli/run-command.ts, what src/cli/main.ts runs (parse them,
 * name the project's own folders as the project names them, refuse an --out among the inputs, run
 * the command on a node World held to the link rules of --data and --out), with the output streams
 * collected and the exit status returned. For tests whose subject is what a command does and says,
 * not the process around it: a CLI process costs a Node start and the loading of the pipeline each
 * time. What only a process shows (exit status set on the process, signals, closed pipes, the
 * project lock between two processes, bin/'s choice of the compiled CLI) is tested through
 * `node bin/khoi-thi-dua.js`, and each file that uses this keeps a run of the real command line
 * for the same paths (test/cli/containment.test.ts, test/cli/cli.test.ts, test/cli/hostile.test.ts).
 */
import { runCommand } from "../../src/cli/run-command.ts";
import { escapeControls } from "../../src/diagnostics/format.ts";

export interface CliRun {
  /** The exit status the process would end with. */
  code: number;
  /** What it printed on stdout. */
  out: string;
  /** What it printed on stderr (the build's progress as without a terminal, CI=true: one line a document). */
  err: string;
}

/** Runs `khoi-thi-dua <args>` as if from the folder `cwd` (default: this process's): src/cli/run-command.ts, as main.ts runs it. */
export async function cliInProcess(args: string[], cwd: string = process.cwd()): Promise<CliRun> {
  if (args[0] === "build" && args.includes("--watch")) throw new Error("--watch is not run in process");
  let out = "";
  let err = "";
  const stderr = { isTTY: false, write: (s: string) => ((err += s), true) } as unknown as NodeJS.WriteStream;
  try {
    const code = await runCommand(args, { out: (s) => void (out += s), err: (s) => void (err += s), stderr, env: { CI: "true" }, cwd });
    return { code, out, err };
  } catch (e) {
    // main.ts's last resort: an internal error, status 3.
    const en = args.includes("en");
    err += (en ? "internal error: " : "lỗi chương trình: ") + escapeControls(e instanceof Error ? e.message : String(e)) + "\n";
    return { code: 3, out, err };
  }
}
