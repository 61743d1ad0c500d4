/**
 * `check --fix` is safe by construction (fast-check):
 *  - the safety layer, given a naive repair at EVERY quote, apostrophe and hyphen of generated
 *    YAML (scalars of every style: plain, single- and double-quoted, block literal and folded)
 *    and Markdown (code spans, links with titles, autolinks, standard numbers, escapes), keeps
 *    only repairs after which the YAML parses with the same keys and each value changes by
 *    exactly its repairs, and the Markdown has the same tree with the same code, addresses and titles;
 *  - `fixSources` with the real checks, on generated sources: the output always parses, never
 *    has more findings than its input, and a second run changes nothing.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Document, parseDocument, Scalar, visit } from 'yaml';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import type { Nodes, Root } from 'mdast';
import { VFile } from 'vfile';
import { cp, mkdtemp, readFile, readdir, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { safeFixes } from '../../src/check/fix/safe.js';
import { applyToText } from '../../src/check/fix/repairs.js';
import type { Fix } from '../../src/check/rule.js';
import { fixSources } from '../../src/write/fix-sources.js';
import { check } from '../../src/pipeline.js';
import { ROOT } from '../helpers/cli.js';

const STYLES = ['PLAIN', 'QUOTE_SINGLE', 'QUOTE_DOUBLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED'] as const;
const piece = fc.constantFrom('Victims', "'", "''", '"', '-', ' ', 'case', '12-15', "States'", ' # ', ': ', '\\', 'ISO 3166-1', '’', 'a');
const scalarText = fc.array(piece, { minLength: 1, maxLength: 8 }).map((p) => p.join('').trim() || 'x');
const scalar = fc.record({ value: scalarText, style: fc.constantFrom(...STYLES) });

/** A themes-like YAML document whose scalars have the styles asked for (yaml picks another when one cannot hold the value). */
function yamlText(topics: Array<{ value: string; style: (typeof STYLES)[number] }>, title: { value: string; style: (typeof STYLES)[number] }): string {
  const doc = new Document({ themes: [{ id: 'demand', title: title.value, keyTopics: topics.map((t) => t.value) }] });
  const styles = [title, ...topics].map((t) => t.style);
  let i = 0;
  visit(doc, {
    Scalar(key, node: Scalar) {
      if (key === 'key' || node.value === 'demand') return;
      node.type = styles[i++] ?? 'PLAIN';
    },
  });
  return `# check-free comment with a quote ' and a dash -\n${doc.toString({ lineWidth: 0 })}`;
}

/** A naive rule: a repair at every straight quote and hyphen of the text. */
function naiveFixes(file: VFile): Fix[] {
  const text = String(file.value);
  const fixes: Fix[] = [];
  for (const m of text.matchAll(/["'-]/gu)) {
    fixes.push({ file, start: m.index, end: m.index + 1, text: m[0] === '"' ? '”' : m[0] === "'" ? '’' : '–' });
  }
  return fixes;
}

describe('the safety layer', () => {
  it('YAML: repairs kept only when the document parses, keys stay, and each scalar keeps its style and changes by its repairs', () => {
    fc.assert(
      fc.property(fc.array(scalar, { minLength: 1, maxLength: 6 }), scalar, (topics, title) => {
        const text = yamlText(topics, title);
        const before = parseDocument(text);
        expect(before.errors).toEqual([]);
        const file = new VFile({ path: '/x/en/themes.yaml', value: text });
        const { safe } = safeFixes(naiveFixes(file));
        const fixed = applyToText(text, safe);
        const after = parseDocument(fixed);
        expect(after.errors, fixed).toEqual([]);
        const a = before.toJS() as { themes: Array<Record<string, unknown>> };
        const b = after.toJS() as { themes: Array<Record<string, unknown>> };
        expect(Object.keys(b.themes[0] ?? {})).toEqual(Object.keys(a.themes[0] ?? {}));
        const norm = (s: unknown) => String(s).replace(/[”’]/gu, (c) => (c === '”' ? '"' : "'")).replace(/–/gu, '-');
        const values = (j: typeof a) => [j.themes[0]?.['title'], ...((j.themes[0]?.['keyTopics'] as unknown[]) ?? [])];
        // Each value changed only where a straight character became its typographic form.
        expect(values(b).map(norm)).toEqual(values(a).map((v) => norm(v)));
        expect(b.themes[0]?.['id']).toBe('demand');
        // Styles kept.
        const styles = (d: typeof before) => {
          const out: string[] = [];
          visit(d, { Scalar: (_k, n) => void out.push(String(n.type)) });
          return out;
        };
        expect(styles(after)).toEqual(styles(before));
      }),
      { numRuns: 200 },
    );
  });

  it("YAML: 'Victims'' case management' is never broken", () => {
    const text = "keyTopics:\n  - 'Victims'' case management'\n  - 'it''s'\n";
    const file = new VFile({ path: '/x/en/themes.yaml', value: text });
    const { safe, refused } = safeFixes(naiveFixes(file));
    expect(safe).toEqual([]);
    expect(refused.length).toBe(naiveFixes(file).length);
    expect(parseDocument(applyToText(text, safe)).errors).toEqual([]);
  });

  const mdPiece = fc.constantFrom(
    'the "term" used',
    "the victims' rights",
    'pages 12-15',
    'ISO 3166-1',
    'ISO/IEC 27001-2',
    'ICD-10',
    '`code "x" 1-2`',
    '[a "link"](https://example.org/a-b "its \'title\'")',
    '<https://example.org/x-1>',
    '\\"escaped\\"',
    '*emphasis "quoted"*',
    'word',
    "https://example.org/it's-1-2",
    'WG.4-2010',
    'COVID-19',
    "it's",
    '--',
    '"',
  );
  const paragraph = fc.array(mdPiece, { minLength: 1, maxLength: 6 }).map((p) => p.join(' '));
  const mdText = fc
    .record({ front: fc.array(scalar, { maxLength: 2 }), paras: fc.array(paragraph, { minLength: 1, maxLength: 4 }), items: fc.array(paragraph, { maxLength: 3 }) })
    .map(({ front, paras, items }) => {
      const fm = new Document({ symbol: 'CTOC/COP/WG.4/2010/3', notes: front.map((f) => f.value) });
      let i = 0;
      visit(fm, {
        Scalar(key, node: Scalar) {
          if (key !== 'key' && typeof node.value === 'string' && node.value !== 'CTOC/COP/WG.4/2010/3') node.type = front[i++]?.style ?? 'PLAIN';
        },
      });
      return `---\n${fm.toString({ lineWidth: 0 })}---\n\n${paras.join('\n\n')}\n${items.length ? `\n${items.map((t) => `- ${t}`).join('\n')}\n` : ''}`;
    });

  const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);
  /** What must never change: the tree's node types, code, addresses, titles, and the front matter's keys. */
  function fixedParts(text: string): unknown {
    const tree = parser.parse(text) as Root;
    const parts: unknown[] = [];
    const walk = (node: Nodes): void => {
      if (node.type === 'inlineCode' || node.type === 'code' || node.type === 'html') parts.push([node.type, node.value]);
      else if (node.type === 'link') parts.push(['link', node.url, node.title]);
      else if (node.type === 'yaml') parts.push(['yaml-keys', Object.keys(parseDocument(node.value).toJS() as object)]);
      else if (node.type !== 'text') parts.push(node.type);
      if ('children' in node) for (const child of node.children as Nodes[]) walk(child);
    };
    walk(tree);
    return parts;
  }

  it('Markdown: never inside code, addresses, titles, escapes or standard numbers; the tree keeps its shape', () => {
    fc.assert(
      fc.property(mdText, (text) => {
        const file = new VFile({ path: '/x/en/papers/p.md', value: text });
        const { safe } = safeFixes(naiveFixes(file));
        const fixed = applyToText(text, safe);
        expect(fixedParts(fixed)).toEqual(fixedParts(text));
        for (const id of ['ISO 3166-1', 'ISO/IEC 27001-2', 'ICD-10', "https://example.org/it's-1-2", 'WG.4-2010', 'COVID-19']) expect(fixed.split(id).length).toBe(text.split(id).length);
        const body = (t: string) => t.replace(/^---\n[\s\S]*?---\n/u, '');
        expect(body(fixed).split('\\"').length).toBe(body(text).split('\\"').length); // a Markdown escape stays
        const front = /^---\n([\s\S]*?)---\n/u.exec(fixed)?.[1] ?? '';
        expect(parseDocument(front).errors).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});

describe('fixSources with the real checks', () => {
  const paragraphs = fc.array(
    fc.array(fc.constantFrom('The term "demand" is used', "the victims' rights", 'in paras. 1-2', 'ISO 3166-1', '`a "b" 1-2`', '[x](https://e.org/a-b "t \'q\'")', 'a  double space', 'trauma informed', 'agesensitive', 'text'), { minLength: 1, maxLength: 5 }).map((p) => `${p.join(' ')}.`),
    { minLength: 1, maxLength: 3 },
  );

  it('the output always parses, never has more findings, and a second run changes nothing', async () => {
    const base = await mkdtemp(join(tmpdir(), 'fixprop-'));
    const real = join(ROOT, 'sources');
    const count = (r: Awaited<ReturnType<typeof check>>) => r.files.reduce((n, f) => n + f.messages.length, 0);
    const parseErrors = (r: Awaited<ReturnType<typeof check>>) => r.files.flatMap((f) => f.messages.filter((m) => /yaml|front-matter|markdown/u.test(String(m.ruleId)) && m.fatal));
    let run = 0;
    let changes = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(scalar, { minLength: 1, maxLength: 4 }), scalar, paragraphs, async (topics, title, paras) => {
        const dir = join(base, String(run++));
        await mkdir(join(dir, 'en', 'papers'), { recursive: true });
        await cp(join(real, 'meetings.yaml'), join(dir, 'meetings.yaml'));
        await cp(join(real, 'en', 'document.yaml'), join(dir, 'en', 'document.yaml'));
        await writeFile(join(dir, 'en', 'themes.yaml'), yamlText(topics, title));
        await writeFile(join(dir, 'en', 'introduction.md'), `${paras.join('\n\n')}\n`);
        await writeFile(join(dir, 'en', 'papers', 'CTOC-COP-WG.4-2010-3.md'), `---\nsymbol: CTOC/COP/WG.4/2010/3\nyear: 2010\nmeeting: 2\ntheme: demand\n---\n\nIn 2010 (CTOC/COP/WG.4/2010/3) the "paper".\n\n${paras.join('\n\n')}\n`);
        const checkDir = (d: string) => check({ root: ROOT, sourcesDir: d });
        const before = await checkDir(dir);
        expect(parseErrors(before)).toEqual([]);
        const first = await fixSources(dir, checkDir);
        changes += first.changed.length;
        const after = await checkDir(dir);
        expect(parseErrors(after)).toEqual([]);
        expect(count(after)).toBeLessThanOrEqual(count(before));
        const snapshot = async () => Promise.all((await readdir(join(dir, 'en'), { recursive: true })).sort().map(async (n) => [n, await readFile(join(dir, 'en', n)).catch(() => '')]));
        const once = await snapshot();
        const second = await fixSources(dir, checkDir);
        expect(second.changed).toEqual([]);
        expect(await snapshot()).toEqual(once);
      }),
      { numRuns: 8 },
    );
    expect(changes).toBeGreaterThan(0); // the generated sources did give the rules something to repair
  }, 120_000);
});
