import { describe, expect, it } from 'vitest';
import { ddmmyy, formatDate, formatMeetingDates } from '../../src/render/dates.js';
import { barcodeValue, code39Svg, qrSvg } from '../../src/render/codes.js';
import { cssString, pageCss } from '../../src/render/page-css.js';
import { fontAssets, fontFaceCss, subsetPlan } from '../../src/model/fonts.js';
import type { Locale } from '../../src/types.js';

const en = { intl: 'en-GB', meetingDates: '{day1} and {date2}' } as Locale;
const fr = { intl: 'fr-FR', meetingDates: '{day1} et {date2}' } as Locale;

describe('dates', () => {
  it('formats the document and meeting dates per language', () => {
    expect(formatDate('2021-07-12', en)).toBe('12 July 2021');
    expect(formatDate('2021-07-12', fr)).toBe('12 juillet 2021');
    expect(formatMeetingDates(['2021-10-12', '2021-10-13'], en)).toBe('12 and 13 October 2021');
    expect(formatMeetingDates(['2021-10-12', '2021-10-13'], fr)).toBe('12 et 13 octobre 2021');
    expect(formatMeetingDates(['2021-09-30', '2021-10-01'], en)).toBe('30 September 2021\u20131 October 2021');
    expect(ddmmyy('2021-07-12')).toBe('120721');
  });
});

describe('codes', () => {
  it('derives the Code 39 value from the job number', () => {
    expect(barcodeValue('V.21-05275')).toBe('2105275');
    expect(barcodeValue('21-05275')).toBe('2105275');
    expect(() => barcodeValue('V.2021-5275')).toThrow(/five-digit serial/);
  });

  it('draws sized SVG codes', async () => {
    expect(code39Svg('2105275')).toMatch(/^<svg width="38mm" height="7mm"/);
    expect(await qrSvg('https://undocs.org/CTOC/COP/WG.4/2021/3')).toMatch(/^<svg width="18mm" height="18mm"/);
  });
});

describe('page furniture', () => {
  it('quotes CSS strings', () => {
    expect(cssString('a "b" \\ c\nd')).toBe('"a \\"b\\" \\\\ c\\A d"');
  });

  it('puts the symbol and job number on alternating sides', () => {
    const css = pageCss({ symbol: 'A/1', jobNumber: 'V.21-05275', jobLanguageCode: 'E', processingDates: ['120721'], barcodeText: '*2105275*', barcodeUrl: 'data:b', qrUrl: 'data:q', fontStack: ['Tinos'], dir: 'ltr' });
    expect(css).toMatch(/@page :right \{\s*@top-right \{ content: "A\/1"; \}\s*@bottom-left \{ content: "V.21-05275"; \}\s*@bottom-right \{ content: counter\(page\) "\/" counter\(pages\)/);
    expect(css).toMatch(/@page :left \{\s*@top-left \{ content: "A\/1"; \}\s*@bottom-left \{ content: counter\(page\)/);
    expect(css).toContain('V.21-05275 (E)');
    expect(css).toContain('url("data:b")');
    expect(css).toMatch(/@page :first \{[^]*@bottom-left \{ content: "V.21-05275 \(E\)[^]*@bottom-right \{ content: url\("data:q"\)/);
  });

  it('mirrors the first-page footer right to left', () => {
    const css = pageCss({ symbol: 'A/1', jobNumber: 'V.21-05275', jobLanguageCode: 'A', processingDates: ['120721'], barcodeText: '*2105275*', barcodeUrl: 'data:b', qrUrl: 'data:q', fontStack: ['Tinos'], dir: 'rtl' });
    expect(css).toMatch(/@page :first \{[^]*@bottom-right \{ content: "V.21-05275 \(A\)[^]*@bottom-left \{ content: url\("data:q"\)/);
  });
});

describe('fonts', () => {
  it('keeps only the wanted subsets, woff2 only', () => {
    const sheet = `/* tinos-latin-400-normal */\n@font-face {\n  font-family: 'Tinos';\n  src: url(./files/tinos-latin-400-normal.woff2) format('woff2'), url(./files/tinos-latin-400-normal.woff) format('woff');\n  unicode-range: U+0000-00FF;\n}\n/* tinos-greek-400-normal */\n@font-face {\n  font-family: 'Tinos';\n  src: url(./files/tinos-greek-400-normal.woff2) format('woff2');\n}\n`;
    const assets = fontAssets([{ family: 'Tinos', dir: '/x', release: '@fontsource/tinos@5.3.0', stylesheets: [sheet], subsets: ['latin'] }]);
    expect(assets.faces.map((f) => f.file)).toEqual([{ from: '/x/files/tinos-latin-400-normal.woff2', name: 'tinos-latin-400-normal.woff2', id: '@fontsource/tinos@5.3.0/tinos-latin-400-normal.woff2' }]);
    // Declared in the edition's fonts/fonts.css, beside the files.
    const css = fontFaceCss(subsetPlan(assets.faces, [0x41, 0x42, 0x43, 0x61, 0x100]));
    expect(css).toContain("src: url(tinos-latin-400-normal.woff2) format('woff2');");
    expect(css).toContain('unicode-range: U+41-43,U+61;');
    expect(css).not.toContain('greek');
  });
});

describe('the HTML template', () => {
  it('is filled afresh for each page: what one page put in it is not in the next (it is parsed once)', async () => {
    const { unified } = await import('unified');
    const { default: rehypeTemplate } = await import('../../src/render/rehype-template.js');
    const { default: rehypeStringify } = await import('rehype-stringify');
    const template = '<!doctype html><html><head><title data-slot="title"></title></head><body><main data-slot="main"></main><p data-slot-class="cls">x</p></body></html>';
    const page = async (title: string, text: string, cls: string) => {
      const processor = unified().use(rehypeTemplate, { template, slots: { title, cls }, htmlAttributes: { lang: title }, bodySlot: 'main' }).use(rehypeStringify);
      const tree = await processor.run({ type: 'root', children: [{ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: text }] }] });
      return processor.stringify(tree);
    };
    const first = await page('en', 'first body', 'one');
    const second = await page('fr', 'second body', 'two');
    expect(first).toContain('<title>en</title>');
    expect(first).toContain('first body');
    expect(first).toContain('class="one"');
    expect(second).toContain('<html lang="fr">');
    expect(second).toContain('second body');
    expect(second).toContain('class="two"');
    for (const leftover of ['first body', '"one"', '>en<', 'lang="en"']) expect(second).not.toContain(leftover);
  });
});
