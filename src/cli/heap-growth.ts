import v8 from "node:v8";

/**
 * How much V8 lets its heap grow after each full collection, in percent, in a one-shot build.
 * Left to itself, V8 grows a heap that is small for its limit by up to 4×: a 200-unit build, some
 * 60 MB live, reached 120 MB of heap (250–290 MiB of memory at its peak, most of it garbage)
 * before its fourth full collection. At 20 % it collects about twice as often and peaks near
 * 225 MiB. The price is time where the heap is large: a 200-unit full build some 4 %, a
 * 200-unit year with one registration changed some 12–16 % (1.66 → 1.86 s, the same peak);
 * the example's builds one collection more. Set from the start: set once the build knows how
 * many documents it renders, it came too late for V8's next limit (a full build still peaked
 * at 282 MiB once in two).
 *
 * Not in `--watch`: a process that rebuilds again and again keeps a heap of some 30 MB, and at
 * 20 % each rebuild ended in a full collection (32 in 31 rebuilds against 4, 8 ms each).
 */
export const HEAP_GROWING_PERCENT = 20;

let bounded = false;

function setGrowth(percent: number): void {
  v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
}

/** Bounds the heap's growth for the rest of the process (a one-shot build). */
export function boundHeapGrowth(): void {
  if (bounded) return;
  bounded = true;
  setGrowth(HEAP_GROWING_PERCENT);
}

/**
 * Runs `compile` with V8's own flags: V8 checks a code cache against every flag that differs
 * from its default, and the compilation makes the caches with none (run-bundle.ts). The growth
 * is set back once the code is compiled; V8 does not check the flags again.
 */
export function withDefaultFlags<T>(compile: () => T): T {
  if (!bounded) return compile();
  setGrowth(0);
  try {
    return compile();
  } finally {
    setGrowth(HEAP_GROWING_PERCENT);
  }
}
