import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../helpers/cli.js';
import { copySources, edit } from '../helpers/sources.js';

describe('the command line', () => {
  it('prints help', () => {
    const run = cli(['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('build');
    expect(run.stdout).toContain('--lang');
  });

  it('rejects an unknown language with exit 2', () => {
    const run = cli(['build', '--lang', 'de']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Unknown language de');
  });

  it('reports bad input as file:line:column with a rule id, exits 1 and leaves earlier outputs untouched', async () => {
    const out = await mkdtemp(join(tmpdir(), 'cli-out-'));
    const good = cli(['build', '--lang', 'en', '--out', out, '--quiet']);
    expect(good.status).toBe(0);
    const before = await readFile(join(out, 'en', 'compendium-en.pdf'));
    const beforeHtml = await readFile(join(out, 'en', 'index.html'));

    const sources = await copySources();
    await edit(join(sources, 'en', 'papers', 'CTOC-COP-WG.4-2019-3.md'), (t) => t.replace('theme: consular-and-diplomatic-officers', 'theme: consular'));
    const bad = cli(['build', '--lang', 'en', '--out', out, '--sources', sources]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/CTOC-COP-WG\.4-2019-3\.md\s*\n\s*5:1\s+error\s+Unknown theme `consular`.*unknown-theme/);
    expect(bad.stderr).not.toMatch(/\n\s+at .*\.js:\d+/); // no stack trace
    expect(Buffer.compare(await readFile(join(out, 'en', 'compendium-en.pdf')), before)).toBe(0);
    expect(Buffer.compare(await readFile(join(out, 'en', 'index.html')), beforeHtml)).toBe(0);
    expect((await readdir(out)).filter((f) => f.startsWith('.'))).toEqual([]); // no staging left behind
  });

  it('says how to install Chromium when it is missing', async () => {
    const out = await mkdtemp(join(tmpdir(), 'cli-nochrome-'));
    const run = cli(['build', '--lang', 'en', '--out', out], { CHROMIUM_PATH: '/nonexistent/chromium' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Chromium was not found');
    expect(run.stderr).toContain('apt-get install chromium');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
