/**
 * The corpus of bad inputs (test/fixtures/bad-input/cases.yaml) through the command line:
 * each gives exit 1 (or success where the input is legitimate), a message naming file, line
 * and column, and no stack trace. And the HTML edition sanitized even with checks bypassed.
 */
import { describe, expect, it } from 'vitest';
import { rm, symlink, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { join } from 'node:path';
import { cli, ROOT } from '../helpers/cli.js';
import { copySources, edit } from '../helpers/sources.js';
import { loadProject } from '../../src/load/project.js';
import { transformEdition } from '../../src/transform/transform-stage.js';
import { loadFontSources, loadTemplates } from '../../src/load/assets.js';
import { fontAssets } from '../../src/model/fonts.js';
import { createWorld } from '../../src/load/world.js';

const STACK = /\n\s+at .+:\d+:\d+/;
const PAPER = join('en', 'papers', 'CTOC-COP-WG.4-2010-5.md');

interface FixtureCase {
  name: string;
  edit?: { file: string; find: string; replace: string };
  write?: { file: string; text: string; repeat?: { text: string; times: number } };
  writeLatin1?: { file: string; text: string };
  symlink?: { file: string; target: string };
  remove?: { file: string };
  bomCrlf?: { file: string };
  status?: number;
  where: string;
}

const { cases } = parse(readFileSync(join(ROOT, 'test', 'fixtures', 'bad-input', 'cases.yaml'), 'utf8')) as { cases: FixtureCase[] };

async function apply(dir: string, c: FixtureCase): Promise<void> {
  if (c.edit) {
    const { file, find, replace } = c.edit;
    await edit(join(dir, file), (t) => {
      if (!t.includes(find)) throw new Error(`fixture "${c.name}": ${find} not found in ${file}`);
      return t.replace(find, replace);
    });
  }
  if (c.write) await writeFile(join(dir, c.write.file), c.write.text + (c.write.repeat ? c.write.repeat.text.repeat(c.write.repeat.times) : ''));
  if (c.writeLatin1) await writeFile(join(dir, c.writeLatin1.file), Buffer.from(c.writeLatin1.text, 'latin1'));
  if (c.symlink) await symlink(c.symlink.target, join(dir, c.symlink.file));
  if (c.remove) await rm(join(dir, c.remove.file));
  if (c.bomCrlf) await edit(join(dir, c.bomCrlf.file), (t) => `\uFEFF${t.replace(/\n/g, '\r\n')}`);
}

describe('bad input (test/fixtures/bad-input/cases.yaml)', () => {
  it('has a catalogue', () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
  });

  it.each(cases)('$name', async (c) => {
    const dir = await copySources(['en']);
    await apply(dir, c);
    const started = Date.now();
    const run = await cli(['check', '--format', 'grouped', '--sources', dir]);
    expect(run.status, run.stderr).toBe(c.status ?? 1);
    expect(run.stderr).toMatch(new RegExp(c.where));
    expect(run.stderr).not.toMatch(STACK);
    expect(Date.now() - started).toBeLessThan(20_000);
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
    const { html } = await transformEdition(edition, await loadTemplates(createWorld(ROOT)), fontAssets(await loadFontSources(edition.locale)));
    const body = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
    expect(body).not.toContain('<script');
    expect(body).not.toContain('<img');
    expect(body).not.toContain('onerror');
    expect(body).not.toContain('javascript:');
    expect(body).toContain('Case');
  });
});
