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
    // Files, and the tests within each file, run in a random order, a new one every run; the run prints its seed
    // ("Running tests with seed …"), and `--sequence.seed=<seed>` repeats that order (ADR 0090, README). Every test
    // stands alone: it makes what it needs (tests/factories) and reads only what it made; `npm run test:alone -- <file>`
    // runs each test of a file on its own.
    sequence: { shuffle: { files: true, tests: true } },
  },
});
