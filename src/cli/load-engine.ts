/**
 * Opens the engine (engine.ts): from dist/, its bundle dist/cli/engine.cjs with its V8 code
 * cache (run-bundle.ts), made by the compilation's training build; from the sources, or without
 * a bundle, the modules. Loaded once per process (--watch keeps it, with its in-process memos).
 */
import { BUNDLES, openBundled } from "./open-bundled.ts";
import { perProcess } from "./per-process.ts";

type Engine = typeof import("./engine.ts");

/** Once per process: `build` and `validate` open it from their bundle (dist/cli/commands.cjs), the other commands from dist/. */
const kept = perProcess("engine", () => ({ engine: undefined as Promise<Engine> | undefined }));

export function loadEngine(): Promise<Engine> {
  kept.engine ??= openBundled(import.meta.url, BUNDLES.engine, () => import("./engine.ts"));
  return kept.engine;
}

/** Whether this process has opened the engine (a build that found out/ current has not). */
export function engineOpened(): boolean {
  return kept.engine !== undefined;
}
