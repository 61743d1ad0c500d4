/**
 * Before the test files: the run's one Chromium, which every test that prints shares (each
 * file connects to it: test/helpers/cli.ts), and one build of the six editions, printed with
 * it by the command line, which the end-to-end tests read back (english-edition,
 * all-editions, website). Built with a fixed SOURCE_DATE_EPOCH that differs from the document
 * date, so the tests can see that it is honoured.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { run } from '../src/cli/run.js';
import { launchBrowser } from '../src/print/browser.js';
import { BrowserSession } from '../src/print/session.js';
import { ROOT } from './helpers/cli.js';

export const EPOCH = '1700000000';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The shared build: its output folder and what the command printed. */
    editions: { out: string; epoch: string; status: number | null; stderr: string };
    /** The shared Chromium's DevTools address. */
    browserEndpoint: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const launched = await launchBrowser();
  project.provide('browserEndpoint', launched.browser.wsEndpoint());
  // The build's session must not close the shared browser: its close only forgets it.
  const session = new BrowserSession(async () => ({ ...launched, close: async () => undefined }));
  const out = await mkdtemp(join(tmpdir(), 'e2e-editions-'));
  let stderr = '';
  const status = await run(['build', '--out', out, '--quiet'], {
    stdout: { write: () => true },
    stderr: { write: (text: string) => (stderr += text) },
    env: { ...process.env, SOURCE_DATE_EPOCH: EPOCH },
    cwd: ROOT,
    root: ROOT,
    session,
  });
  await session.close();
  project.provide('editions', { out, epoch: EPOCH, status, stderr });
  return () => launched.close();
}
