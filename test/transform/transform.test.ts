import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Root } from 'mdast';
import { VFile } from 'vfile';
import { loadProject } from '../../src/load/project.js';
import { assembleEdition } from '../../src/transform/assemble.js';
import { comparePapers, documentNumber } from '../../src/model/edition-texts.js';
import remarkNumberParagraphs from '../../src/transform/remark-number-paragraphs.js';
import remarkLetterSubparagraphs from '../../src/transform/remark-letter-subparagraphs.js';
import { letterLabel, roman } from '../../src/model/labels.js';
import type { NumberedParagraphNode, PaperNode, ThemeNode } from '../../src/types.js';
import { ROOT } from '../helpers/cli.js';

const EN = { letters: [...'abcdefghijklmnopqrstuvwxyz'], pattern: '({letter})', romanPattern: '({roman})' };
const FR = { ...EN, pattern: '{letter})', romanPattern: '{roman})' };

function paper(markdown: string): Root {
  const tree = unified().use(remarkParse).parse(markdown);
  const node: PaperNode = { type: 'paper', symbol: 'X/1', year: 2020, meeting: 1, children: tree.children as PaperNode['children'], data: { path: 'p.md' } };
  const theme: ThemeNode = { type: 'theme', id: 't', title: 'T', keyTopics: ['k'], children: [node] };
  return { type: 'root', children: [{ type: 'chapter', id: 'c', numeral: 'II', title: 'C', children: [theme] }] };
}

async function run(tree: Root, labels = EN): Promise<{ tree: Root; file: VFile }> {
  const file = new VFile();
  const source = new VFile({ path: 'p.md' });
  file.data.sourceFiles = { 'p.md': source };
  const out = (await unified().use(remarkNumberParagraphs).use(remarkLetterSubparagraphs, { labels }).run(tree, file)) as Root;
  return { tree: out, file: Object.assign(file, { messages: source.messages }) };
}

function numbered(tree: Root): NumberedParagraphNode[] {
  const out: NumberedParagraphNode[] = [];
  const walk = (node: { children?: unknown[]; type: string }): void => {
    if (node.type === 'numberedParagraph') out.push(node as NumberedParagraphNode);
    for (const child of (node.children ?? []) as Array<{ children?: unknown[]; type: string }>) walk(child);
  };
  walk(tree);
  return out;
}

describe('paragraph numbering', () => {
  it('numbers the real English document 1 to 89 in order', async () => {
    const project = await loadProject(ROOT, { langs: ['en'] });
    const edition = project.editions[0];
    if (!edition) throw new Error('no edition');
    const { tree, file } = await run(assembleEdition(edition));
    expect(numbered(tree).map((p) => p.number)).toEqual(Array.from({ length: 89 }, (_, i) => i + 1));
    expect(file.data.paragraphs?.[3]?.text).toMatch(/^In 2010, for the second meeting/);
  });

  it('attaches a list to the paragraph before it', async () => {
    const { tree } = await run(paper('Lead-in:\n\n- one;\n- two.\n\nAfter.\n'));
    const [first, second] = numbered(tree);
    expect(first?.children.map((c) => c.type)).toEqual(['paragraph', 'list']);
    expect(second?.number).toBe(2);
  });

  it('reports a typed paragraph number and a list with no lead-in', async () => {
    const { file } = await run(paper('12. Typed number.\n'));
    expect(file.messages[0]).toMatchObject({ ruleId: 'typed-paragraph-number', line: 1, column: 1, fatal: true });
    const other = await run(paper('- orphan\n'));
    expect(other.file.messages[0]?.ruleId).toBe('subparagraph-without-paragraph');
  });
});

describe('subparagraph lettering', () => {
  it('letters in the language style, with Latin anchors', async () => {
    const { tree } = await run(paper('Lead:\n\n- a\n- b\n- c\n'));
    const list = numbered(tree)[0]?.children[1];
    if (list?.type !== 'list') throw new Error('no list');
    expect(list.children.map((i) => i.data?.label)).toEqual(['(a)', '(b)', '(c)']);
    expect(list.children.map((i) => i.data?.anchor)).toEqual(['para-1-a', 'para-1-b', 'para-1-c']);
    const fr = await run(paper('Lead:\n\n- a\n- b\n'), FR);
    const frList = numbered(fr.tree)[0]?.children[1];
    expect(frList?.type === 'list' && frList.children.map((i) => i.data?.label)).toEqual(['a)', 'b)']);
  });

  it('numbers a nested level with roman numerals', async () => {
    const { tree } = await run(paper('Lead:\n\n- a\n  - x\n  - y\n- b\n'));
    const list = numbered(tree)[0]?.children[1];
    if (list?.type !== 'list') throw new Error('no list');
    const nested = list.children[0]?.children[1];
    expect(nested?.type === 'list' && nested.children.map((i) => i.data?.label)).toEqual(['(i)', '(ii)']);
    expect(nested?.type === 'list' && nested.children[1]?.data?.anchor).toBe('para-1-a-ii');
  });

  it('roman numerals and labels past z', () => {
    expect([1, 4, 9, 14, 19].map(roman)).toEqual(['i', 'iv', 'ix', 'xiv', 'xix']);
    expect(letterLabel(EN, 26)).toBe('(aa)');
  });
});

describe('ordering of papers within a theme', () => {
  it('newest year first, then higher document number first', () => {
    const papers = ['CTOC/COP/WG.4/2013/2', 'CTOC/COP/WG.4/2015/4', 'CTOC/COP/WG.4/2010/2', 'CTOC/COP/WG.4/2013/4', 'CTOC/COP/WG.4/2011/3'].map((symbol) => ({
      symbol,
      year: Number(symbol.split('/')[3]),
    }));
    expect(papers.sort(comparePapers).map((p) => p.symbol)).toEqual([
      'CTOC/COP/WG.4/2015/4',
      'CTOC/COP/WG.4/2013/4',
      'CTOC/COP/WG.4/2013/2',
      'CTOC/COP/WG.4/2011/3',
      'CTOC/COP/WG.4/2010/2',
    ]);
    expect(documentNumber('CTOC/COP/WG.4/2010/L.12')).toBe(12);
  });

  it('places the real papers as the reference does', async () => {
    const project = await loadProject(ROOT, { langs: ['en'] });
    const edition = project.editions[0];
    if (!edition) throw new Error('no edition');
    const tree = assembleEdition(edition);
    const chapter = tree.children[1];
    const demand = chapter?.type === 'chapter' ? chapter.children.find((t) => t.type === 'theme' && t.id === 'demand') : undefined;
    expect(demand?.type === 'theme' && demand.children.map((p) => p.symbol)).toEqual(['CTOC/COP/WG.4/2013/3', 'CTOC/COP/WG.4/2011/5', 'CTOC/COP/WG.4/2010/3']);
  });
});
