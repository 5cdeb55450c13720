import { nodeWorld } from "../io/node-world.ts";
import { escapeControls } from "../diagnostics/format.ts";
import { HELP_EN, HELP_VI, parseArgs } from "./args.ts";
import { endQuietlyOnClosedOutput, exitStatus } from "./closed-output.ts";
import { outFolderClash, projectFolders } from "./project-folders.ts";
import { usageError } from "./usage-errors.ts";

/** CLI entry: parses arguments, runs one command, sets the exit status. */
async function main(argv: string[]): Promise<number> {
  if (argv[0] === "sign") return (await import("../sign/main.ts")).signMain(argv.slice(1));
  if (argv[0] === "textconv" && argv[1]) {
    const { textconv } = await import("./textconv.ts");
    try {
      process.stdout.write(await textconv(argv[1]));
      return 0;
    } catch (err) {
      // git shows this instead of the file's text: a short reason, never a stack trace.
      process.stderr.write(`textconv: ${escapeControls(err instanceof Error ? err.message : String(err))}\n`);
      return 1;
    }
  }
  const opts = parseArgs(argv);
  if (opts.errors.length) {
    const lines = opts.errors.map((e) => usageError(e, opts.lang));
    process.stderr.write(lines.join("\n") + "\n\n" + (opts.lang === "en" ? HELP_EN : HELP_VI) + "\n");
    return 2;
  }
  // Containment by where a folder really leads: the project's own folders, however named, get the rules of out/ and data/;
  // a folder outside the project is the user's, and links in it that lead elsewhere are refused too.
  Object.assign(opts, await projectFolders(opts));
  const clash = opts.command === "build" || opts.command === "forms" ? outFolderClash(opts) : undefined;
  if (clash) {
    process.stderr.write(clash + "\n");
    return 2;
  }
  const world = nodeWorld(opts.root, { folders: [opts.dataDir, opts.outDir] });
  const print = (s: string) => process.stdout.write(s + "\n");
  const printErr = (s: string) => process.stderr.write(s + "\n");
  switch (opts.command) {
    case "help":
      print(opts.lang === "en" ? HELP_EN : HELP_VI);
      return 0;
    case "validate":
      return (await import("./commands.ts")).runValidate(world, opts, printErr);
    case "build":
      if (opts.watch) return (await import("./watch.ts")).watchBuild(world, opts);
      return (await import("./commands.ts")).runBuild(world, opts);
    case "new-year":
      return (await import("./new-year-command.ts")).runNewYear(world, opts, printErr);
    case "forms":
      return (await import("./forms-command.ts")).runForms(world, opts, print);
    case "import":
      return (await import("./import-command.ts")).runImport(world, opts, print);
    case "schema":
      return (await import("./schema-command.ts")).writeSchemas(world, print, opts.dataDir, opts.lang, printErr);
  }
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
