/**
 * One command line, from its arguments to its exit status, with where it prints given: the
 * process (main.ts) gives its own streams, a test gives collectors and runs it in its process.
 * `sign` is main.ts's alone (it reads its own arguments and streams).
 */
import { isAbsolute, resolve } from "node:path";
import { escapeControls } from "../diagnostics/format.ts";
import { nodeWorld } from "../io/node-world.ts";
import { helpText, parseArgs } from "./args.ts";
import { outFolderClash, projectFolders } from "./project-folders.ts";
import { makeReporter } from "./reporter.ts";
import { BUNDLES, openBundled } from "./open-bundled.ts";
import { optimiserOffForRun } from "./optimiser.ts";
import { usageError } from "./usage-errors.ts";

export interface CommandIo {
  /** Text to standard output / standard error, as it is. */
  out: (s: string) => void;
  err: (s: string) => void;
  /** Standard error as a stream, for the build's progress. */
  stderr: NodeJS.WriteStream;
  env: NodeJS.ProcessEnv;
  /** Where relative paths on the command line start when not the process's own folder (a test's project). */
  cwd?: string;
  /** The process runs this one command and ends (main.ts): settings of the whole process (V8's) may be made for it. */
  ownProcess?: boolean;
}

/**
 * The module of `build` and `validate`; in the CLI's own process, then without V8's optimising
 * compiler (optimiser.ts). Loaded first: Node 22 and later keep its compiled code in their own
 * cache, which V8 refuses under other flags (--watch loads it with V8's own).
 */
async function commandsFor(io: CommandIo): Promise<typeof import("./commands.ts")> {
  const commands = await import("./commands.ts");
  if (io.ownProcess) optimiserOffForRun();
  return commands;
}

export async function runCommand(argv: string[], io: CommandIo): Promise<number> {
  const here = (p: string) => (io.cwd === undefined || isAbsolute(p) ? p : resolve(io.cwd, p));
  const print = (s: string) => io.out(s + "\n");
  const printErr = (s: string) => io.err(s + "\n");
  if (argv[0] === "textconv" && argv[1]) {
    const { textconv } = await import("./textconv.ts");
    try {
      io.out(await textconv(here(argv[1])));
      return 0;
    } catch (err) {
      // git shows this instead of the file's text: a short reason, never a stack trace.
      printErr(`textconv: ${escapeControls(err instanceof Error ? err.message : String(err))}`);
      return 1;
    }
  }
  const parsed = parseArgs(argv);
  if (parsed.errors.length) {
    printErr(parsed.errors.map((e) => usageError(e, parsed.lang)).join("\n") + "\n\n" + helpText(parsed.lang, parsed.command === "help" ? undefined : parsed.command));
    return 2;
  }
  // Containment by where a folder really leads: the project's own folders, however named, get the rules of out/ and data/;
  // a folder outside the project is the user's, and links in it that lead elsewhere are refused too.
  const opts = await projectFolders(io.cwd === undefined ? parsed : { ...parsed, root: here(parsed.root), files: parsed.command === "import" ? parsed.files.map(here) : parsed.files });
  // The results files a province's office takes are named from where the command runs, whatever --root says.
  if (opts.command === "tinh") opts.files = opts.files.map((f) => resolve(io.cwd ?? process.cwd(), f));
  const clash = opts.command === "build" || opts.command === "forms" ? outFolderClash(opts) : undefined;
  if (clash) {
    printErr(clash);
    return 2;
  }
  const world = nodeWorld(opts.root, { folders: [opts.dataDir, opts.outDir], ...(opts.watch ? { keepReads: true } : {}) });
  switch (opts.command) {
    case "help":
      print(helpText(opts.lang, opts.helpFor));
      return 0;
    case "validate":
      return (await commandsFor(io)).runValidate(world, opts, printErr);
    case "build":
      if (opts.watch) return (await import("./watch.ts")).watchBuild(world, opts);
      return (await commandsFor(io)).runBuild(world, opts, makeReporter(io.stderr, io.env));
    case "new-year":
      return (await import("./new-year-command.ts")).runNewYear(world, opts, printErr);
    case "forms":
      return (await import("./forms-command.ts")).runForms(world, opts, print);
    case "import":
      return (await import("./import-command.ts")).runImport(world, opts, print);
    case "ho-so":
      return (await import("./dossier-command.ts")).runDossier(world, opts, print);
    case "edxml":
      return (await import("./edxml-command.ts")).runEdxml(world, opts, print);
    case "so-van-ban":
      return (await import("./register-command.ts")).runRegister(world, opts, print, printErr);
    case "tinh":
      // Its bundle, when compiled: the province's command loads its libraries (zod, YAML) before it knows whether the engine is needed.
      return (await openBundled(import.meta.url, BUNDLES.province, () => import("./province-command.ts"))).runProvince(opts.root, opts, print);
    case "schema":
      return (await import("./schema-command.ts")).writeSchemas(world, print, opts.dataDir, opts.lang, printErr);
  }
}
