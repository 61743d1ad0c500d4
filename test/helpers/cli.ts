import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');

/** Run the command line as a user would: the bundle scripts/setup.mjs builds before the tests (dist/bin/compendium.js). */
export function cli(args: string[], env: NodeJS.ProcessEnv = {}): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(ROOT, 'dist', 'bin', 'compendium.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 170_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * What a quiet build printed besides the warnings it is expected to give: the sample
 * translations' placeholder job numbers (job-number warns until real ones are confirmed).
 */
export function unexpectedOutput(stderr: string): string[] {
  return stderr.split('\n').filter((l) => /\S/.test(l) && !/^sources\/\w+\/document\.yaml$|placeholder, not confirmed|^(⚠ )?\d+ warnings?$/.test(l.trim()));
}

/** Resolve when `get()` matches `pattern` (polled), or reject after `ms` with what it said. */
export function waitFor(get: () => string, pattern: RegExp, ms: number, every = 50): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = () => {
      const m = get().match(pattern);
      if (m) resolve(m);
      else if (Date.now() - started > ms) reject(new Error(`timed out waiting for ${pattern}; got:\n${get()}`));
      else setTimeout(tick, every);
    };
    tick();
  });
}
