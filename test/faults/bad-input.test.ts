/**
 * A catalogue of bad inputs through the command line: each gives exit 1 (or success where
 * the input is legitimate), a message naming file, line and column, and no stack trace.
 */
import { describe, expect, it } from 'vitest';
import { rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cli, ROOT } from '../helpers/cli.js';
import { copySources, edit } from '../helpers/sources.js';
import { loadProject } from '../../src/load/project.js';
import { transformEdition } from '../../src/pipeline.js';
import { loadFontSources, loadTemplates } from '../../src/load/assets.js';
import { fontAssets } from '../../src/render/fonts.js';

const STACK = /\n\s+at .+:\d+:\d+/;
const PAPER = join('en', 'papers', 'CTOC-COP-WG.4-2010-5.md');

interface BadCase {
  name: string;
  change: (dir: string) => Promise<void>;
  /** The file and line:column the report must name, and words of the message. */
  where: RegExp;
  status?: number;
}

const cases: BadCase[] = [
  { name: 'invalid YAML', change: (d) => edit(join(d, 'en', 'themes.yaml'), (t) => t.replace('  - id: demand', '  - id: [demand')), where: /themes\.yaml\s+\d+:\d+\s+error\s+Invalid YAML/ },
  { name: 'missing metadata', change: (d) => edit(join(d, 'en', 'document.yaml'), (t) => t.replace(/^title: .*$/m, '')), where: /document\.yaml\s+9:1(?:-\d+:\d+)?\s+error\s+`title`: Required/ },
  { name: 'mistyped metadata', change: (d) => edit(join(d, PAPER), (t) => t.replace('meeting: 2', 'meeting: second')), where: /2010-5\.md\s+4:1(?:-\d+:\d+)?\s+error\s+`meeting`: Expected number/ },
  { name: 'unknown metadata', change: (d) => edit(join(d, PAPER), (t) => t.replace('theme:', 'colour: red\ntheme:')), where: /2010-5\.md\s+5:1(?:-\d+:\d+)?\s+error\s+Unknown key `colour`/ },
  { name: 'unknown theme', change: (d) => edit(join(d, PAPER), (t) => t.replace('theme: case-management', 'theme: cases')), where: /2010-5\.md\s+5:1(?:-\d+:\d+)?\s+error\s+Unknown theme `cases`/ },
  { name: 'unknown language folder', change: async (d) => { await writeFile(join(d, 'de.yaml'), 'x: 1\n'); }, where: /de\.yaml\s+1:1(?:-\d+:\d+)?\s+error\s+Unknown entry `de\.yaml` in sources/ },
  { name: 'duplicate paper', change: (d) => edit(join(d, 'en', 'papers', 'CTOC-COP-WG.4-2010-4.md'), (t) => t.replace('symbol: CTOC/COP/WG.4/2010/4', 'symbol: CTOC/COP/WG.4/2010/5')), where: /2010-5\.md\s+2:1(?:-\d+:\d+)?\s+error\s+Duplicate paper/ },
  { name: 'empty file', change: (d) => writeFile(join(d, PAPER), ''), where: /2010-5\.md\s+1:1(?:-\d+:\d+)?\s+error\s+Empty paper file/ },
  { name: 'not UTF-8', change: (d) => writeFile(join(d, PAPER), Buffer.from('---\nsymbol: CTOC/COP/WG.4/2010/5\n---\n\nCaf\xe9\n', 'latin1')), where: /2010-5\.md\s+1:1(?:-\d+:\d+)?\s+error\s+File is not valid UTF-8/ },
  { name: 'raw HTML with a script', change: (d) => edit(join(d, PAPER), (t) => t.replace('Case management, being', 'Case management <script>alert(1)</script>, being')), where: /2010-5\.md\s+10:17(?:-\d+:\d+)?\s+error\s+Raw HTML `<script>`/ },
  { name: 'a javascript: URL', change: (d) => edit(join(d, PAPER), (t) => t.replace('Case management, being', '[Case management](javascript:alert(1)), being')), where: /2010-5\.md\s+10:1(?:-\d+:\d+)?\s+error\s+Link to `javascript:alert\(1\)`/ },
  { name: 'a remote image', change: (d) => edit(join(d, PAPER), (t) => t.replace('Case management, being', '![x](https://example.org/x.png) Case management, being')), where: /2010-5\.md\s+10:1(?:-\d+:\d+)?\s+error\s+Images are not allowed/ },
  { name: 'a bidirectional control character', change: (d) => edit(join(d, PAPER), (t) => t.replace('Case management, being', 'Case \u202emanagement, being')), where: /2010-5\.md\s+10:6(?:-\d+:\d+)?\s+error\s+Invisible or bidirectional control character U\+202E/ },
  { name: 'a paper that links outside the sources', change: async (d) => { await symlink('/etc/hostname', join(d, 'en', 'papers', 'outside.md')); }, where: /outside\.md\s+1:1\s+error\s+Refusing to read .* it links outside the sources/ },
  { name: 'a 10 MB paragraph', change: (d) => writeFile(join(d, PAPER), `---\nsymbol: CTOC/COP/WG.4/2010/5\nyear: 2010\nmeeting: 2\ntheme: case-management\n---\n\n${'word '.repeat(2_000_000)}\n`), where: /2010-5\.md\s+1:1(?:-\d+:\d+)?\s+error\s+File is 9\.5 MiB: a source may be at most 1 MiB/ },
];

describe('bad input', () => {
  it.each(cases)('$name: exit 1, file:line:column, no stack trace', async (c) => {
    const dir = await copySources(['en']);
    await c.change(dir);
    const started = Date.now();
    const run = cli(['check', '--sources', dir]);
    expect(run.status, run.stderr).toBe(c.status ?? 1);
    expect(run.stderr).toMatch(c.where);
    expect(run.stderr).not.toMatch(STACK);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('a byte-order mark and CRLF line ends are accepted', async () => {
    const dir = await copySources(['en']);
    await edit(join(dir, PAPER), (t) => `\uFEFF${t.replace(/\n/g, '\r\n')}`);
    await edit(join(dir, 'en', 'themes.yaml'), (t) => `\uFEFF${t.replace(/\n/g, '\r\n')}`);
    const run = cli(['check', '--sources', dir]);
    expect(run.status, run.stderr).toBe(0);
  });

  it('a missing introduction', async () => {
    const dir = await copySources(['en']);
    await rm(join(dir, 'en', 'introduction.md'));
    const run = cli(['check', '--sources', dir]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/introduction\.md\s+1:1(?:-\d+:\d+)?\s+error\s+Missing source/);
  });
});

describe('the HTML edition is sanitized even when the checks are bypassed', () => {
  it('drops scripts, event handlers and javascript: links', async () => {
    const dir = await copySources(['en']);
    await edit(join(dir, PAPER), (t) =>
      t.replace('Case management, being', 'Case <script>alert(1)</script> <img src=x onerror=alert(2)> [m](javascript:alert(3)) <a href="javascript:alert(4)">x</a> management, being'),
    );
    const project = await loadProject(ROOT, { langs: ['en'], sourcesDir: dir });
    const edition = project.editions[0];
    if (!edition) throw new Error('no edition');
    const { html } = await transformEdition(edition, await loadTemplates(ROOT), fontAssets(await loadFontSources(edition.locale)));
    const body = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
    expect(body).not.toContain('<script');
    expect(body).not.toContain('<img');
    expect(body).not.toContain('onerror');
    expect(body).not.toContain('javascript:');
    expect(body).toContain('Case');
  });
});
