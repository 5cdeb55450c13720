import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Both cores (vitest's default leaves one idle), and test files share loaded modules (pdf-lib,
    // fontkit, the pipeline) instead of importing them again in a fresh context each: no test
    // relies on module state of another, and the suite takes half the time.
    maxWorkers: 2,
    isolate: false,
    // Some tests run the CLI or LibreOffice as child processes: seconds each on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
