import { defineConfig } from "vitest/config";

export default defineConfig({
  esbuild: { jsx: "automatic", jsxImportSource: "hono/jsx" },
  test: {
    include: ["src/**/*.test.{ts,tsx}", "tests/**/*.test.{ts,tsx}"],
    globalSetup: ["tests/support/global-setup.ts"],
    pool: "forks",
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ["default"],
    // Files and the tests within each file run in a random order, a new one every run; the run prints its seed
    // ("Running tests with seed …"), and `--sequence.seed=<seed>` repeats that order (ADR 0090, README).
    sequence: { shuffle: { files: true, tests: true } },
  },
});
