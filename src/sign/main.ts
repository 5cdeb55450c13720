/** `khoi-thi-dua sign` (npm run sign): wires the sign command to the real file system, clock, terminal and fonts. */
import { existsSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { nodeWorld } from "../io/node-world.ts";
import { loadNodeFontSet } from "../pdf/fonts/node-font-reader.ts";
import { FILE_OPTIONS, parseSignArgs, VALUE_OPTIONS } from "./args.ts";
import { runSign } from "./command.ts";
import { terminalAsker } from "./password.ts";
import { systemClock } from "./time.ts";

export function signMain(argv: readonly string[]): Promise<number> {
  const ask = terminalAsker();
  const { root, args, inProject } = projectOf(process.cwd(), argv);
  return runSign(args, {
    world: nodeWorld(root),
    clock: systemClock,
    fonts: () => loadNodeFontSet(),
    ...(ask ? { ask } : {}),
    print: (s) => process.stdout.write(s + "\n"),
    printErr: (s) => process.stderr.write(s + "\n"),
    // Outside any project: the lock and journal beside the PDFs (no out/ made there).
    ...(inProject ? {} : { stateDir: "." }),
  });
}

/**
 * The project a signing belongs to: the nearest folder at or above the current one that
 * holds data/khoi.yaml, so that `sign` run from out/2020 takes the same project lock as
 * every other command. The file arguments are then named from that folder. Outside any
 * project, the current folder, as given.
 */
function projectOf(cwd: string, argv: readonly string[]): { root: string; args: readonly string[]; inProject: boolean } {
  let root: string | undefined;
  for (let d = cwd; ; d = dirname(d)) {
    if (existsSync(join(d, "data", "khoi.yaml"))) {
      root = d;
      break;
    }
    if (dirname(d) === d) break;
  }
  if (!root) return { root: cwd, args: argv, inProject: false };
  if (root === cwd) return { root, args: argv, inProject: true };
  const parsed = parseSignArgs(argv);
  if (parsed.errors.length || parsed.help) return { root: cwd, args: argv, inProject: false };
  const fromRoot = (p: string) => (isAbsolute(p) ? p : relative(root!, resolve(cwd, p)).split("\\").join("/"));
  const valued = new Set<string>(VALUE_OPTIONS);
  const files = new Set<string>(FILE_OPTIONS);
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const eq = a.startsWith("--") ? a.indexOf("=") : -1;
    if (eq > 0) args.push(files.has(a.slice(0, eq)) ? `${a.slice(0, eq)}=${fromRoot(a.slice(eq + 1))}` : a);
    else if (valued.has(a) && i + 1 < argv.length) {
      args.push(a, files.has(a) ? fromRoot(argv[i + 1]!) : argv[i + 1]!);
      i++;
    } else args.push(a.startsWith("-") ? a : fromRoot(a));
  }
  return { root, args, inProject: true };
}
