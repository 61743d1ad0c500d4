/**
 * The print edition's pieces without a browser: UN date forms, the masthead's language line,
 * no-break spaces after inline labels, break opportunities in symbols, hyphenation of the
 * print HTML only, and soft hyphens taken out of a PDF content stream.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { VFile } from 'vfile';
import { formatDate, formatMeetingDates, mastheadDate } from '../../src/render/dates.js';
import { inlineLabel, joinLabels } from '../../src/transform/rehype-label-nbsp.js';
import rehypeSymbolBreaks, { withBreaks } from '../../src/transform/rehype-symbol-breaks.js';
import { hyphenator, SHY } from '../../src/transform/rehype-hyphenate.js';
import { printHtml } from '../../src/render/print-html.js';
import { withoutSoftHyphens } from '../../src/postprocess/soft-hyphens.js';
import { loadProject } from '../../src/load/project.js';
import { ROOT } from '../helpers/cli.js';
import type { Lang, Locale } from '../../src/types.js';

const project = await loadProject(ROOT);
const locale = (lang: Lang): Locale => {
  const found = project.editions.find((e) => e.lang === lang)?.locale;
  if (!found) throw new Error(`no ${lang} locale`);
  return found;
};

describe('UN dates from the locale packs', () => {
  it('writes Russian years with "года", Arabic months paired, French day 1 as "1er"', () => {
    // Forms seen in real UN documents (un-conventions.md, and the documents named in the packs).
    expect(formatMeetingDates(['2021-10-12', '2021-10-13'], locale('ru'))).toBe('12 и 13 октября 2021 года');
    expect(formatDate('2021-07-12', locale('ar'))).toBe('12 تموز/يوليه 2021');
    expect(formatMeetingDates(['2021-10-12', '2021-10-13'], locale('ar'))).toBe('12 و13 تشرين الأول/أكتوبر 2021');
    expect(formatDate('2018-11-01', locale('fr'))).toBe('1er novembre 2018');
    expect(formatDate('2021-07-12', locale('en'))).toBe('12 July 2021');
  });

  it('prints the masthead date in English where the Distr. block is English', () => {
    for (const lang of ['zh', 'ru', 'ar'] as const) expect(mastheadDate('2021-07-12', locale(lang))).toBe('12 July 2021');
    expect(mastheadDate('2021-07-12', locale('fr'))).toBe('12 juillet 2021');
    expect(mastheadDate('2021-07-12', locale('es'))).toBe('12 de julio de 2021');
  });

  it('names every month of the year in the Arabic pack, each a pair', () => {
    const months = locale('ar').dates?.months ?? [];
    expect(months).toHaveLength(12);
    for (const m of months) expect(m).toMatch(/^\p{Script=Arabic}[\p{Script=Arabic} ]*\/\p{Script=Arabic}+$/u);
  });
});

describe('inline labels', () => {
  it('joins "(a)", "b)" and "(ii)" to the next word, in each language\'s style', () => {
    const en = inlineLabel(locale('en').labels);
    expect(joinLabels('as follows: (a) coordination; (b) use; and (ii) more', en)).toBe('as follows: (a)\u00a0coordination; (b)\u00a0use; and (ii)\u00a0more');
    const fr = inlineLabel(locale('fr').labels);
    expect(joinLabels('suivantes : a) la coordination ; b) les calendriers', fr)).toBe('suivantes : a)\u00a0la coordination ; b)\u00a0les calendriers');
  });

  it('leaves references such as "3(a)" and "paragraph (a)," alone', () => {
    const en = inlineLabel(locale('en').labels);
    expect(joinLabels('article 3(a) of', en)).toBe('article 3(a) of');
    expect(joinLabels('paragraph (a), of the Protocol', en)).toBe('paragraph (a), of the Protocol');
  });

  it('only ever turns plain spaces into no-break spaces', () => {
    const en = inlineLabel(locale('en').labels);
    fc.assert(
      fc.property(fc.array(fc.constantFrom('(a)', '(b)', 'a)', 'word', ' ', '(', ')', ';', 'x', '(ii)'), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        const out = joinLabels(text, en);
        expect(out.replace(/\u00a0/g, ' ')).toBe(text);
      }),
    );
  });
});

describe('symbols in print', () => {
  it('puts a break opportunity after each slash and adds no text', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[A-Z0-9.]{1,6}$/), { minLength: 1, maxLength: 6 }), (parts) => {
        const symbol = parts.join('/');
        const out = withBreaks(symbol);
        expect(out.filter((n) => n.type === 'element' && n.tagName === 'wbr')).toHaveLength(parts.length - 1);
        expect(out.map((n) => (n.type === 'text' ? n.value : '')).join('')).toBe(symbol);
      }),
    );
  });

  it('touches only symbol links', async () => {
    const tree: Root = {
      type: 'root',
      children: [
        { type: 'element', tagName: 'a', properties: { className: ['symbol'] }, children: [{ type: 'text', value: 'CTOC/COP/WG.4/2010/5' }] },
        { type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: 'and/or' }] },
      ],
    };
    const { unified } = await import('unified');
    const out = (await unified().use(rehypeSymbolBreaks).run(tree)) as Root;
    const [a, p] = out.children as Element[];
    expect(a?.children.filter((c) => c.type === 'element')).toHaveLength(4);
    expect(p?.children).toEqual([{ type: 'text', value: 'and/or' }]);
  });
});

describe('hyphenation of the print HTML', () => {
  const page = (text: string): Root => ({
    type: 'root',
    children: [
      {
        type: 'element',
        tagName: 'body',
        properties: {},
        children: [
          { type: 'element', tagName: 'header', properties: {}, children: [{ type: 'text', value: 'Организация Объединенных Наций' }] },
          {
            type: 'element',
            tagName: 'main',
            properties: {},
            children: [
              { type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: text }] },
              { type: 'element', tagName: 'a', properties: { className: ['symbol'] }, children: [{ type: 'text', value: 'CTOC/COP/WG.4/2010/5' }] },
            ],
          },
        ],
      },
    ],
  });

  it('hyphenates Russian body text only, with soft hyphens that leave the words as they were', async () => {
    const text = 'Подчеркивается и описывается важная роль дипломатических и консульских должностных лиц';
    const html = await printHtml(page(text), locale('ru'), new VFile());
    expect(html).toContain(SHY);
    expect(html).toContain('<header>Организация Объединенных Наций</header>');
    expect(html).toContain('CTOC/<wbr>COP/<wbr>WG.4/<wbr>2010/<wbr>5');
    expect(html.replaceAll(SHY, '')).toContain(text);
  });

  it('does not hyphenate the languages whose UN documents are not hyphenated', async () => {
    for (const lang of ['en', 'fr', 'es', 'ar', 'zh'] as const) {
      expect(locale(lang).hyphenation, lang).toBeUndefined();
      expect(await printHtml(page('international cooperation mechanisms'), locale(lang), new VFile())).not.toContain(SHY);
    }
  });

  it('never changes a word but by soft hyphens, and never breaks inside the first or last letter', async () => {
    const hyphenate = await hyphenator('ru');
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[а-яё]{1,14}$/), { minLength: 1, maxLength: 8 }), (words) => {
        const text = words.join(' ');
        const out = hyphenate(text);
        expect(out.replaceAll(SHY, '')).toBe(text);
        for (const word of out.split(' ')) expect(word.startsWith(SHY) || word.endsWith(SHY)).toBe(false);
      }),
    );
  });

  it('says which pattern name is unknown', async () => {
    await expect(hyphenator('xx')).rejects.toThrow(/hyphenation "xx"/);
  });
});

describe('soft hyphens out of the PDF text', () => {
  const span = (glyphs: string): string => `/Span<</ActualText <FEFF00AD> >> BDC\n3.5 0 Td ${glyphs} Tj\nEMC\n`;

  it('drops the glyph of an unbroken soft hyphen and keeps every positioning operator', () => {
    const content = `BT\n/F1 10 Tf\n1 0 0 -1 0 20 Tm\n<0035> Tj\n${span('<0003>')}7.1 0 Td <000C> Tj\nET\n`;
    const out = withoutSoftHyphens(content);
    expect(out).not.toContain('FEFF00AD');
    expect(out).not.toContain('<0003> Tj');
    expect(out.match(/\bT[dm]\b/g)).toEqual(content.match(/\bT[dm]\b/g));
    expect(out).toContain('<0035> Tj');
    expect(out).toContain('<000C> Tj');
  });

  it('leaves other ActualText spans and content without soft hyphens untouched', () => {
    const other = '/Span<</ActualText <FEFF2003> >> BDC\n3.5 0 Td <0003> Tj\nEMC\n';
    expect(withoutSoftHyphens(other)).toBe(other);
    fc.assert(
      fc.property(fc.string(), (s) => {
        const text = s.replaceAll('FEFF00AD', '');
        expect(withoutSoftHyphens(text)).toBe(text);
      }),
    );
  });
});

describe('the masthead of each edition', () => {
  it('gives every translation its language line and the original none', async () => {
    const { editionSlots } = await import('../../src/render/template-slots.js');
    for (const edition of project.editions) {
      const slots = await editionSlots(edition, { template: '', families: [] }, []);
      const version = slots['version'] as Element[];
      if (edition.lang === edition.meta.original) expect(version).toEqual([]);
      else expect(version.map((e) => toString(e))).toEqual([edition.locale.masthead?.version]);
    }
  });
});
