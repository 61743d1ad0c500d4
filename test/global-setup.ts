/**
 * Before the test files: the run's one Chromium, which every test that prints shares (each
 * file connects to it: test/helpers/shared-browser.ts); and one build of the six editions,
 * printed with it by the command line (its compiled `run`, in a process of its own:
 * test/helpers/shared-build-process.mjs), which the end-to-end tests read back (english-edition,
 * all-editions, website, ci-workflow). The build is started, not waited for: the files that
 * do not read it run meanwhile, and those that do wait for its outcome file
 * (test/helpers/shared-build.ts). Built with a fixed SOURCE_DATE_EPOCH that differs from the
 * document date, so the tests can see that it is honoured.
 */
import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { launchBrowser } from '../src/print/launch-chromium.js';
import { ROOT } from './helpers/cli.js';

export const EPOCH = '1700000000';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The shared build: its output folder, its epoch, and where its outcome is written when it ends. */
    editions: { out: string; epoch: string; outcome: string };
    /** The shared Chromium's DevTools address. */
    browserEndpoint: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const launched = await launchBrowser();
  project.provide('browserEndpoint', launched.browser.wsEndpoint());
  const parent = await mkdtemp(join(tmpdir(), 'e2e-editions-'));
  const out = join(parent, 'output');
  const outcome = join(parent, 'outcome.json');
  // In a process of its own (test/helpers/shared-build-process.mjs), so that this thread,
  // which serves the test files their modules, is not busy with it.
  const child = spawn(process.execPath, [join(ROOT, 'test', 'helpers', 'shared-build-process.mjs'), ROOT, out, outcome, launched.browser.wsEndpoint(), EPOCH], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  const built = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  project.provide('editions', { out, epoch: EPOCH, outcome });
  return async () => {
    await built;
    await launched.close();
  };
}
