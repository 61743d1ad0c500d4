import { describe, expect, it } from 'vitest';
import { writeFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { loadProject } from '../../src/load/project.js';
import { hasFatal } from '../../src/load/report.js';
import { ROOT } from '../helpers/cli.js';
import { copySources, edit } from '../helpers/sources.js';

const PAPER = join('en', 'papers', 'CTOC-COP-WG.4-2010-5.md');

async function load(sourcesDir: string) {
  const project = await loadProject(ROOT, { langs: ['en'], sourcesDir });
  const messages = project.files.flatMap((f) => f.messages.map((m) => ({ file: f.basename, line: m.line, column: m.column, ruleId: m.ruleId, reason: m.reason, fatal: m.fatal })));
  return { project, messages };
}

describe('loading the real sources', () => {
  it('gives one English edition with 13 themes, 20 papers and 3 introduction paragraphs', async () => {
    const project = await loadProject(ROOT, { langs: ['en'] });
    expect(hasFatal(project.files)).toBe(false);
    const en = project.editions[0];
    expect(en?.lang).toBe('en');
    expect(en?.themes.map((t) => t.id)).toHaveLength(13);
    expect(en?.themes[0]?.id).toBe('case-management');
    expect(en?.themes.at(-1)?.id).toBe('interpretation-and-implementation');
    expect(en?.papers).toHaveLength(20);
    expect(en?.introduction.tree.children.filter((n) => n.type === 'paragraph')).toHaveLength(3);
    expect(en?.meta.symbol).toBe('CTOC/COP/WG.4/2021/3');
    expect(en?.meta.symbolConfirmed).toBe(false);
    expect(en?.meta.jobNumber).toBe('V.21-05275');
    expect(project.meetings.find((m) => m.number === 10)?.year).toBe(2020);
  });
});

describe('bad sources are reported at file, line and column', () => {
  it('invalid YAML in front matter', async () => {
    const dir = await copySources();
    await edit(join(dir, PAPER), (t) => t.replace('year: 2010', 'year: [2010'));
    const { messages } = await load(dir);
    const m = messages.find((x) => x.ruleId === 'yaml-syntax');
    expect(m).toMatchObject({ file: 'CTOC-COP-WG.4-2010-5.md', fatal: true });
    expect(m).toMatchObject({ line: 3, column: 7 }); // at the [ that is never closed
  });

  it('a mistyped field, with the line of the key', async () => {
    const dir = await copySources();
    await edit(join(dir, PAPER), (t) => t.replace('year: 2010', 'year: twenty-ten'));
    const { messages } = await load(dir);
    expect(messages).toContainEqual(expect.objectContaining({ file: 'CTOC-COP-WG.4-2010-5.md', line: 3, column: 1, ruleId: 'metadata-schema', fatal: true }));
  });

  it('an unknown key, at the key', async () => {
    const dir = await copySources();
    await edit(join(dir, 'en', 'document.yaml'), (t) => t.replace('distribution: general', 'distribution: general\ncolour: blue'));
    const { messages } = await load(dir);
    const m = messages.find((x) => x.reason.includes('colour'));
    expect(m).toMatchObject({ file: 'document.yaml', ruleId: 'metadata-schema', column: 1 });
    expect(m).toMatchObject({ line: 13 });
  });

  // What the sources say (an unknown theme, a duplicate symbol) is for the rules to judge, at
  // their configured severity: the loader reads such a paper and says nothing.
  it('an unknown theme is read as written (compendium-structure reports it)', async () => {
    const dir = await copySources();
    await edit(join(dir, PAPER), (t) => t.replace('theme: case-management', 'theme: case-managment'));
    const { project, messages } = await load(dir);
    expect(messages).toEqual([]);
    expect(project.editions[0]?.papers.find((p) => p.symbol === 'CTOC/COP/WG.4/2010/5')?.theme).toBe('case-managment');
  });

  it('a duplicate symbol is read as written (document-symbol reports it)', async () => {
    const dir = await copySources();
    await edit(join(dir, 'en', 'papers', 'CTOC-COP-WG.4-2010-4.md'), (t) => t.replace('symbol: CTOC/COP/WG.4/2010/4', 'symbol: CTOC/COP/WG.4/2010/5'));
    const { project, messages } = await load(dir);
    expect(messages).toEqual([]);
    expect(project.editions[0]?.papers.filter((p) => p.symbol === 'CTOC/COP/WG.4/2010/5')).toHaveLength(2);
  });

  it('an empty file and a file that is not UTF-8', async () => {
    const dir = await copySources();
    await writeFile(join(dir, 'en', 'papers', 'empty.md'), '');
    await writeFile(join(dir, 'en', 'papers', 'latin1.md'), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xe9, 0x0a]));
    const { messages } = await load(dir);
    expect(messages).toContainEqual(expect.objectContaining({ file: 'empty.md', ruleId: 'front-matter', fatal: true }));
    expect(messages).toContainEqual(expect.objectContaining({ file: 'latin1.md', ruleId: 'source-encoding', fatal: true }));
  });

  it('accepts a byte-order mark and CRLF line ends', async () => {
    const dir = await copySources();
    await edit(join(dir, PAPER), (t) => `\uFEFF${t.replace(/\n/g, '\r\n')}`);
    const { project, messages } = await load(dir);
    expect(messages).toEqual([]);
    expect(project.editions[0]?.papers.find((p) => p.symbol === 'CTOC/COP/WG.4/2010/5')?.tree.children).toHaveLength(4);
  });

  it('a missing themes file', async () => {
    const dir = await copySources();
    await rm(join(dir, 'en', 'themes.yaml'));
    const { messages } = await load(dir);
    expect(messages).toContainEqual(expect.objectContaining({ file: 'themes.yaml', ruleId: 'missing-source', fatal: true }));
  });
});
