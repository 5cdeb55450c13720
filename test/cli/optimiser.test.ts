/**
 * V8's optimising compiler (src/cli/optimiser.ts): off for a process that runs one build (the
 * CLI's own, not a test's nor --watch's), back from the first rendered document of a build that
 * renders many (60 or more); on while a bundle is compiled, so that V8 takes its code cache (a
 * cache is refused under flags other than those it was made with). Its effect on time is the
 * bench's: a one-edit build of the example about 7 % shorter, a 200-unit full build no longer.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { BUNDLES, bundleFile, cacheFile } from "../../src/cli/open-bundled.ts";
import { REPO } from "../helpers/fixture-world.ts";
import { recordV8Flags } from "../helpers/v8-flags.ts";

afterEach(() => vi.restoreAllMocks());

const io = (ownProcess: boolean) => ({ out: () => {}, err: () => {}, stderr: process.stderr, env: { ...process.env, NO_COLOR: "1" }, ...(ownProcess ? { ownProcess } : {}) });

describe("the optimising compiler", () => {
  it("comes back from the first rendered of many documents, and is on while a bundle is compiled, so V8 takes its code cache", async () => {
    const flags = recordV8Flags();
    const { runBundle } = await import("../../src/cli/run-bundle.ts");
    const { optimiserOffForRun, optimiserForRendering, MANY_TO_OPTIMISE } = await import("../../src/cli/optimiser.ts");
    const dist = join(REPO, "dist", "cli");
    const engine = () => runBundle(join(dist, bundleFile(BUNDLES.engine)), join(dist, cacheFile(BUNDLES.engine)));
    expect(existsSync(join(dist, cacheFile(BUNDLES.engine))), "dist/cli/engine.cjs.cache: run npm run compile").toBe(true);

    optimiserOffForRun();
    expect(flags).toEqual(["--no-turbofan"]);
    flags.length = 0;
    expect(engine().script.cachedDataRejected).toBe(false);
    expect(flags).toEqual(["--turbofan", "--no-turbofan"]);
    flags.length = 0;
    optimiserForRendering(MANY_TO_OPTIMISE - 1);
    expect(flags).toEqual([]);
    optimiserForRendering(MANY_TO_OPTIMISE);
    optimiserForRendering(206);
    expect(flags).toEqual(["--turbofan"]);
    flags.length = 0;
    expect(engine().script.cachedDataRejected).toBe(false);
    expect(flags).toEqual([]);
  });

  it("is left on by build --watch in the CLI's own process: its process lives on", async () => {
    const flags = recordV8Flags(false);
    const { runCommand } = await import("../../src/cli/run-command.ts");
    const empty = mkdtempSync(join(tmpdir(), "ktd-optimiser-watch-"));
    try {
      let ended = false;
      const run = runCommand(["build", "--watch", "--root", empty], io(true)).finally(() => (ended = true));
      // Ended as Ctrl+C ends it, once the watch listens for it.
      for (let i = 0; i < 500 && !ended; i++) {
        await new Promise((r) => setTimeout(r, 10));
        process.emit("SIGINT");
      }
      await run;
      expect(flags).toEqual([]);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  // After the tests above the compiler is on again (its state is the process's).
  it("is left on by a build or validate in a process that goes on (a test's), and turned off, once, by the CLI's own process for either", async () => {
    const flags = recordV8Flags(false);
    const { runCommand } = await import("../../src/cli/run-command.ts");
    const empty = mkdtempSync(join(tmpdir(), "ktd-optimiser-"));
    try {
      // No data: the build says so and ends; what matters is what it set on the way.
      expect(await runCommand(["build", "--root", empty], io(false))).toBe(1);
      expect(await runCommand(["validate", "--root", empty], io(false))).toBe(1);
      expect(flags).toEqual([]);
      expect(await runCommand(["build", "--root", empty], io(true))).toBe(1);
      expect(await runCommand(["build", "--root", empty], io(true))).toBe(1);
      expect(flags).toEqual(["--no-turbofan"]);
      // validate too (the compiler back on first, as a build of many documents would have it).
      const { optimiserForRendering, MANY_TO_OPTIMISE } = await import("../../src/cli/optimiser.ts");
      optimiserForRendering(MANY_TO_OPTIMISE);
      flags.length = 0;
      expect(await runCommand(["validate", "--root", empty], io(true))).toBe(1);
      expect(flags).toEqual(["--no-turbofan"]);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
