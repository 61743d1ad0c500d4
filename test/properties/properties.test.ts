/**
 * Property-based tests (fast-check): for any sources of a given shape, the loader reports
 * instead of throwing, paragraphs are numbered 1..n in order, subparagraph labels run a, b, c
 * without gap or repeat, and the typography and symbol helpers keep their promises.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Root } from 'mdast';
import { VFile } from 'vfile';
import { parseYaml } from '../../src/load/yaml.js';
import { paperOriginalSchema } from '../../src/load/schema.js';
import { parseMarkdown } from '../../src/load/markdown.js';
import remarkNumberParagraphs from '../../src/transform/remark-number-paragraphs.js';
import remarkLetterSubparagraphs from '../../src/transform/remark-letter-subparagraphs.js';
import { letterLabel, roman } from '../../src/model/labels.js';
import { applyTypography } from '../../src/transform/rehype-typography.js';
import { symbolProblems } from '../../src/model/symbols.js';
import type { NumberedParagraphNode, PaperNode } from '../../src/types.js';

const EN = { letters: [...'abcdefghijklmnopqrstuvwxyz'], pattern: '({letter})', romanPattern: '({roman})' };
const word = fc.stringMatching(/^[A-Za-z][a-z]{0,8}$/);
const sentence = fc.array(word, { minLength: 1, maxLength: 12 }).map((w) => `${w.join(' ')}.`);

/** A paper body: paragraphs, some followed by a list of subparagraphs. */
const body = fc.array(fc.record({ text: sentence, items: fc.array(sentence, { maxLength: 9 }) }), { minLength: 1, maxLength: 15 });

function markdown(blocks: Array<{ text: string; items: string[] }>): string {
  return blocks.map((b) => [b.text, ...(b.items.length ? [b.items.map((i) => `- ${i}`).join('\n')] : [])].join('\n\n')).join('\n\n') + '\n';
}

async function transform(papers: string[]): Promise<NumberedParagraphNode[]> {
  const children: PaperNode[] = papers.map((md, i) => ({
    type: 'paper',
    symbol: `X/${i}`,
    year: 2020,
    meeting: 1,
    children: (unified().use(remarkParse).parse(md) as Root).children as PaperNode['children'],
    data: { path: `p${i}.md` },
  }));
  const tree: Root = { type: 'root', children: [{ type: 'chapter', id: 'c', numeral: 'II', title: 'C', children: [{ type: 'theme', id: 't', title: 'T', keyTopics: ['k'], children }] }] };
  const file = new VFile();
  file.data.sourceFiles = {};
  const out = (await unified().use(remarkNumberParagraphs).use(remarkLetterSubparagraphs, { labels: EN }).run(tree, file)) as Root;
  const found: NumberedParagraphNode[] = [];
  const walk = (n: { type: string; children?: unknown[] }): void => {
    if (n.type === 'numberedParagraph') found.push(n as NumberedParagraphNode);
    for (const c of (n.children ?? []) as Array<{ type: string; children?: unknown[] }>) walk(c);
  };
  walk(out);
  return found;
}

describe('properties', () => {
  it('numbers every paragraph of any papers 1..n in document order', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(body, { minLength: 1, maxLength: 5 }), async (papers) => {
        const numbered = await transform(papers.map(markdown));
        const expected = papers.flat().length;
        expect(numbered.map((p) => p.number)).toEqual(Array.from({ length: expected }, (_, i) => i + 1));
      }),
      { numRuns: 60 },
    );
  });

  it('letters the subparagraphs of every paragraph a, b, c … without gap or repeat', async () => {
    await fc.assert(
      fc.asyncProperty(body, async (blocks) => {
        const numbered = await transform([markdown(blocks)]);
        numbered.forEach((para, i) => {
          const labels = para.children.flatMap((c) => (c.type === 'list' ? c.children.map((item) => item.data?.label) : []));
          expect(labels).toEqual(blocks[i]?.items.map((_, k) => letterLabel(EN, k)));
        });
      }),
      { numRuns: 60 },
    );
  });

  it('labels and roman numerals are distinct for distinct positions', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 200 }), (a, b) => {
        if (a === b) return;
        expect(letterLabel(EN, a)).not.toBe(letterLabel(EN, b));
        expect(roman(a + 1)).not.toBe(roman(b + 1));
      }),
    );
  });

  it('front matter of any shape gives a value or located messages, never an exception', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('symbol', 'year', 'meeting', 'theme', 'extra', 'x'), fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.integer()))), (front) => {
        const text = Object.entries(front).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join('\n');
        const file = new VFile({ path: 'p.md', value: `---\n${text}\n---\n\nText.\n` });
        const parsed = parseMarkdown(file);
        const result = parsed.frontMatter ? parseYaml(file, parsed.frontMatter.text, paperOriginalSchema, parsed.frontMatter.line) : undefined;
        const expected = paperOriginalSchema.safeParse(front);
        if (expected.success) {
          // Valid front matter: its value, and no message.
          expect(result?.value).toEqual(expected.data);
          expect(file.messages).toEqual([]);
        } else {
          // Invalid: no value, and every message placed inside the front matter (lines 2 to n + 1).
          expect(result).toBeUndefined();
          expect(file.messages.length).toBeGreaterThan(0);
          const lines = text.split('\n').length;
          for (const m of file.messages) {
            expect(['yaml-syntax', 'metadata-schema']).toContain(m.ruleId);
            expect(m.line).toBeGreaterThanOrEqual(2);
            expect(m.line).toBeLessThanOrEqual(lines + 1);
            expect(m.column).toBeGreaterThanOrEqual(1);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('any text parses as Markdown, with blocks in order inside the text and front matter where it was written', () => {
    const line = fc.oneof(fc.string({ maxLength: 60 }), fc.constantFrom('---', '- item', '1. item', '# heading', '> quote', '', 'key: value'));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), (lines) => {
        const text = lines.join('\n');
        const { tree, frontMatter } = parseMarkdown(new VFile({ value: text }));
        // Every block lies inside the text, in document order, without overlap.
        let end = 0;
        for (const node of tree.children) {
          const start = node.position?.start.offset ?? -1;
          expect(start).toBeGreaterThanOrEqual(end);
          end = node.position?.end.offset ?? -1;
          expect(end).toBeLessThanOrEqual(text.length);
        }
        // Front matter only from a first line `---`, and then starting on line 2.
        if (frontMatter) {
          expect(lines[0]).toBe('---');
          expect(frontMatter.line).toBe(2);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('French no-break spaces are idempotent and never change the visible words', () => {
    const rules = { nbspBefore: ':;!?»', nbspAfter: '«' };
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', ' ', ':', ';', '!', '?', '«', '»', '\u00a0') }), (text) => {
        const once = applyTypography(text, rules);
        expect(applyTypography(once, rules)).toBe(once);
        expect(once.replace(/[\s\u00a0\u202f]/g, '')).toBe(text.replace(/[\s\u00a0\u202f]/g, ''));
      }),
      { numRuns: 300 },
    );
  });

  it('symbols built from the grammar are accepted; with a space or lower case they are not', () => {
    const body = fc.constantFrom('WG.4', 'AC.105', 'CN.15', 'C.3');
    const symbol = fc.tuple(fc.constantFrom('A', 'E', 'CTOC/COP'), body, fc.integer({ min: 1990, max: 2030 }), fc.integer({ min: 1, max: 300 }), fc.constantFrom('', '/Add.1', '/Corr.2', '/Rev.1'))
      .map(([organ, b, year, n, suffix]) => `${organ}/${b}/${year}/${n}${suffix}`);
    fc.assert(
      fc.property(symbol, (s) => {
        expect(symbolProblems(s, ['CTOC/COP/WG.4'])).toEqual([]);
        expect(symbolProblems(s.replace('/', '/ '))).not.toEqual([]);
        expect(symbolProblems(s.toLowerCase())).not.toEqual([]);
      }),
    );
  });
});
