/**
 * Opens the engine (engine.ts): from dist/, its bundle dist/cli/engine.cjs with its V8 code
 * cache (run-bundle.ts), made by the compilation's training build; from the sources, or without
 * a bundle, the modules. Loaded once per process (--watch keeps it, with its in-process memos).
 */
import { BUNDLES, openBundled } from "./open-bundled.ts";

type Engine = typeof import("./engine.ts");

/**
 * The engine once per process, kept where every copy of this module sees it: `build` and
 * `validate` run it from their bundle (dist/cli/commands.cjs), the other commands from dist/.
 */
const ENGINE = Symbol.for("khoi-thi-dua/engine");

export function loadEngine(): Promise<Engine> {
  const kept = globalThis as { [ENGINE]?: Promise<Engine> };
  kept[ENGINE] ??= openBundled(import.meta.url, BUNDLES.engine, () => import("./engine.ts"));
  return kept[ENGINE];
}
