import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One build of the six editions, shared by the end-to-end tests (test/global-setup.ts).
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // The end-to-end tests each drive a real Chromium; two cores: run files one at a time.
    fileParallelism: false,
  },
});
