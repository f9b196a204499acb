import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // PGlite instances are memory-heavy WASM; two workers suit the 2-core CI machine.
    pool: 'forks',
    maxWorkers: 2,
    // Each worker keeps the modules it has loaded (the server, the store, PGlite's WASM) from one test
    // file to the next instead of loading them afresh for every file: about half the suite's CPU time.
    // So a test file must leave the process as it found it: close what it opens, restore what it sets.
    isolate: false,
  },
});
