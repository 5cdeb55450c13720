import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Some tests run the CLI or LibreOffice as child processes: seconds each on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
