import v8 from "node:v8";
import { perProcess } from "./per-process.ts";

/**
 * V8's optimising compiler (TurboFan) in a process that runs one build. A build that renders a
 * few documents ends before most of what TurboFan compiles, on other threads, pays back: on two
 * cores it takes them from the build. Without it until a build turns out to render many
 * documents (medians of interleaved runs, 2026-12-07): the example with one registration changed
 * 418 → 393 ms (CPU 552 → 420 ms), its full build 741 → 669 ms, a 200-unit year with one
 * registration changed 1042 → 972 ms. A build that renders many documents runs the same code
 * long enough for it to pay: with it off throughout, a 200-unit full build took 4.36 s against
 * 3.49 s, while 50 units were even; so it is back from the first rendered document of a build
 * of 60 or more (200 units: 3.55 → 3.25 s; 50 units: 1.48 and 1.49 s). `--watch`, whose process
 * lives on, and a test's process keep it.
 */
export const MANY_TO_OPTIMISE = 60;

const state = perProcess("optimiser", () => ({ off: false }));

/** TurboFan on (V8's default) or off. (Not `--max-opt`: set back to its default, it leaves TurboFan off, and V8 then refuses the code caches.) */
function turbofan(on: boolean): void {
  v8.setFlagsFromString(on ? "--turbofan" : "--no-turbofan");
}

/**
 * For a process that runs one build or one check of the data (`validate`) and ends, not `--watch`,
 * whose process lives on, nor a test's process: no optimising compiler until a build turns out to
 * render many documents (`validate` of a 200-unit year: 648 → 582 ms; of the example, even). The
 * engine's code cache is compiled with V8's own setting all the same (withOptimiserDefault).
 */
export function optimiserOffForRun(): void {
  if (state.off) return;
  state.off = true;
  turbofan(false);
}

/** For a build that has rendered its first of `total` documents: the optimising compiler back when they are many. */
export function optimiserForRendering(total: number): void {
  if (!state.off || total < MANY_TO_OPTIMISE) return;
  state.off = false;
  turbofan(true);
}

/**
 * Runs `compile` with TurboFan on, V8's default (a code cache is checked against every flag that
 * differs from its default: withDefaultFlags, heap-growth.ts), then off again.
 */
export function withOptimiserDefault<T>(compile: () => T): T {
  if (!state.off) return compile();
  turbofan(true);
  try {
    return compile();
  } finally {
    turbofan(false);
  }
}
