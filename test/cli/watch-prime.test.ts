/**
 * --watch started on an out/ that is current: the start loads nothing, so the engine is opened
 * right after it, before any change, and the documents composed once as --check composes them
 * (nothing written, no lock); a change meanwhile is built once that is done. Started on an out/
 * to build, the start's own build opened the engine: nothing more is run. The engine and the
 * up-to-date check are stand-ins that record what they are asked.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { parseArgs } from "../../src/cli/args.ts";
import { memoryWorld } from "../../src/io/memory-world.ts";

const state = vi.hoisted(() => ({ current: true, opened: false, builds: [] as { check: boolean }[] }));
vi.mock("../../src/write/up-to-date.ts", () => ({
  upToDate: async () => (state.current ? { warnings: [], documents: 3 } : undefined),
}));
vi.mock("../../src/cli/load-engine.ts", () => ({
  engineOpened: () => state.opened,
  loadEngine: async () => {
    state.opened = true;
    return {
      buildProject: async (_w: unknown, o: { check?: boolean }) => {
        state.builds.push({ check: o.check === true });
        return { diagnostics: [], written: [], removed: [], rebuilt: [], skipped: [], built: [] };
      },
    };
  },
}));

const tmp = mkdtempSync(join(tmpdir(), "ktd-watch-prime-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
mkdirSync(join(tmp, "data"));
mkdirSync(join(tmp, "templates"));

beforeEach(() => {
  state.opened = false;
  state.builds = [];
});

/** Runs `build --watch` until `done` holds (checked every 10 ms, 5 s at most), then ends it as Ctrl+C does. */
async function watchUntil(done: () => boolean): Promise<number> {
  const { watchBuild } = await import("../../src/cli/watch.ts");
  const ended = watchBuild(memoryWorld({}), parseArgs(["build", "--watch", "--root", tmp]));
  for (let i = 0; i < 500 && !done(); i++) await new Promise((r) => setTimeout(r, 10));
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
    await new Promise((r) => setTimeout(r, 100));
    expect(state.builds).toEqual([{ check: false }]);
  });
});
