import { accessSync, constants } from "node:fs";
import { configDefaults, defineConfig } from "vitest/config";

/**
 * Temporary projects go to memory (/dev/shm) where there is one: the tests that build on disk
 * (the kill test's every step, the CLI runs) then do not wait on the disk for each fsync, which
 * protects against a power cut, something no test here can check anyway.
 */
function memoryTmp(): Record<string, string> {
  try {
    accessSync("/dev/shm", constants.W_OK);
    return { TMPDIR: "/dev/shm" };
  } catch {
    return {};
  }
}

/** Test files that replace a module (vi.mock), or need the process as it starts (V8 flags), and so a module graph and a process of their own. */
const MOCKING = ["test/pdf/emit/compress.test.ts", "test/load/source-cache.test.ts", "test/cli/heap-growth.test.ts", "test/cli/heap-growth-build.test.ts", "test/cli/watch-prime.test.ts", "test/cli/optimiser.test.ts"];

export default defineConfig({
  test: {
    // Both cores (vitest's default leaves one idle).
    maxWorkers: 2,
    env: memoryTmp(),
    // Byte arrays compared as bytes (test/helpers/bytes-equality.ts).
    setupFiles: ["test/helpers/bytes-equality-setup.ts"],
    // Some tests run the CLI or LibreOffice as child processes: seconds each on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      // Test files share loaded modules (pdf-lib, fontkit, the pipeline) instead of importing them
      // again in a fresh context each: no test relies on another's module state, and the suite
      // takes half the time.
      { extends: true, test: { name: "shared", isolate: false, exclude: [...configDefaults.exclude, ...MOCKING] } },
      { extends: true, test: { name: "mocking", isolate: true, include: MOCKING } },
    ],
  },
});
