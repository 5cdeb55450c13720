/**
 * --watch started on an out/ that is current: the start loads nothing, so the engine is opened
 * right after it, before any change, and the documents composed once as --check composes them
 * (nothing written, no lock); a change meanwhile is built once that is done. Started on an out/
 * to build, the start's own build opened the engine: nothing more is run. Never two runs at
 * once, and nothing runs after Ctrl+C. The engine and the up-to-date check are stand-ins that
 * record what they are asked and how many run at once.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { parseArgs } from "../../src/cli/args.ts";
import { memoryWorld } from "../../src/io/memory-world.ts";

const state = vi.hoisted(() => ({ current: true, opened: false, builds: [] as { check: boolean }[], checks: 0, ms: 0, active: 0, most: 0 }));
/** Counts the runs going at once (the up-to-date check and the engine's build are each a run's work), each taking state.ms. */
const running = vi.hoisted(() => async <T>(value: () => T): Promise<T> => {
  state.most = Math.max(state.most, ++state.active);
  await new Promise((r) => setTimeout(r, state.ms));
  state.active--;
  return value();
});
vi.mock("../../src/write/up-to-date.ts", () => ({
  upToDate: () => running(() => (state.checks++, state.current ? { warnings: [], documents: 3 } : undefined)),
}));
vi.mock("../../src/cli/load-engine.ts", () => ({
  engineOpened: () => state.opened,
  loadEngine: async () => {
    state.opened = true;
    return {
      buildProject: (_w: unknown, o: { check?: boolean }) =>
        running(() => {
          state.builds.push({ check: o.check === true });
          return { diagnostics: [], written: [], removed: [], rebuilt: [], skipped: [], built: [] };
        }),
    };
  },
}));

const tmp = mkdtempSync(join(tmpdir(), "ktd-watch-prime-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
mkdirSync(join(tmp, "data"));
mkdirSync(join(tmp, "templates"));

beforeEach(() => {
  Object.assign(state, { opened: false, builds: [], checks: 0, ms: 0, active: 0, most: 0 });
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** A change under data/, as an editor saves it. */
const change = () => writeFileSync(join(tmp, "data", "nam.yaml"), `nam: ${Date.now()}\n`);

/** Runs `build --watch` until `done` holds (checked every 10 ms, 5 s at most; `meanwhile` runs once, at the start), then ends it as Ctrl+C does. */
async function watchUntil(done: () => boolean, meanwhile?: () => Promise<void>): Promise<number> {
  const { watchBuild } = await import("../../src/cli/watch.ts");
  const ended = watchBuild(memoryWorld({}), parseArgs(["build", "--watch", "--root", tmp]));
  await meanwhile?.();
  for (let i = 0; i < 500 && !done(); i++) await sleep(10);
  process.emit("SIGINT");
  return ended;
}

describe("--watch and the engine", () => {
  it("started on a current out/: opens the engine and composes the documents as --check does, before any change", async () => {
    state.current = true;
    expect(await watchUntil(() => state.builds.length > 0)).toBe(0);
    expect(state.opened).toBe(true);
    expect(state.builds).toEqual([{ check: true }]);
  });

  it("started on an out/ to build: the start's build opened it, and nothing more is run", async () => {
    state.current = false;
    expect(await watchUntil(() => state.builds.length > 0)).toBe(0);
    // Time for a prime to start, were there one.
    await sleep(100);
    expect(state.builds).toEqual([{ check: false }]);
  });

  it("with a change during the start's check: the build it queues runs, and no prime beside it (never two runs at once)", async () => {
    state.current = true;
    state.ms = 200;
    const code = await watchUntil(
      () => state.checks >= 2,
      async () => {
        await sleep(100);
        change();
      },
    );
    expect(code).toBe(0);
    await sleep(400);
    expect(state.most).toBe(1);
  });

  it("a save without a change once the engine is open: the up-to-date check answers, and no build takes the project lock", async () => {
    state.current = true;
    const code = await watchUntil(
      () => state.checks >= 2,
      async () => {
        // The start's check, then the prime's build as --check does; then a save that leaves out/ current.
        for (let i = 0; i < 500 && state.builds.length < 1; i++) await sleep(5);
        change();
      },
    );
    expect(code).toBe(0);
    // A build would take the lock, and wait out another command holding it (sign, import) to say nothing.
    expect(state.builds).toEqual([{ check: true }]);
  });

  it("ended by Ctrl+C during a rebuild: the watch ends once that build has finished, not before", async () => {
    state.current = false;
    let returned = false;
    const { watchBuild } = await import("../../src/cli/watch.ts");
    const ended = watchBuild(memoryWorld({}), parseArgs(["build", "--watch", "--root", tmp])).then((code) => ((returned = true), code));
    for (let i = 0; i < 500 && state.builds.length < 1; i++) await sleep(5);
    // A change, and its build under way (the up-to-date check, then the engine's build: 400 ms each).
    state.ms = 400;
    change();
    for (let i = 0; i < 500 && state.active < 1; i++) await sleep(5);
    process.emit("SIGINT");
    await sleep(200);
    expect(returned).toBe(false);
    expect(await ended).toBe(0);
    expect(state.builds).toEqual([{ check: false }, { check: false }]);
    expect(state.active).toBe(0);
  });

  it("ended by Ctrl+C with a change waiting behind the prime: no build starts after it", async () => {
    state.current = true;
    state.ms = 400;
    const code = await watchUntil(
      () => true,
      async () => {
        // The start's check, then the prime at once (400 ms each): a change during the prime waits behind it.
        for (let i = 0; i < 500 && state.checks < 1; i++) await sleep(5);
        change();
        await sleep(100);
      },
    );
    const checksAtEnd = state.checks;
    expect(code).toBe(0);
    // The prime's rest and a run after it, were there one.
    await sleep(2 * state.ms + 300);
    expect(state.builds).toEqual([{ check: true }]);
    expect(state.checks).toBe(checksAtEnd);
  });
});
