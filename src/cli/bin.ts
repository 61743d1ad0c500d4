#!/usr/bin/env node
/**
 * The `compendium` program: wires the process to the command line (src/cli/run.ts), and does
 * nothing else — the streams, the environment, the working folder and the project root in;
 * Ctrl-C and kills as an abort signal (the command undoes what it started, then the process
 * exits 130 or 143); the exit code out.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from './run.js';

const root = resolve(fileURLToPath(new URL('../../', import.meta.url)));

// A reader that stops early (`check --format json | head`): the rest of the output is
// dropped, and the command still ends with its own exit code, without a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
});

const stop = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => stop.abort(signal));

const code = await run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), root, signal: stop.signal });
// Stopped by a signal: end now, whatever is still pending (a hung tab, a timer).
if (stop.signal.aborted) process.exit(code);
process.exitCode = code;
