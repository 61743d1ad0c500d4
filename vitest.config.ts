import { relative } from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The longest files first, in this order, whether or not vitest remembers their durations (a
 * fresh clone has none, and would order by file size): the ones that do not read the shared
 * build first, while it is printed; the rest as vitest orders them.
 */
const LONGEST = [
  'test/faults/print.test.ts',
  'test/faults/signals.test.ts',
  'test/translate/workflow.test.ts',
  'test/e2e/website.test.ts',
  'test/e2e/all-editions.test.ts',
  'test/cli/watch-saves.test.ts',
  'test/e2e/incremental.test.ts',
];

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (spec: TestSpecification) => {
      const at = LONGEST.indexOf(relative(spec.project.config.root, spec.moduleId));
      return at < 0 ? LONGEST.length : at;
    };
    return sorted.map((spec, i) => ({ spec, i })).sort((a, b) => rank(a.spec) - rank(b.spec) || a.i - b.i).map(({ spec }) => spec);
  }
}

export default defineConfig({
  // The sources and helpers are transformed while the first files start (not on their first import).
  server: { warmup: { ssrFiles: ['./src/**/*.ts', './test/helpers/*.ts'] } },
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
    // A worker keeps its modules from one file to the next (no new process and no new imports
    // per file: 114 s → 66 s); the files do not change globals they do not restore.
    isolate: false,
    sequence: { sequencer: LongestFirst },
  },
});
