/**
 * watch keeps watching: the same source saved by rename (an editor's atomic save, `sed -i`)
 * several times in a row is rebuilt each time; a busy port or a bad --port stops at once with
 * nothing built and nothing left running.
 */
import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, waitFor } from '../helpers/cli.js';
import { copySources } from '../helpers/sources.js';

const BIN = join(ROOT, 'dist', 'bin', 'compendium.js');


/** Processes whose command line names `marker` (a private TMPDIR: Chromium's profile would be in it). */
function processesNaming(marker: string): string[] {
  const r = spawnSync('pgrep', ['-af', marker], { encoding: 'utf8' });
  return r.stdout.split('\n').filter((l) => l.trim() !== '' && !l.includes('pgrep'));
}

/** Save as editors do: write a temporary file beside it, then rename it over the original. */
async function atomicSave(path: string, text: string): Promise<void> {
  const tmp = `${path}.${Math.random().toString(36).slice(2)}.swp`;
  await writeFile(tmp, text);
  await rename(tmp, path);
}

it('rebuilds after each of several rename-saves of the same file', async () => {
  const sources = await copySources(['en']);
  const out = await mkdtemp(join(tmpdir(), 'watch-saves-'));
  const paper = join(sources, 'en', 'papers', 'CTOC-COP-WG.4-2010-3.md');
  const original = await readFile(paper, 'utf8');
  const child = spawn(process.execPath, [BIN, 'watch', '--lang', 'en', '--sources', sources, '--out', out, '--port', '0'], { cwd: ROOT });
  let log = '';
  child.stderr.on('data', (c: Buffer) => (log += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const results = () => (log.match(/^(built in [\d.]+ s \(printed: [a-z, ]+\)|not built: .*)$/gmu) ?? []).length;
  try {
    await waitFor(() => log, /preview on http:\/\//u, 120_000);
    expect(results()).toBe(1);
    // A typed paragraph number makes the check fail (a cheap rebuild: nothing is printed);
    // the other saves change the text and print English again.
    const saves: Array<[string, RegExp]> = [
      [original.replace(/\n$/u, ' First addition.\n'), /built in .* \(printed: en\)$/u],
      [original.replace('\nIn 2010', '\n7. In 2010'), /not built: fix the errors above/u],
      [original.replace(/\n$/u, ' Second addition.\n'), /built in .* \(printed: en\)$/u],
      [original.replace('\nIn 2010', '\n8. In 2010'), /not built: fix the errors above/u],
    ];
    for (const [i, [text, expected]] of saves.entries()) {
      await atomicSave(paper, text);
      await waitFor(() => String(results()), new RegExp(`^${i + 2}$`, 'u'), 60_000);
      expect(log.trim().split('\n').at(-1), log).toMatch(expected);
    }
    // And `sed -i`, which also replaces the file by a rename.
    expect(spawnSync('sed', ['-i', '-e', 's/^8\\. In 2010/In 2010/', '-e', '$ s/$/ Third addition./', paper]).status).toBe(0);
    await waitFor(() => String(results()), /^6$/u, 60_000);
    expect(log).toMatch(/built in .* \(printed: en\)\s*$/u);
    expect(await readFile(join(out, 'en', 'index.html'), 'utf8')).toContain('Third addition.');
  } finally {
    child.kill('SIGINT');
  }
  expect(await exited).toBe(130);
}, 240_000);

describe('the port is checked before anything is built', () => {
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
      expect(processesNaming(temp)).toEqual([]);
    } finally {
      busy.close();
    }
  });

  it.each(['watch', 'serve'])('%s --port abc is a usage error (exit 2)', (command) => {
    for (const bad of command === 'watch' ? ['abc', '65536'] : ['-1', '80.5']) {
      const run = spawnSync(process.execPath, [BIN, command, `--port=${bad}`], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
      expect(run.status, `${bad}: ${run.stderr}`).toBe(2);
      expect(run.stderr).toContain(`--port takes a port number (0–65535), not "${bad}"`);
    }
  });
});
