/**
 * The command line for tests: `cli(args)` calls `run` (src/cli/run.ts) in this process, with
 * strings for its streams, and prints with the run's one warm Chromium (below). What only a
 * process can show (the bin's wiring, signals, EPIPE, a terminal) uses `cliProcess`, which
 * starts the bundle scripts/setup.mjs builds (dist/bin/compendium.js) as a user would.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { run } from '../../src/cli/run.js';
import type { BrowserSession } from '../../src/print/browser-session.js';
import { sharedSession } from './shared-browser.js';

export { sharedSession } from './shared-browser.js';

export const ROOT = join(import.meta.dirname, '..', '..');

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** The working folder (default: the project root). */
  cwd?: string;
  /** The project (default: this one). */
  root?: string;
  /** Aborted to stop the command as Ctrl-C would (reason 'SIGINT' or 'SIGTERM'). */
  signal?: AbortSignal;
  /** `false`: the build starts a Chromium of its own (to test how it finds, starts or loses one). */
  session?: BrowserSession | false;
  /** Called with what the command has printed so far, each time it prints. */
  onOutput?: (out: { stdout: string; stderr: string }) => void;
}

/** Run the command line in this process, as `compendium <args>` in the project folder with `env` added to the environment. */
export async function cli(args: string[], env: NodeJS.ProcessEnv = {}, options: CliOptions = {}): Promise<CliResult> {
  const out = { stdout: '', stderr: '' };
  const stream = (name: 'stdout' | 'stderr') => ({
    write(text: string) {
      out[name] += text;
      options.onOutput?.(out);
      return true;
    },
  });
  const status = await run(args, {
    stdout: stream('stdout'),
    stderr: stream('stderr'),
    env: { ...process.env, ...env },
    cwd: options.cwd ?? ROOT,
    root: options.root ?? ROOT,
    signal: options.signal,
    session: options.session === false ? undefined : await sharedSession(),
  });
  return { status, ...out };
}

/** Run the bundled command line (of `root`, default this project) as a child process: only for what a process alone shows. */
export function cliProcess(args: string[], env: NodeJS.ProcessEnv = {}, root = ROOT): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(root, 'dist', 'bin', 'compendium.js'), ...args], {
    cwd: root,
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
