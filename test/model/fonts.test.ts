/**
 * Which characters an edition's pages use, and which font faces it ships for them
 * (src/model/fonts.ts): every character the HTML can show is collected, however it is
 * written (raw, as a character reference, as a CSS escape in the stylesheet, or drawn by the
 * browser itself); a face is shipped only for the used characters its unicode-range covers.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { unified } from 'unified';
import rehypeStringify from 'rehype-stringify';
import { h } from 'hastscript';
import { decodeHTML } from 'entities';
import { DRAWN_BY_THE_BROWSER, fontFaceCss, formatUnicodeRange, parseUnicodeRange, subsetPlan, usedCodePoints, type FontFaceRule } from '../../src/model/fonts.js';

/** What a page shows of a string: its code points, less those nothing draws. */
const drawable = (text: string): number[] =>
  [...text].map((c) => c.codePointAt(0) ?? 0).filter((cp) => cp >= 0x20 && !(cp >= 0x7f && cp < 0xa0) && !(cp >= 0xd800 && cp <= 0xdfff));

/** A page as the pipeline writes it: rehype-stringify, which writes references for some characters. */
function page(text: string, attribute: string, style: string): string {
  const tree = h(null, [h('html', [h('head', [h('style', style)]), h('body', [h('p', { title: attribute, dataLabel: attribute }, text)])])]);
  return unified().use(rehypeStringify).stringify(tree);
}

const sortedUnique = fc.uniqueArray(fc.integer({ min: 0x20, max: 0x10ffff }), { maxLength: 60 }).map((xs) => xs.sort((a, b) => a - b));

describe('usedCodePoints', () => {
  it('has every character of the text and of the attributes, however the HTML writes them', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 }), (text, attribute) => {
        const used = new Set(usedCodePoints([page(text, attribute, '')]));
        for (const cp of [...drawable(text), ...drawable(attribute)]) expect(used.has(cp), `U+${cp.toString(16)}`).toBe(true);
      }),
    );
  });

  it('has the characters written as character references (decimal, hexadecimal, named)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0xa0, max: 0x10ffff }).filter((cp) => cp < 0xd800 || cp > 0xdfff), (cp) => {
        expect(usedCodePoints([`<p>&#${cp};</p>`])).toContain(cp);
        expect(usedCodePoints([`<p title="&#x${cp.toString(16)};"></p>`])).toContain(cp);
      }),
    );
    const used = usedCodePoints(['<p>&eacute;&nbsp;&mdash;&hellip;</p>']);
    for (const c of '\u00E9\u00A0\u2014\u2026') expect(used).toContain(c.codePointAt(0));
  });

  it('has the characters of generated content written as CSS escapes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0xa0, max: 0x10ffff }).filter((cp) => cp < 0xd800 || cp > 0xdfff), (cp) => {
        const used = usedCodePoints([page('', '', `p::before { content: "\\${cp.toString(16)} x"; }`)]);
        expect(used).toContain(cp);
      }),
    );
  });

  it('has what the browser draws by itself: page numbers, the hyphen at a break, list markers, quotes', () => {
    const used = usedCodePoints(['']);
    for (const c of '0123456789/-\u2010\u2022\u201C\u201D\u00AB\u00BB') expect(used).toContain(c.codePointAt(0));
    expect(used).toEqual([...new Set(DRAWN_BY_THE_BROWSER)].sort((a, b) => a - b));
  });

  it('counts the soft hyphens of print.html and the characters of every page given', () => {
    const used = usedCodePoints([page('вопро\u00ADсам', '', ''), page('中文', '', '')]);
    for (const c of 'вопрсам\u00AD中文') expect(used).toContain(c.codePointAt(0));
  });

  it('gives what the definition gives: every code point of the decoded pages and of their CSS escapes, drawable ones, sorted', () => {
    // The definition, written plainly (one-character strings and a Set), beside the code's
    // loop over UTF-16 units: the same on any text, lone surrogates and pairs split across
    // pages included.
    const plainly = (pages: string[]): number[] => {
      const used = new Set<number>(DRAWN_BY_THE_BROWSER);
      for (const p of pages) {
        for (const c of decodeHTML(p)) used.add(c.codePointAt(0) ?? 0);
        for (const m of p.matchAll(/\\([0-9a-f]{1,6})/giu)) used.add(parseInt(m[1] ?? '0', 16));
      }
      return [...used].filter((cp) => cp >= 0x20 && !(cp >= 0x7f && cp < 0xa0) && !(cp >= 0xd800 && cp <= 0xdfff) && cp <= 0x10ffff).sort((a, b) => a - b);
    };
    const piece = fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), fc.constantFrom('&#x1F600;', '&amp;', '&#xD83D;', '\\10FFFF', '\\110000', '\\2010 ', '\uD83D', '\uDE00', '&nbsp;'));
    fc.assert(
      fc.property(fc.array(fc.array(piece, { maxLength: 8 }).map((xs) => xs.join('')), { maxLength: 3 }), (pages) => {
        expect(usedCodePoints(pages)).toEqual(plainly(pages));
      }),
      { numRuns: 500 },
    );
  });

  it('is sorted, without repeats, control characters or lone surrogates', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        const used = usedCodePoints([text, `${text}&#x1;&#xD800;`]);
        expect(used).toEqual([...new Set(used)].sort((a, b) => a - b));
        expect(used.every((cp) => cp >= 0x20 && !(cp >= 0x7f && cp < 0xa0) && !(cp >= 0xd800 && cp <= 0xdfff))).toBe(true);
      }),
    );
  });
});

const face = (name: string, range: string | undefined): FontFaceRule => ({
  family: 'F',
  css: `@font-face { font-family: 'F'; src: url(${name}) format('woff2');${range === undefined ? '' : ` unicode-range: ${range};`} }`,
  file: { from: `/x/${name}`, name, id: `f@1/${name}` },
  ranges: range === undefined ? undefined : parseUnicodeRange(range),
});

describe('subsetPlan', () => {
  const latin = face('latin.woff2', 'U+0000-00FF, U+2010');
  const cyrillic = face('cyrillic.woff2', 'U+0400-045F');
  const cjk = face('cjk.woff2', 'U+4E2D, U+6587');

  it('ships only the faces that cover a used character, each with the used characters it covers, in order', () => {
    const plan = subsetPlan([latin, cyrillic, cjk], [0x41, 0x2010, 0x4e2d]);
    expect(plan.map((p) => [p.face.file.name, p.codePoints])).toEqual([
      ['latin.woff2', [0x41, 0x2010]],
      ['cjk.woff2', [0x4e2d]],
    ]);
  });

  it('keeps every used character for a face without a unicode-range', () => {
    expect(subsetPlan([face('all.woff2', undefined)], [0x41, 0x4e2d])[0]?.codePoints).toEqual([0x41, 0x4e2d]);
  });

  it('for any faces and characters: covers exactly the used characters some face covers, and ships no face for nothing', () => {
    const ranges = fc.array(fc.tuple(fc.integer({ min: 0, max: 0x3000 }), fc.integer({ min: 0, max: 0x200 })), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(fc.array(ranges, { maxLength: 6 }), fc.uniqueArray(fc.integer({ min: 0x20, max: 0x3200 }), { maxLength: 80 }), (faces, used) => {
        const rules = faces.map((rs, i) => face(`f${i}.woff2`, rs.map(([a, n]) => `U+${a.toString(16)}-${(a + n).toString(16)}`).join(', ')));
        const sorted = [...used].sort((a, b) => a - b);
        const plan = subsetPlan(rules, sorted);
        const inside = (cp: number, rule: FontFaceRule) => (rule.ranges ?? []).some(([a, b]) => cp >= a && cp <= b);
        for (const { face: f, codePoints } of plan) {
          expect(codePoints.length).toBeGreaterThan(0);
          expect(codePoints).toEqual(sorted.filter((cp) => inside(cp, f)));
        }
        const shipped = new Set(plan.map((p) => p.face));
        for (const rule of rules) if (!shipped.has(rule)) expect(sorted.some((cp) => inside(cp, rule))).toBe(false);
      }),
    );
  });
});

describe('fonts.css', () => {
  it('writes code points as a unicode-range that reads back as the same code points', () => {
    fc.assert(
      fc.property(sortedUnique, (cps) => {
        const back = parseUnicodeRange(formatUnicodeRange(cps)).flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => a + i));
        expect(back).toEqual(cps);
      }),
    );
    expect(formatUnicodeRange([0x20, 0x21, 0x22, 0x4e2d, 0x6587, 0x6588])).toBe('U+20-22,U+4E2D,U+6587-6588');
  });

  it('declares each shipped face for the code points its subset keeps, one rule a line', () => {
    const css = fontFaceCss(subsetPlan([face('latin.woff2', 'U+0000-00FF'), face('cyrillic.woff2', 'U+0400-045F'), face('all.woff2', undefined)], [0x41, 0x42, 0x4e2d]));
    expect(css.split('\n')).toEqual([
      "@font-face { font-family: 'F'; src: url(latin.woff2) format('woff2'); unicode-range: U+41-42; }",
      "@font-face { font-family: 'F'; src: url(all.woff2) format('woff2'); unicode-range: U+41-42,U+4E2D; }",
      '',
    ]);
  });
});
