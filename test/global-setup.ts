/**
 * The end-to-end tests share one build of the six editions (printed once, in real Chromium,
 * by the command line as a user runs it): english-edition, all-editions and website read it
 * back. Built with a fixed SOURCE_DATE_EPOCH that differs from the document date, so the
 * tests can see that it is honoured.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { cli } from './helpers/cli.js';

export const EPOCH = '1700000000';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The shared build: its output folder and what the command printed. */
    editions: { out: string; epoch: string; status: number | null; stderr: string };
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const out = await mkdtemp(join(tmpdir(), 'e2e-editions-'));
  const run = cli(['build', '--out', out, '--quiet'], { SOURCE_DATE_EPOCH: EPOCH });
  project.provide('editions', { out, epoch: EPOCH, status: run.status, stderr: run.stderr });
}
