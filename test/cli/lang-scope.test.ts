/**
 * --lang scopes the work: after adding a paper whose English text is written, with the
 * translations still to do, `build --lang en` prints English, `check --lang en` reports nothing
 * of the translations, and `check --lang fr` reports French findings (and the original's), never
 * another language's.
 */
import { beforeAll, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { appendFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { cli } from '../helpers/cli.js';
import { copySources, edit } from '../helpers/sources.js';

let sources: string;
const langOf = (file: string) => relative(sources, file).split(sep)[0];
const findings = async (args: string[]) => {
  const run = await cli(['check', '--format', 'json', '--sources', sources, ...args]);
  return { status: run.status, files: (JSON.parse(run.stdout) as Array<{ file: string; ruleId: string }>).map((f) => ({ lang: langOf(f.file), ruleId: f.ruleId })) };
};

beforeAll(async () => {
  sources = await copySources(['en', 'fr', 'ru']);
  await appendFile(join(sources, 'meetings.yaml'), '  - number: 11\n    year: 2021\n');
  const added = await cli(['add-paper', '--sources', sources, '--symbol', 'CTOC/COP/WG.4/2021/2', '--year', '2021', '--meeting', '11', '--theme', 'demand', '--topic', 'demand reduction']);
  expect(added.status, added.stderr).toBe(0);
  await edit(join(sources, 'en', 'papers', 'CTOC-COP-WG.4-2021-2.md'), (t) => t.replace('⟦summary paragraphs⟧', 'The paper discusses ways to reduce the demand that fosters exploitation.'));
  // Russian also lost a whole paper: a parity finding of Russian.
  await rm(join(sources, 'ru', 'papers', 'CTOC-COP-WG.4-2010-3.md'));
});

it('check of every language reports the unfinished translations', async () => {
  const all = await findings([]);
  expect(all.status).toBe(1);
  expect(new Set(all.files.map((f) => f.lang))).toEqual(new Set(['fr', 'ru']));
  expect(all.files).toContainEqual({ lang: 'ru', ruleId: 'parity' });
});

it('check --lang en: nothing of the translations', async () => {
  expect(await findings(['--lang', 'en'])).toEqual({ status: 0, files: [] });
});

it('check --lang fr: French findings only (and the original it depends on)', async () => {
  const fr = await findings(['--lang', 'fr']);
  expect(fr.status).toBe(1);
  expect(fr.files.length).toBeGreaterThan(0);
  expect(fr.files.filter((f) => f.lang !== 'fr' && f.lang !== 'en')).toEqual([]);
  expect(fr.files).toContainEqual({ lang: 'fr', ruleId: 'unfinished-text' });
});

it('a finding of the original is reported for a translation too (it depends on it)', async () => {
  const copy = await copySources(['en', 'fr']);
  await edit(join(copy, 'en', 'document.yaml'), (t) => t.replace('jobNumber: V.21-05275', 'jobNumber: V.21-5275'));
  const run = await cli(['check', '--format', 'json', '--lang', 'fr', '--sources', copy]);
  expect(run.status).toBe(1);
  expect(JSON.parse(run.stdout)).toContainEqual(expect.objectContaining({ ruleId: 'job-number' }));
});

it('build --lang en prints English whatever the state of the translations', async () => {
  const out = await mkdtemp(join(tmpdir(), 'lang-scope-'));
  const run = await cli(['build', '--lang', 'en', '--out', out, '--sources', sources, '--quiet']);
  expect(run.status, run.stderr).toBe(0);
  expect(existsSync(join(out, 'en', 'compendium-en.pdf'))).toBe(true);
  expect(existsSync(join(out, 'fr'))).toBe(false);
  const fr = await cli(['build', '--lang', 'fr', '--out', out, '--sources', sources, '--quiet']);
  expect(fr.status).toBe(1);
  expect(fr.stderr).toContain('unfinished-text');
  expect(fr.stderr).not.toMatch(/[/\\]ru[/\\]/);
});
