import v8 from "node:v8";
import { runInNewContext } from "node:vm";
import { withOptimiserDefault } from "./optimiser.ts";
import { perProcess } from "./per-process.ts";

/**
 * How much V8 lets its heap grow after each full collection, in percent, in a build that renders
 * many documents. Left to itself, V8 grows a heap that is small for its limit by up to 4×: a
 * 200-unit build, some 60 MB live, reached 120 MB of heap (250–290 MiB of memory at its peak,
 * most of it garbage) before its fourth full collection. At 20 % it collects about twice as often
 * and peaks near 225 MiB, in the same time.
 *
 * Only there, and only from its first rendered document: a build of a few documents gains no
 * memory by it and pays for it (a 200-unit year with one registration changed, 1.66 → 1.86 s at
 * the same peak, when it was set from the start), and in `--watch` a heap of some 30 MB ended each
 * rebuild in a full collection (32 in 31 rebuilds against 4, 8 ms each). Set that late, it needs
 * a full collection at once: V8 sets its next limit at a collection, and the one set before
 * (up to 4× the heap) let a 200-unit build still peak at 282 MiB once in two.
 */
export const HEAP_GROWING_PERCENT = 20;

/** How many documents to render make a build "many": a 100-unit year's full build. */
export const MANY_DOCUMENTS = 100;

/** Whether the growth is bounded, once per process: the build's bundle bounds it, and a bundle opened afterwards by run-bundle.ts (a module of dist/) must compile with V8's own flags. */
const state = perProcess("heap-bounded", () => ({ bounded: false }));

function setGrowth(percent: number): void {
  v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
}

/** For a one-shot build that has rendered its first of `total` documents: bounds the heap's growth when they are many. */
export function heapForBuild(total: number, watch: boolean): void {
  if (watch || total < MANY_DOCUMENTS || state.bounded) return;
  state.bounded = true;
  setGrowth(HEAP_GROWING_PERCENT);
  collectNow();
}

/**
 * A full collection now: V8's gc, exposed only for the time it takes to get it (the flag back to
 * its default, see withDefaultFlags). A Node that does not give it skips the collection: memory
 * is never a reason for a build to fail.
 */
function collectNow(): void {
  let gc: unknown;
  try {
    v8.setFlagsFromString("--expose-gc");
    gc = runInNewContext("gc");
  } catch {
    gc = undefined;
  } finally {
    v8.setFlagsFromString("--no-expose-gc");
  }
  if (typeof gc === "function") (gc as () => void)();
}

/**
 * Runs `compile` with V8's own flags: V8 checks a code cache against every flag that differs
 * from its default, and the compilation makes the caches with none (run-bundle.ts). The growth
 * and TurboFan's setting (optimiser.ts) are set back once the code is compiled; V8 does not check
 * the flags again.
 */
export function withDefaultFlags<T>(compile: () => T): T {
  if (!state.bounded) return withOptimiserDefault(compile);
  setGrowth(0);
  try {
    return withOptimiserDefault(compile);
  } finally {
    setGrowth(HEAP_GROWING_PERCENT);
  }
}
