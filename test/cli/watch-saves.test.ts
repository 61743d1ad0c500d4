/**
 * watch keeps watching: the same source saved by rename (an editor's atomic save, `sed -i`)
 * several times in a row is rebuilt each time; a bad --port stops at once.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, waitFor } from '../helpers/cli.js';
import { copySources } from '../helpers/sources.js';

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
  const stop = new AbortController();
  let log = '';
  const exited = cli(['watch', '--lang', 'en', '--sources', sources, '--out', out, '--port', '0'], {}, { signal: stop.signal, onOutput: (o) => (log = o.stderr) });
  const results = () => (log.match(/^(built in [\d.]+ s \(printed: [a-z, ]+\)|not built: .*)$/gmu) ?? []).length;
  try {
    await waitFor(() => log, /preview on http:\/\//u, 120_000);
    expect(results()).toBe(1);
    // A typed paragraph number makes the check fail (a cheap rebuild: nothing is printed);
    // the other saves change the text and print English again.
    const saves: Array<[string, RegExp]> = [
      [original.replace(/\n$/u, ' First addition.\n'), /built in .* \(printed: en\)$/u],
      [original.replace('\nIn 2010', '\n8. In 2010'), /not built: fix the errors above/u],
    ];
    for (const [i, [text, expected]] of saves.entries()) {
      await atomicSave(paper, text);
      await waitFor(() => String(results()), new RegExp(`^${i + 2}$`, 'u'), 60_000);
      expect(log.trim().split('\n').at(-1), log).toMatch(expected);
    }
    // And `sed -i`, which also replaces the file by a rename.
    expect(spawnSync('sed', ['-i', '-e', 's/^8\\. In 2010/In 2010/', '-e', '$ s/$/ Third addition./', paper]).status).toBe(0);
    await waitFor(() => String(results()), /^4$/u, 60_000);
    expect(log).toMatch(/built in .* \(printed: en\)\s*$/u);
    expect(await readFile(join(out, 'en', 'index.html'), 'utf8')).toContain('Third addition.');
  } finally {
    stop.abort('SIGINT');
  }
  expect((await exited).status).toBe(130);
}, 240_000);

describe('--port', () => {
  // A busy port, refused with nothing left running: test/faults/signals.test.ts (a process).
  it.each(['watch', 'serve'])('%s --port abc is a usage error (exit 2)', async (command) => {
    for (const bad of command === 'watch' ? ['abc', '65536'] : ['-1', '80.5']) {
      const run = await cli([command, `--port=${bad}`]);
      expect(run.status, `${bad}: ${run.stderr}`).toBe(2);
      expect(run.stderr).toContain(`--port takes a port number (0–65535), not "${bad}"`);
    }
  });
});
