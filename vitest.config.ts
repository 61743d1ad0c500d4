import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One Chromium for the whole run, and one build of the six editions, shared by the
    // end-to-end tests (test/global-setup.ts); each file's connection closed after it.
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['test/setup-file.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Two files at a time: most tests wait on child processes (the command line, Chromium),
    // so two workers keep both cores busy.
    fileParallelism: true,
    maxWorkers: 2,
    isolate: false,
  },
});
