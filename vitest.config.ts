import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One build of the six editions, shared by the end-to-end tests (test/global-setup.ts).
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Two files at a time: most tests wait on child processes (the command line, Chromium),
    // so two workers keep both cores busy.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
