/**
 * fixSources: the repairs are made on a private copy and written back once; a --sources that is
 * a symlink is repaired where it points (the link stays a link), the copy is removed, and an
 * editor's save during the repairs wins over them.
 */
import { afterEach, expect, it } from 'vitest';
import { lstat, mkdtemp, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixSources } from '../../src/write/fix-sources.js';
import { check } from '../../src/pipeline.js';
import { ROOT } from '../helpers/cli.js';
import { copySources, edit } from '../helpers/sources.js';

const saved = process.env['TMPDIR'];
afterEach(() => {
  if (saved === undefined) delete process.env['TMPDIR'];
  else process.env['TMPDIR'] = saved;
});

it('repairs through a symlinked sources folder, leaves the link and no copy behind', async () => {
  const sources = await copySources(['en']);
  const paper = join(sources, 'en', 'papers', 'CTOC-COP-WG.4-2010-3.md');
  await edit(paper, (t) => t.replace('The term “demand”', 'The term "demand"'));
  const link = join(await mkdtemp(join(tmpdir(), 'fix-link-')), 'sources');
  await symlink(sources, link);
  const temp = await mkdtemp(join(tmpdir(), 'fix-tmp-'));
  process.env['TMPDIR'] = temp;
  const report = await fixSources(link, (dir) => check({ root: ROOT, sourcesDir: dir }));
  expect(report.changed.map((c) => c.path)).toEqual([join(link, 'en', 'papers', 'CTOC-COP-WG.4-2010-3.md')]);
  expect(report.changed[0]?.changes).toEqual([
    { line: 10, column: 10, from: '"', to: '“', ruleId: 'typography' },
    { line: 10, column: 17, from: '"', to: '”', ruleId: 'typography' },
  ]);
  expect(await readFile(paper, 'utf8')).toContain('The term “demand”');
  expect((await lstat(link)).isSymbolicLink()).toBe(true);
  expect(await readdir(temp)).toEqual([]);
});

it('an editor saving during the repairs wins: the file is not overwritten', async () => {
  const sources = await copySources(['en']);
  const paper = join(sources, 'en', 'papers', 'CTOC-COP-WG.4-2010-3.md');
  await edit(paper, (t) => t.replace('The term “demand”', 'The term "demand"'));
  let calls = 0;
  const report = await fixSources(sources, async (dir) => {
    if (++calls === 2) await writeFile(paper, 'the editor\'s new text\n'); // saved while the copy is checked
    return check({ root: ROOT, sourcesDir: dir });
  });
  expect(await readFile(paper, 'utf8')).toBe('the editor\'s new text\n');
  expect(report.changed).toEqual([]);
  expect(report.refused).toContainEqual(expect.objectContaining({ path: paper, why: expect.stringMatching(/changed while it was being repaired/) }));
});
