/**
 * The run's shared build of the six editions (test/global-setup.ts starts it and does not
 * wait: files that do not read it run meanwhile). A file that reads it waits here until the
 * build has written its outcome beside the output folder.
 */
import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';

export interface SharedEditions {
  /** The output folder. */
  out: string;
  /** The SOURCE_DATE_EPOCH it was built with (not the document date). */
  epoch: string;
  /** The command's exit code and what it printed on stderr. */
  status: number;
  stderr: string;
}

let waiting: Promise<SharedEditions> | undefined;

export function sharedEditions(): Promise<SharedEditions> {
  return (waiting ??= (async () => {
    const { out, epoch, outcome } = inject('editions');
    const started = Date.now();
    for (;;) {
      const text = await readFile(outcome, 'utf8').catch(() => undefined);
      if (text !== undefined) return { out, epoch, ...(JSON.parse(text) as { status: number; stderr: string }) };
      if (Date.now() - started > 170_000) throw new Error(`The shared build did not end (no ${outcome})`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })());
}
