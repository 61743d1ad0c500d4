/**
 * Faults around a build: an output folder that cannot be written, two builds on one folder,
 * Chromium that will not start (in process); and, as a process, what only a process shows:
 * a build interrupted with Ctrl-C (the program's signal wiring), and a busy port refused with
 * nothing left running.
 */
import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, ROOT } from '../helpers/cli.js';
import { acquireLock } from '../../src/write/lock.js';

const BIN = join(ROOT, 'dist', 'bin', 'compendium.js');

const STACK = /\n\s+at .+:\d+:\d+/;

function chromiumProcesses(marker: string): string[] {
  const r = spawnSync('pgrep', ['-af', marker], { encoding: 'utf8' });
  return r.stdout.split('\n').filter((l) => l.trim() !== '' && !l.includes('pgrep'));
}

describe('faults', () => {
  it('an output folder that cannot be written (a file): exit 2, a clear message, no stack trace', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ro-'));
    const file = join(dir, 'not-a-folder');
    await writeFile(file, 'x');
    const run = await cli(['build', '--lang', 'en', '--out', file]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^error: .*not-a-folder: it is a file, not a folder/m);
    expect(run.stderr).not.toMatch(STACK);
  });

  it('a second build on the same output folder stops with a clear message; a stale lock is taken over', async () => {
    const out = await mkdtemp(join(tmpdir(), 'lock-'));
    await writeFile(join(out, '.build.lock'), String(process.ppid)); // a live process (the test runner) holds it
    const run = await cli(['build', '--lang', 'en', '--out', out]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`Another build (pid ${process.ppid}) is writing to ${out}`);
    // A lock whose process is gone is taken over, and released (the lock itself, without a build).
    await writeFile(join(out, '.build.lock'), '999999999'); // stale: no such process
    const release = await acquireLock(out);
    expect(await readFile(join(out, '.build.lock'), 'utf8')).toBe(String(process.pid));
    await release();
    expect(await readdir(out)).not.toContain('.build.lock');
  });

  it('Chromium that will not start: exit 1 with the reason', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fakechrome-'));
    const fake = join(dir, 'chromium');
    await writeFile(fake, '#!/bin/sh\necho "this is not a browser" >&2\nexit 3\n');
    await chmod(fake, 0o755);
    const out = await mkdtemp(join(tmpdir(), 'nochrome-'));
    // Its own Chromium (not the shared one): what is tested is how a build starts one.
    const run = await cli(['build', '--lang', 'en', '--out', out], { CHROMIUM_PATH: fake }, { session: false });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`Chromium at ${fake} failed to start`);
    expect(run.stderr).not.toMatch(STACK);
    expect(await readdir(out)).toEqual([]);
  });

  it('Ctrl-C during printing leaves no partial files, no lock and no Chromium behind', async () => {
    const out = await mkdtemp(join(tmpdir(), 'sigint-'));
    // Its own TMPDIR: its Chromium's profile is there, so other builds on the machine are not counted.
    const temp = await mkdtemp(join(tmpdir(), 'sigint-tmp-'));
    // Two editions: when the first is printing, the second is still to come, so the build cannot
    // have ended when the signal arrives.
    const child = spawn(process.execPath, [BIN, 'build', '--lang', 'en,fr', '--out', out], { cwd: ROOT, env: { ...process.env, TMPDIR: temp } });
    let stderr = '';
    const printing = new Promise<void>((resolve) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (stderr.includes(': print')) resolve();
      });
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await printing;
    await new Promise((r) => setTimeout(r, 100));
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toContain('Interrupted');
    // One clear line: not the print that failed because Chromium was stopped.
    expect(stderr.slice(stderr.indexOf('Interrupted'))).not.toMatch(/failed twice|error:|Build stopped/);
    expect(await readdir(out)).toEqual([]);
    await new Promise((r) => setTimeout(r, 500));
    expect(chromiumProcesses(`${temp}/un-compendium-chromium-`).filter((l) => !l.includes('vitest'))).toEqual([]);
  });

  it.each(['watch', 'serve'])('%s on a busy port: exit 1 at once, with the next port to try; nothing built, nothing left running', async (command) => {
    const busy = createServer();
    await new Promise<void>((r) => busy.listen(0, '127.0.0.1', () => r()));
    const address = busy.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const out = join(await mkdtemp(join(tmpdir(), 'busy-')), 'out');
    const built = await mkdtemp(join(tmpdir(), 'busy-built-')); // serve needs a build to serve
    await writeFile(join(built, 'index.html'), '<!doctype html>');
    try {
      const started = Date.now();
      // Its own TMPDIR: a Chromium it started would keep its profile there.
      const temp = await mkdtemp(join(tmpdir(), 'busy-tmp-'));
      const run = spawnSync(process.execPath, [BIN, command, '--port', String(port), '--out', command === 'serve' ? built : out], { cwd: ROOT, encoding: 'utf8', timeout: 30_000, env: { ...process.env, TMPDIR: temp } });
      expect(run.status, run.stderr).toBe(1);
      expect(run.stderr.trim()).toBe(`error: port ${port} is in use: try --port ${port + 1}`);
      expect(Date.now() - started).toBeLessThan(10_000); // not after a build
      expect(existsSync(out)).toBe(false);
      expect(await readdir(temp)).toEqual([]); // no browser profile was ever made
      expect(chromiumProcesses(temp)).toEqual([]);
    } finally {
      busy.close();
    }
  });
});
