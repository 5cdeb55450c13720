/**
 * The command line run in this process: what src/cli/main.ts does with its arguments (parse them,
 * name the project's own folders as the project names them, refuse an --out among the inputs, run
 * the command on a node World held to the link rules of --data and --out), with the output streams
 * collected and the exit status returned. For tests whose subject is what a command does and says,
 * not the process around it: a CLI process costs a Node start and the loading of the pipeline each
 * time. What only a process shows (exit status set on the process, signals, closed pipes, the
 * project lock between two processes, bin/'s choice of the compiled CLI) is tested through
 * `node bin/khoi-thi-dua.js`, and each file that uses this keeps a run of the real command line
 * for the same paths (test/cli/containment.test.ts, test/cli/cli.test.ts, test/cli/hostile.test.ts).
 */
import { isAbsolute, resolve } from "node:path";
import { HELP_EN, HELP_VI, parseArgs } from "../../src/cli/args.ts";
import { outFolderClash, projectFolders } from "../../src/cli/project-folders.ts";
import { makeReporter } from "../../src/cli/reporter.ts";
import { usageError } from "../../src/cli/usage-errors.ts";
import { escapeControls } from "../../src/diagnostics/format.ts";
import { nodeWorld } from "../../src/io/node-world.ts";

export interface CliRun {
  /** The exit status the process would end with. */
  code: number;
  /** What it printed on stdout. */
  out: string;
  /** What it printed on stderr (the build's progress as without a terminal, CI=true: one line a document). */
  err: string;
}

/** Runs `khoi-thi-dua <args>` as if from the folder `cwd` (default: this process's). */
export async function cliInProcess(args: string[], cwd: string = process.cwd()): Promise<CliRun> {
  let out = "";
  let err = "";
  const print = (s: string) => void (out += s + "\n");
  const printErr = (s: string) => void (err += s + "\n");
  const here = (p: string) => (isAbsolute(p) ? p : resolve(cwd, p));
  try {
    if (args[0] === "textconv" && args[1]) {
      const { textconv } = await import("../../src/cli/textconv.ts");
      try {
        out += await textconv(here(args[1]));
        return { code: 0, out, err };
      } catch (e) {
        err += `textconv: ${escapeControls(e instanceof Error ? e.message : String(e))}\n`;
        return { code: 1, out, err };
      }
    }
    const parsed = parseArgs(args);
    if (parsed.errors.length) {
      err += parsed.errors.map((e) => usageError(e, parsed.lang)).join("\n") + "\n\n" + (parsed.lang === "en" ? HELP_EN : HELP_VI) + "\n";
      return { code: 2, out, err };
    }
    // The process's folder is `cwd`: the root, and files named on the command line, are from there.
    const opts = await projectFolders({ ...parsed, root: here(parsed.root), files: parsed.files.map(here) });
    const clash = opts.command === "build" || opts.command === "forms" ? outFolderClash(opts) : undefined;
    if (clash) {
      err += clash + "\n";
      return { code: 2, out, err };
    }
    const world = nodeWorld(opts.root, { folders: [opts.dataDir, opts.outDir] });
    const code = await (async () => {
      switch (opts.command) {
        case "help":
          print(opts.lang === "en" ? HELP_EN : HELP_VI);
          return 0;
        case "validate":
          return (await import("../../src/cli/commands.ts")).runValidate(world, opts, printErr);
        case "build": {
          if (opts.watch) throw new Error("--watch is not run in process");
          const stream = { isTTY: false, write: (s: string) => ((err += s), true) } as unknown as NodeJS.WriteStream;
          return (await import("../../src/cli/commands.ts")).runBuild(world, opts, makeReporter(stream, { CI: "true" }));
        }
        case "new-year":
          return (await import("../../src/cli/new-year-command.ts")).runNewYear(world, opts, printErr);
        case "forms":
          return (await import("../../src/cli/forms-command.ts")).runForms(world, opts, print);
        case "import":
          return (await import("../../src/cli/import-command.ts")).runImport(world, opts, print);
        case "schema":
          return (await import("../../src/cli/schema-command.ts")).writeSchemas(world, print, opts.dataDir, opts.lang, printErr);
      }
    })();
    return { code, out, err };
  } catch (e) {
    // main.ts's last resort: an internal error, status 3.
    const en = args.includes("en");
    err += (en ? "internal error: " : "lỗi chương trình: ") + escapeControls(e instanceof Error ? e.message : String(e)) + "\n";
    return { code: 3, out, err };
  }
}
