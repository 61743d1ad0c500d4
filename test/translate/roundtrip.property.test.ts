/**
 * Generated texts (quotes, emphasis, protected symbols, Markdown's own characters, Arabic
 * right-to-left and Chinese text) survive export and import: written to XLIFF 2.0 and 1.2 and
 * read back, and written into a Markdown paragraph and parsed back, they mean the same.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { VFile } from 'vfile';
import type { Paragraph } from 'mdast';
import { canonical, normalize, type Inline } from '../../src/translate/inline.js';
import { fromPhrasing } from '../../src/translate/inline.js';
import { inlineToMarkdown } from '../../src/translate/import.js';
import { readXliff, writeXliff } from '../../src/translate/xliff.js';
import { parseMarkdown } from '../../src/load/markdown.js';
import { loadProject } from '../../src/load/project.js';
import { exportDocument } from '../../src/translate/export.js';
import { planImport } from '../../src/translate/import.js';
import { unitsOfText } from '../../src/translate/units.js';
import { plainText } from '../../src/translate/inline.js';
import { ROOT } from '../helpers/cli.js';
import { join } from 'node:path';

const piece = fc.constantFrom(
  'the', 'Working Group', 'trafficking', ' ', ' ', '  ', '“', '”', '‘', '’', '"', "'", '«\u00a0', '\u00a0»', ',', '.', ';', ':', '(', ')', '–', '—',
  '*', '_', '`', '\\', '[', ']', '<', '>', '&', '#', '!', '1.', '- ', '+', '=', '|', '~', '&amp;', '<b>', ']]>',
  'الفريق العامل', 'بالأشخاص', '؛', '،', '\u200f', '工作组', '贩运人口', '《议定书》', '，', '。', 'рабочая группа', 'ñ', 'é', '\u00ad', '⟦topic⟧',
);
const words = fc.array(piece, { minLength: 1, maxLength: 8 }).map((parts) => parts.join(''));
const SYMBOLS = ['CTOC/COP/WG.4/2019/3', 'A/RES/55/25', 'CTOC/COP/WG.4/2010/2', 'E/CN.15/2021/L.1', 'CTOC/COP/2005/3/Rev.1'];
const symbol = fc.constantFrom(...SYMBOLS).map((value): Inline => ({ t: 'symbol', value }));
const text = words.map((value): Inline => ({ t: 'text', value }));
const emphasised = fc.tuple(fc.constantFrom('em' as const, 'strong' as const), fc.array(piece.filter((p) => /\p{L}/u.test(p)), { minLength: 1, maxLength: 4 })).map(
  ([t, parts]): Inline => ({ t, children: [{ t: 'text', value: parts.join(' ') }] }),
);
// A symbol stands apart from the words around it (as in the sources: "(CTOC/…)", "document CTOC/…").
const unit = fc
  .array(fc.oneof({ weight: 4, arbitrary: text }, { weight: 1, arbitrary: symbol }, { weight: 2, arbitrary: emphasised }), { minLength: 1, maxLength: 8 })
  .map((list) => list.flatMap((item): Inline[] => (item.t === 'symbol' ? [{ t: 'text', value: ' (' }, item, { t: 'text', value: ') ' }] : [item])))
  .map((list) => normalize(list))
  .filter((list) => list.length > 0);

describe('export and import of generated texts', () => {
  it('XLIFF 2.0 and 1.2: source and target read back mean what was written, states kept', async () => {
    await fc.assert(
      fc.asyncProperty(unit, unit, fc.constantFrom('2.0' as const, '1.2' as const), fc.constantFrom('initial' as const, 'translated' as const, 'needs-review' as const), async (source, target, version, state) => {
        const xml = await writeXliff({ version, srcLang: 'en', trgLang: 'ar', files: [{ id: 'CTOC-COP-WG.4-2019-3', original: 'en/papers/CTOC-COP-WG.4-2019-3.md', units: [{ unitId: 'p1', name: 'CTOC-COP-WG.4-2019-3#p1', notes: ['context & “notes”'], source, target, state }] }] });
        const file = new VFile({ path: 'gen.xlf', value: xml });
        const doc = readXliff(file);
        expect(file.messages.map((m) => m.reason)).toEqual([]);
        const read = doc?.units[0];
        expect(read?.fileId).toBe('CTOC-COP-WG.4-2019-3');
        expect(canonical(read?.source ?? [])).toBe(canonical(source));
        expect(canonical(read?.target ?? [])).toBe(canonical(target));
        expect(read?.done).toBe(state === 'translated');
      }),
      { numRuns: 150 },
    );
  });

  it('Markdown: a target written into a paragraph parses back to the same text', () => {
    fc.assert(
      fc.property(unit, (list) => {
        const markdown = inlineToMarkdown(list);
        const file = new VFile({ path: 'gen.md', value: `${markdown}\n` });
        const { tree } = parseMarkdown(file);
        expect(tree.children.map((c) => c.type)).toEqual(['paragraph']);
        expect(canonical(fromPhrasing((tree.children[0] as Paragraph).children, String(file.value)))).toBe(canonical(list));
      }),
      { numRuns: 300 },
    );
  });

  it('import: a generated target for a paragraph and for a YAML field is written back as exactly that text, the rest of the file unchanged', async () => {
    const sourcesDir = join(ROOT, 'sources');
    const project = await loadProject(ROOT, { sourcesDir });
    const base = exportDocument(project, 'ar', { version: '2.0', only: 'all', sourcesDir });
    const noSymbols = unit.filter((list) => !JSON.stringify(list).includes('"symbol"'));
    const plain = noSymbols.map((list) => [{ t: 'text', value: plainText(list) }] as Inline[]).filter((list) => plainText(list).trim() !== '');
    await fc.assert(
      fc.asyncProperty(noSymbols, plain, fc.constantFrom('2.0' as const, '1.2' as const), async (paragraph, field, version) => {
        const files = base.files.filter((f) => f.id === 'document' || f.id === 'CTOC-COP-WG.4-2019-3').map((f) => ({
          ...f,
          units: f.units.map((u) => (f.id === 'CTOC-COP-WG.4-2019-3' && u.unitId === 'p2' ? { ...u, target: paragraph } : f.id === 'document' && u.unitId === 'subtitle' ? { ...u, target: field } : u)),
        }));
        const file = new VFile({ path: 'gen.xlf', value: await writeXliff({ ...base, version, files }) });
        const doc = readXliff(file);
        const plan = doc && planImport(project, doc, file, { force: false, sourcesDir });
        expect(file.messages.map((m) => m.reason)).toEqual([]);
        for (const [name, fileId, unitId, expected] of [['CTOC-COP-WG.4-2019-3.md', 'CTOC-COP-WG.4-2019-3', 'p2', paragraph], ['document.yaml', 'document', 'subtitle', field]] as const) {
          const original = project.files.find((f) => f.path.endsWith(join('ar', name.endsWith('.md') ? 'papers' : '', name)));
          const written = plan?.writes.find((w) => w.path === original?.path);
          const now = new VFile({ path: original?.path ?? '', value: written?.data ?? String(original?.value) });
          const before = unitsOfText(original ?? now, fileId, (f) => parseMarkdown(f).tree);
          const after = unitsOfText(now, fileId, (f) => parseMarkdown(f).tree);
          expect(after.map((u) => u.unitId)).toEqual(before.map((u) => u.unitId));
          for (const [i, u] of after.entries()) expect(canonical(u.content)).toBe(u.unitId === unitId ? canonical(expected) : canonical(before[i]?.content ?? []));
        }
      }),
      { numRuns: 40 },
    );
  });
});
