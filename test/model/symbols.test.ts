/**
 * The symbol grammar (src/model/symbols.ts) against the corpora in test/fixtures/symbols/ —
 * well-formed symbols of every supported form, written from the UN's published symbol rules,
 * and malformed ones with the messages expected — and against generated inputs: symbols built
 * from the grammar are accepted and found whole in running text; single corruptions of the
 * kinds editors make are rejected, in metadata and in text. Job numbers and barcodes too.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { blankSymbols, checkSymbols, findSymbols, jointParts, nearestSymbol, symbolProblems, undocsUrl } from '../../src/model/symbols.js';
import { barcodeValue, jobNumberKey, parseJobNumber } from '../../src/model/job-numbers.js';
import { jobNumberProblems, processingDateProblems } from '../../src/check/rules/job-number.js';
import { ROOT } from '../helpers/cli.js';
import type { Element, Root } from 'hast';
import rehypeSymbolLinks from '../../src/transform/rehype-symbol-links.js';

/** The year series the project configures (compendium.config.yaml). */
const SERIES = (parse(readFileSync(join(ROOT, 'compendium.config.yaml'), 'utf8')) as { yearSeries: string[] }).yearSeries;
const DIR = join(ROOT, 'test', 'fixtures', 'symbols');
const valid = readFileSync(join(DIR, 'valid.txt'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '' && !l.startsWith('#'));
const malformed = (parse(readFileSync(join(DIR, 'malformed.yaml'), 'utf8')) as { cases: Array<{ symbol: string; expected: string[]; text?: boolean }> }).cases;

/** Sentences a symbol is cited in, with the punctuation that follows it in print. */
const CONTEXTS: Array<(s: string) => string> = [
  (s) => `See ${s}.`,
  (s) => `(see ${s})`,
  (s) => `in ${s}, and in`,
  (s) => `the report ${s}; the note`,
  (s) => `documents ${s}– and others`,
  (s) => `${s}: the text`,
  (s) => `参考（${s}）。`,
];

describe('the corpus of well-formed symbols', () => {
  it('holds a few hundred symbols of every form', () => {
    expect(valid.length).toBeGreaterThanOrEqual(300);
    expect(new Set(valid).size).toBe(valid.length);
  });

  it.each(valid)('%s is accepted as metadata and found whole in text', (symbol) => {
    expect(symbolProblems(symbol, SERIES)).toEqual([]);
    expect(nearestSymbol(symbol, SERIES)).toBe(symbol);
    for (const context of CONTEXTS) {
      const text = context(symbol);
      expect(findSymbols(text).map((f) => f.text), text).toEqual([symbol]);
    }
  });
});

describe('the corpus of malformed symbols', () => {
  it('holds every kind of error', () => {
    expect(malformed.length).toBeGreaterThanOrEqual(50);
    for (const kind of ['missing dot', 'two-digit year', 'library-database spelling', 'empty component', 'did you mean', 'comma for a dot', 'space']) {
      expect(malformed.some((c) => c.expected.some((m) => m.includes(kind))), kind).toBe(true);
    }
  });

  it.each(malformed)('$symbol gives its messages, in metadata and in text', ({ symbol, expected, text }) => {
    expect(expected.length).toBeGreaterThan(0);
    expect(symbolProblems(symbol, SERIES)).toEqual(expected);
    if (text === false) return;
    const found = findSymbols(`As stated in ${symbol}, the`);
    expect(found.map((f) => f.text)).toEqual([symbol]);
  });

  it('have a nearest valid form only when it is valid and another', () => {
    for (const { symbol } of malformed) {
      const nearest = nearestSymbol(symbol, SERIES);
      if (nearest === undefined) continue;
      expect(nearest, symbol).not.toBe(symbol);
      expect(symbolProblems(nearest, SERIES), `${symbol} → ${nearest}`).toEqual([]);
    }
  });

  it('are all rejected in metadata, and in text all but the few that read as prose', () => {
    expect(malformed.filter((c) => symbolProblems(c.symbol, SERIES).length === 0)).toEqual([]);
    const slipping = malformed.filter((c) => c.text !== false && !findSymbols(`As stated in ${c.symbol}. The`).some((f) => symbolProblems(f.text, SERIES).length > 0));
    expect(slipping).toEqual([]);
  });
});

describe('misprints and the symbols they stand for', () => {
  it.each([
    ['ctoc/cop/wg.4/2010/2', 'CTOC/COP/WG.4/2010/2'],
    ['Ctoc/COP/WG.4/2010/2', 'CTOC/COP/WG.4/2010/2'],
    ['CTOC/COP/ WG.4/2010/2', 'CTOC/COP/WG.4/2010/2'],
    ['CTOC//COP/WG.4/2010/2', 'CTOC/COP/WG.4/2010/2'],
    ['ctoc/cop/wg,4/10/5', 'CTOC/COP/WG.4/2010/5'],
    ['CTOC/COP/WG4/2010/5', 'CTOC/COP/WG.4/2010/5'],
    ['a/res/74/176', 'A/RES/74/176'],
    ['A/57/50/rev.l', 'A/57/50/Rev.1'],
    ['A/62/6(PARTI)/ADD.2', 'A/62/6 (Part I)/Add.2'],
    ['A/80/434—S/2025/632', 'A/80/434–S/2025/632'],
    ['A/76/1*/Add.1', 'A/76/1/Add.1*'],
    ['/A/76/1', 'A/76/1'],
    ['CTOC/COP/WG..4/2010/5', undefined],
    ['A/76/1/Add.1-', undefined],
  ])('%s stands for %s', (misprint, symbol) => {
    expect(symbolProblems(misprint, SERIES)).not.toEqual([]);
    expect(nearestSymbol(misprint, SERIES)).toBe(symbol);
  });

  it('a symbol in lower case is said once, with the organ or series it starts with', () => {
    expect(symbolProblems('ctoc/cop/wg.4/2010/2', SERIES)).toEqual(['"ctoc", "cop" and "wg.4" must be upper case (write CTOC, COP and WG.4)']);
    expect(symbolProblems('1a/76/1', SERIES)).toContain('must start with the organ or series (A/, E/, S/, CTOC/ …)');
  });

  it('a symbol typed in lower case is found in text; lower-case words and numbers joined by slashes are prose', () => {
    const text = 'See ctoc/cop/wg.4/2010/2, a/76/1 and e/cn.15/2008/crp.2; not km/100, p/2, 24/7, and/or, documents/2021/x or b/c/d.';
    expect(checkSymbols(text, SERIES).map((f) => [f.text, f.nearest])).toEqual([
      ['ctoc/cop/wg.4/2010/2', 'CTOC/COP/WG.4/2010/2'],
      ['a/76/1', 'A/76/1'],
      ['e/cn.15/2008/crp.2', 'E/CN.15/2008/CRP.2'],
    ]);
  });
});

describe('symbols in running text', () => {
  it('does not take words, addresses or dates for symbols', () => {
    const text = 'States and/or organizations (UNODC/UNICRI), on 12/10/2021, see https://undocs.org/A/76/1 or www.unodc.org/documents/2021/x, km/h, 24/7.';
    expect(findSymbols(text)).toEqual([]);
  });

  it('finds the symbol where it starts, without the sentence’s punctuation', () => {
    const text = 'The Working Group (CTOC/COP/WG.4/2010/5). Then A/RES/217 (III), S/RES/2803 (2025); and A/80/434–S/2025/632.';
    expect(findSymbols(text).map((f) => [f.text, text.indexOf(f.text) === f.index])).toEqual([
      ['CTOC/COP/WG.4/2010/5', true],
      ['A/RES/217 (III)', true],
      ['S/RES/2803 (2025)', true],
      ['A/80/434–S/2025/632', true],
    ]);
  });

  it('takes a parenthesis of prose after a symbol as prose', () => {
    expect(findSymbols('see CTOC/COP/WG.4/2010/5 (2010) and A/76/1 (the report)').map((f) => f.text)).toEqual(['CTOC/COP/WG.4/2010/5', 'A/76/1']);
  });

  it('finds what the old recognizer let slip: // and parentheses', () => {
    const text = 'See CTOC/COP/WG.2//L.1 and A/62/6(PARTI)/ADD.2.';
    const found = findSymbols(text);
    expect(found.map((f) => f.text)).toEqual(['CTOC/COP/WG.2//L.1', 'A/62/6(PARTI)/ADD.2']);
    expect(found.every((f) => symbolProblems(f.text).length > 0)).toBe(true);
  });

  it('splits a joint symbol into its two symbols, each with its place', () => {
    const text = 'report E/2021/28–E/CN.15/2021/13.';
    const [found] = findSymbols(text);
    expect(found?.parts.map((p) => [p.text, text.slice(p.index, p.index + p.text.length)])).toEqual([
      ['E/2021/28', 'E/2021/28'],
      ['E/CN.15/2021/13', 'E/CN.15/2021/13'],
    ]);
    expect(jointParts('A/ES-10/794–S/2018/551').map((p) => p.text)).toEqual(['A/ES-10/794', 'S/2018/551']);
    expect(jointParts('E/NL.1949/1-3').map((p) => p.text)).toEqual(['E/NL.1949/1-3']);
  });

  it('blanks symbols out keeping offsets (their years are not dates)', () => {
    const text = 'In 2010 (CTOC/COP/WG.4/2010/5), the 2011 meeting';
    const blanked = blankSymbols(text);
    expect(blanked.length).toBe(text.length);
    expect(blanked).not.toContain('WG.4');
    expect(blanked).toContain('2011 meeting');
  });

  it('links each symbol to the Official Document System as the library records it', () => {
    expect(undocsUrl('CTOC/COP/WG.4/2010/5', 'fr')).toBe('https://undocs.org/fr/CTOC/COP/WG.4/2010/5');
    expect(undocsUrl('A/RES/217 (III)')).toBe('https://undocs.org/A/RES/217(III)');
    expect(undocsUrl('S/RES/2803 (2025)')).toBe('https://undocs.org/S/RES/2803(2025)');
    expect(undocsUrl('A/56/23 (Part III)')).toBe('https://undocs.org/A/56/23(PartIII)');
    expect(undocsUrl('A/70/6 (Sect. 22)*')).toBe('https://undocs.org/A/70/6(Sect.22)');
    expect(undocsUrl('S/2012/197***')).toBe('https://undocs.org/S/2012/197');
    expect(undocsUrl('A/RES/61/128 A-B')).toBe('https://undocs.org/A/RES/61/128A-B');
  });
});

// ---- generated inputs ----------------------------------------------------------------------

const organ = fc.constantFrom('A', 'E', 'S', 'ST', 'CTOC/COP', 'CAC/COSP', 'UNEP', 'ECE/TRANS', 'TD/B', 'CCPR/C', 'UNODC/CCPCJ');
const dottedBody = fc.tuple(fc.constantFrom('AC', 'C', 'CN', 'CONF', 'WG', 'PC', 'SC', 'EG', 'GC'), fc.integer({ min: 1, max: 300 })).map(([b, n]) => `${b}.${n}`);
const body = fc.oneof(fc.constant(''), dottedBody.map((b) => `/${b}`), fc.constantFrom('/Sub.2', '/HRC', '/PC.I', '/WG.II'));
const session = fc.oneof(
  fc.integer({ min: 1, max: 80 }).map(String),
  fc.integer({ min: 1946, max: 2030 }).map(String),
  fc.integer({ min: 1, max: 11 }).map((n) => `ES-${n}`),
  fc.integer({ min: 1, max: 30 }).map((n) => `S-${n}`),
);
const docType = fc.constantFrom('', 'L.', 'CRP.', 'PV.', 'SR.', 'WP.', 'INF/', 'NGO/');
const number = fc.integer({ min: 1, max: 9999 });
const suffix = fc.tuple(fc.constantFrom('Add', 'Corr', 'Rev', 'Amend', 'Supp'), fc.integer({ min: 1, max: 99 })).map(([w, n]) => `/${w}.${n}`);
const suffixes = fc.array(suffix, { maxLength: 3 }).map((a) => a.join(''));
const qualifier = fc.constantFrom('', '', '', ' (Part I)', ' (Part III)', ' (Resumption 1)', ' (Sect. 22)', ' (Vol. II)', ' (Sect. 29A)');
const stars = fc.constantFrom('', '', '*', '**', '***');
const roman = fc.integer({ min: 1, max: 39 }).map(toRoman);

function toRoman(n: number): string {
  const table: Array<[number, string]> = [[10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [value, letters] of table) while (n >= value) { out += letters; n -= value; }
  return out;
}

/** A year series (compendium.config.yaml) takes a four-digit year where others take a session. */
const inYearSeries = (prefix: string): boolean => SERIES.some((s) => `${prefix}/`.startsWith(`${s}/`));
const yearFor = (prefix: string, s: string, year: number): string => (inYearSeries(prefix) ? String(year) : s);
const document = fc
  .tuple(organ, body, session, fc.integer({ min: 1990, max: 2030 }), docType, number, suffixes, qualifier, stars)
  .map(([o, b, s, y, t, n, x, q, st]) => `${o}${b}/${yearFor(`${o}${b}`, s, y)}/${t}${n}${x}${q}${st}`);
const resolution = fc.oneof(
  fc.tuple(fc.integer({ min: 31, max: 80 }), fc.integer({ min: 1, max: 300 }), fc.constantFrom('', ' A', ' A-B', ' B')).map(([s, n, p]) => `A/RES/${s}/${n}${p}`),
  fc.tuple(fc.integer({ min: 1, max: 3541 }), fc.constantFrom('', ' A', 'A'), fc.oneof(roman, roman.map((r) => `S-${r}`), roman.map((r) => `ES-${r}`)), fc.constantFrom(' ', '')).map(([n, p, r, sp]) => `A/RES/${n}${p}${sp}(${r})`),
  fc.tuple(fc.integer({ min: 1, max: 2900 }), fc.integer({ min: 1946, max: 2030 }), fc.constantFrom(' ', '')).map(([n, y, sp]) => `S/RES/${n}${sp}(${y})`),
);
const single = fc.oneof({ weight: 4, arbitrary: document }, { weight: 1, arbitrary: resolution });
const plain = fc
  .tuple(organ, body, session, fc.integer({ min: 1990, max: 2030 }), docType, number, suffixes)
  .map(([o, b, s, y, t, n, x]) => `${o}${b}/${yearFor(`${o}${b}`, s, y)}/${t}${n}${x}`);
const joint = fc.tuple(plain, fc.constantFrom('–', '-'), plain).map(([a, d, b]) => `${a}${d}${b}`);
const symbol = fc.oneof({ weight: 5, arbitrary: single }, { weight: 1, arbitrary: joint });
const punctuation = fc.constantFrom('', '.', ',', ';', ':', ')', '–', '.)');

describe('generated symbols', () => {
  it('built from the grammar are accepted', () => {
    fc.assert(
      fc.property(symbol, (s) => {
        expect(symbolProblems(s, SERIES)).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });

  it('embedded in a sentence with trailing punctuation are found exactly', () => {
    fc.assert(
      fc.property(symbol, punctuation, fc.constantFrom('See ', 'documents (', 'and '), (s, p, before) => {
        const text = `${before}${s}${p} Then the text goes on.`;
        const found = findSymbols(text);
        expect(found.map((f) => [f.text, f.index])).toEqual([[s, before.length]]);
      }),
      { numRuns: 2000 },
    );
  });

  /** Single corruptions of the kinds editors make, each with the message it must give. */
  const corruptions: Array<{ name: string; applies: RegExp; corrupt: (s: string) => string; message: RegExp }> = [
    { name: 'a missing dot in a body', applies: /\/(?:AC|CN|CONF|WG|PC|SC|EG|GC|C)\.\d/, corrupt: (s) => s.replace(/\/(AC|CN|CONF|WG|PC|SC|EG|GC|C)\.(\d)/, '/$1$2'), message: /missing dot/ },
    { name: 'a suffix in capitals', applies: /\/(Add|Corr|Rev|Amend)\./, corrupt: (s) => s.replace(/\/(Add|Corr|Rev|Amend)\./, (m) => m.toUpperCase()), message: /library-database spelling: in print write (Add|Corr|Rev|Amend)\.\d+/ },
    { name: 'a doubled slash', applies: /\//, corrupt: (s) => s.replace('/', '//'), message: /empty component/ },
    { name: 'an l for a 1 in a suffix', applies: /\/(Add|Corr|Rev|Amend|Supp)\.1\b/, corrupt: (s) => s.replace(/\/(Add|Corr|Rev|Amend|Supp)\.1\b/, '/$1.l'), message: /did you mean (Add|Corr|Rev|Amend|Supp)\.1\?/ },
    { name: 'a comma for a dot', applies: /\/(?:AC|CN|CONF|WG|PC|SC|EG|GC|C|L|PV|SR|CRP|Add|Rev)\.\d/, corrupt: (s) => s.replace(/\/(AC|CN|CONF|WG|PC|SC|EG|GC|C|L|PV|SR|CRP|Add|Rev)\.(\d)/, '/$1,$2'), message: /comma for a dot/ },
    { name: 'a space inside a component', applies: /\/[A-Za-z]+\.\d/, corrupt: (s) => s.replace(/\/([A-Za-z]+)\.(\d)/, '/$1. $2'), message: /space inside/ },
    { name: 'a space next to a slash', applies: /[A-Z0-9]\/[A-Z]/, corrupt: (s) => s.replace(/([A-Z0-9])\/([A-Z])/, '$1/ $2'), message: /space next to "\/"/ },
  ];

  it.each(corruptions)('with $name are rejected, in metadata and in text', ({ applies, corrupt, message }) => {
    fc.assert(
      fc.property(plain.filter((s) => applies.test(s)), (s) => {
        const bad = corrupt(s);
        expect(bad).not.toBe(s);
        const problems = symbolProblems(bad, SERIES);
        expect(problems.some((p) => message.test(p)), `${bad}: ${problems.join('; ')}`).toBe(true);
        const found = findSymbols(`As set out in ${bad}, the`);
        expect(found.some((f) => symbolProblems(f.text, SERIES).length > 0), `${bad} in text`).toBe(true);
        // What the message says to write is the symbol the misprint stands for.
        expect(nearestSymbol(bad, SERIES), bad).toBe(s);
      }),
      { numRuns: 300 },
    );
  });

  it('with two-digit years in a year series are rejected', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1, max: 20 }), (yy, n) => {
        const two = String(yy).padStart(2, '0');
        expect(symbolProblems(`CTOC/COP/WG.4/${two}/${n}`, SERIES)).toEqual([`two-digit year "${two}" where a four-digit year belongs (CTOC/COP/WG.4/20${two}/…)`]);
      }),
    );
  });
});

describe('links and checks agree', () => {
  /** The links rehype-symbol-links makes in a paragraph of text: [text, href]. */
  function links(text: string): Array<[string, string]> {
    const tree: Root = { type: 'root', children: [{ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: text }] }] };
    (rehypeSymbolLinks as unknown as (o: { lang: string }) => (t: Root) => void)({ lang: 'en' })(tree);
    const p = tree.children[0] as Element;
    expect(p.children.map((c) => ('value' in c ? c.value : (c as Element).children.map((t) => ('value' in t ? t.value : '')).join(''))).join('')).toBe(text);
    return p.children.flatMap((c) => (c.type === 'element' ? [[(c.children[0] as { value: string }).value, String(c.properties['href'])] as [string, string]] : []));
  }

  it('a linked symbol is one the check accepts, and every accepted one is linked', () => {
    const corrupt = fc.constantFrom((s: string) => s, (s: string) => s.replace('/', '//'), (s: string) => s.replace(/\/(Add|Corr|Rev)\./, (m) => m.toUpperCase()), (s: string) => s.replace(/\.(\d)/, ',$1'));
    fc.assert(
      fc.property(fc.array(fc.tuple(symbol, corrupt, punctuation), { minLength: 1, maxLength: 4 }), (items) => {
        const text = items.map(([s, c, p]) => `see ${c(s)}${p}`).join(' and ');
        const accepted = findSymbols(text).filter((f) => symbolProblems(f.text).length === 0).flatMap((f) => f.parts.map((p) => p.text));
        const linked = links(text);
        expect(linked.map(([t]) => t)).toEqual(accepted);
        for (const [t, href] of linked) expect(href).toBe(undocsUrl(t, 'en'));
      }),
      { numRuns: 300 },
    );
  });
});

describe('job numbers', () => {
  it('accept the forms real footers print', () => {
    for (const job of ['V.21-05275', 'V.16-03998', 'GE.25-02819', '02-46600', '11-63085', '12-27711***', '15-06250*']) {
      expect(parseJobNumber(job), job).toBeDefined();
    }
    for (const job of ['V.21-5275', 'V21-05275', 'X.21-05275', 'V.2021-05275', '21-05275****', 'V.21–05275']) {
      expect(parseJobNumber(job), job).toBeUndefined();
    }
  });

  it('give the barcode year + serial, reissue marks and prefix aside', () => {
    expect(barcodeValue('V.21-05275')).toBe('2105275');
    expect(barcodeValue('12-27711***')).toBe('1227711');
    expect(barcodeValue('GE.25-02819')).toBe('2502819');
    expect(() => barcodeValue('V.21-5275')).toThrow(/V\.21-5275/);
    expect(jobNumberKey('V.21-05275')).toBe(jobNumberKey('21-05275*'));
  });

  it('are checked against the date, processing dates against the document date', () => {
    expect(jobNumberProblems('V.21-05275', '2021-07-12')).toEqual([]);
    expect(jobNumberProblems('V.20-05275', '2021-07-12')).toEqual(['Job number V.20-05275 is of 2020, but the document is dated 2021-07-12: expected V.21-05275']);
    expect(processingDateProblems(['2021-07-12', '2021-07-19'], '2021-07-12')).toEqual([]);
    expect(processingDateProblems(['2021-05-01'], '2021-07-12')).toEqual([]);
    expect(processingDateProblems(['2021-01-02'], '2021-07-12')).toEqual(['Processing date 2021-01-02 is more than 90 days before the document\'s date 2021-07-12']);
    expect(processingDateProblems(['2021-07-19', '2021-07-12'], '2021-07-12')).toEqual(['Processing dates 2021-07-19 and 2021-07-12 are out of order: the second is the later']);
  });
});
