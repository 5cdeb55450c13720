/**
 * Which module of dist/cli/ runs from its bundle (the compilation makes them: src/tools/
 * bundle-engine.ts). Light on purpose: every start imports it, and the runner with its
 * node:vm and node:crypto (run-bundle.ts) is imported only when a bundle is run.
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The bundles of dist/cli/, by the module each is made from: the engine, and the province's command with what it loads at start. */
export const BUNDLES = { engine: "engine", province: "province-command" } as const;

/**
 * The command line's entry (main.ts) and what it loads at every start, in one CommonJS file that
 * bin/khoi-thi-dua.js requires: some twenty modules Node's ES module loader would each read, link
 * and compile in turn. What it imports later stays a module of dist/, imported from the bundle's
 * folder when reached, but for the module of `build` and `validate` (commands.ts), which is a
 * bundle of its own with what it loads at start: the entry requires that file instead.
 */
export const FRONT = "main.cjs";
export const COMMANDS = "commands.cjs";

export const bundleFile = (name: string) => `${name}.cjs`;
export const cacheFile = (name: string) => `${name}.cjs.cache`;

/**
 * The module `name` of dist/cli/: its bundle when this module runs compiled and the bundle is
 * there, else `modules()` (the sources through tsx, or dist/ without bundles).
 */
export async function openBundled<T>(here: string, name: string, modules: () => Promise<T>): Promise<T> {
  const dir = dirname(fileURLToPath(here));
  const bundle = join(dir, bundleFile(name));
  if (fileURLToPath(here).endsWith(".ts") || !existsSync(bundle)) return modules();
  const { runBundle } = await import("./run-bundle.ts");
  return runBundle(bundle, join(dir, cacheFile(name))).exports as T;
}
