/**
 * The symbol grammar is one description (GRAMMAR in src/model/symbols.ts) read two ways: the
 * validator (symbolProblems) and the recognizer (findSymbols). Symbols generated from the
 * description's own parts are accepted and found whole; in generated text, what is found and
 * accepted is exactly the well-formed symbols written there, and what only looks like one is
 * found whole and reported; the edition links exactly what the check accepts, with the year
 * series of the loaded configuration.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Element, Root } from 'hast';
import { GRAMMAR, checkSymbols, findSymbols, jointParts, symbolProblems } from '../../src/model/symbols.js';
import { loadConfig } from '../../src/load/config.js';
import { createWorld } from '../../src/load/world.js';
import { runChecks } from '../../src/check/run.js';
import { transform } from '../../src/transform/transform-stage.js';
import type { BuildState, EditionJob } from '../../src/run-stages.js';
import rehypeSymbolLinks from '../../src/transform/rehype-symbol-links.js';
import { ROOT } from '../helpers/cli.js';
import { baseFile, loadFixtureProject } from '../helpers/fixtures.js';

const CONFIG = await loadConfig(createWorld(ROOT));
const SERIES = CONFIG.yearSeries;

/** Strings matching a part of the grammar, whole. */
const part = (name: keyof typeof GRAMMAR): fc.Arbitrary<string> => fc.stringMatching(new RegExp(`^(?:${GRAMMAR[name]})$`), { size: 'xsmall' });
const matches = (name: keyof typeof GRAMMAR, s: string): boolean => new RegExp(`^(?:${GRAMMAR[name]})$`).test(s);

// ---- symbols built from the description's parts --------------------------------------------

/** A series: bodies and words (never a database spelling such as ADD.1). */
const series = fc
  .array(fc.oneof(part('word'), part('dotted'), part('alnum')), { minLength: 1, maxLength: 3 })
  .filter((words) => !words.some((w) => matches('databaseSpelling', w)))
  .map((words) => words.join('/'));
/** In a configured year series, a year follows; elsewhere a session, a year or a number. */
const inYearSeries = (prefix: string): boolean => SERIES.some((s) => `${prefix}/`.startsWith(`${s}/`));
const session = fc.oneof(part('session'), part('number'), part('seriesYear'));
const qualifier = fc.oneof(
  { weight: 3, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: part('qualifierWord').map((q) => ` (${q})`) },
  { weight: 1, arbitrary: fc.oneof(part('language'), part('gluedNumber')).map((q) => `(${q})`) },
);
const following = fc.array(fc.oneof(part('suffix'), part('mixed')), { maxLength: 2 }).map((a) => a.map((c) => `/${c}`).join(''));
const reissue = fc.oneof({ weight: 3, arbitrary: fc.constant('') }, { weight: 1, arbitrary: part('reissue') });
/** A document: series / session or year / number, suffixes, a qualifier, reissue marks. */
const document = fc
  .tuple(series, session, part('seriesYear'), part('number'), following, qualifier, following, reissue)
  .map(([s, n, y, number, x, q, after, r]) => `${s}/${inYearSeries(s) ? y : n}/${number}${x}${q}${q.startsWith(' ') ? after : ''}${r}`);
/** A resolution: lettered parts, a session or year in parentheses (spaced or glued). */
const roman = part('romanLike').filter((r) => matches('roman', r));
const resolution = fc.oneof(
  fc.tuple(part('decisions'), part('number'), part('gluedNumber'), part('letterParts'), part('space')).map(([d, s, n, l, sp]) => `A/${d}/${s}/${n}${sp}${l}`),
  fc.tuple(part('decisions'), part('gluedNumber'), fc.oneof(roman, part('session'), part('year')), fc.constantFrom(' ', '')).map(([d, n, q, sp]) => `S/${d}/${n}${sp}(${q})`),
);
/** Two documents joined by the joint dash, the second starting as a symbol does (not with L.2738-P). */
const startsSingle = new RegExp(`^${GRAMMAR.singleStart}`);
const joint = fc
  .tuple(document, part('joint'), document.filter((b) => startsSingle.test(b)))
  .map(([a, d, b]) => `${a.replace(/[ (*].*$/, '')}${d}${b.replace(/[ (*].*$/, '')}`);
const symbol = fc.oneof({ weight: 4, arbitrary: document }, { weight: 2, arbitrary: resolution }, { weight: 1, arbitrary: joint });

/** The corruptions the recognizer takes wide for, each applied where it fits; undefined where it does not. */
const CORRUPTIONS: Array<(s: string) => string | undefined> = [
  (s) => s.replace(/([A-Za-z])\.(\d)/, '$1,$2'), // a comma for a dot: WG,4
  (s) => s.replace(/([A-Za-z])\.(\d)/, '$1. $2'), // a space inside: WG. 4
  (s) => s.replace(/([A-Z0-9])\/([A-Z0-9])/, '$1 /$2'), // a space next to a slash
  (s) => s.replace(/([A-Z0-9])\/([A-Z0-9])/, '$1/ $2'),
  (s) => s.replace('/', '//'), // an empty component
  (s) => s.replace(/\/(Add|Corr|Rev|Amend|Supp)\./, (m) => m.toUpperCase()), // a database spelling
  (s) => {
    const second = jointParts(s)[1]; // an em dash between the two symbols of a joint one
    return second && `${s.slice(0, second.index - 1)}—${second.text}`;
  },
  (s) => s.replace(/^[A-Z]/, (c) => c.toLowerCase()), // lower case
  (s) => s.replace('/', '*/'), // a reissue mark before the end
  (s) => s.replace(/\.1(?=\/|$)/, '.l'), // an l for a 1
];
const lookalike = fc.tuple(symbol, fc.constantFrom(...CORRUPTIONS)).map(([s, corrupt]) => corrupt(s)).filter((s): s is string => s !== undefined && symbolProblems(s, SERIES).length > 0);

/** Words of prose, some with slashes, none a symbol. */
const prose = fc.constantFrom('the report', 'and/or', 'km/h', '24/7', 'UNODC/UNICRI', '(the report)', 'on 12/10/2021', 'https://undocs.org/A/76/1', 'www.unodc.org/documents/2021/x', 'in 2010', 'States');
const punctuation = fc.constantFrom('', '.', ',', ';', ':', ')', '–', '.)');

/** Symbols a text shows the recognizer: a number among their components, no compound phrase (a space between words is prose). */
const readsAsSymbol = (s: string): boolean => /\d/.test(s) && /[A-Z]/.test(s);

describe('one grammar, read two ways', () => {
  it('symbols built from its parts are accepted, and found whole in text', () => {
    fc.assert(
      fc.property(symbol, punctuation, (s, p) => {
        expect(symbolProblems(s, SERIES), s).toEqual([]);
        const text = `See ${s}${p} then`;
        expect(findSymbols(text).map((f) => [f.text, f.index])).toEqual([[s, 4]]);
      }),
      { numRuns: 1500 },
    );
  });

  it('in generated text, the symbols found and accepted are exactly the well-formed ones written; look-alikes are found whole and reported', () => {
    const item = fc.oneof({ weight: 2, arbitrary: symbol.map((text) => ({ text, kind: 'symbol' as const })) }, { weight: 2, arbitrary: lookalike.map((text) => ({ text, kind: 'lookalike' as const })) }, { weight: 1, arbitrary: prose.map((text) => ({ text, kind: 'prose' as const })) });
    fc.assert(
      fc.property(fc.array(fc.tuple(item, punctuation), { minLength: 1, maxLength: 5 }), (items) => {
        let text = 'See';
        const written: Array<{ text: string; index: number; kind: string }> = [];
        for (const [it, p] of items) {
          text += ' ';
          written.push({ ...it, index: text.length });
          text += `${it.text}${p} and`;
        }
        const found = checkSymbols(text, SERIES);
        const accepted = found.filter((f) => f.problems.length === 0).map((f) => [f.text, f.index]);
        expect(accepted, text).toEqual(written.filter((w) => w.kind === 'symbol' && readsAsSymbol(w.text)).map((w) => [w.text, w.index]));
        for (const w of written.filter((x) => x.kind === 'lookalike' && readsAsSymbol(x.text))) {
          const whole = found.find((f) => f.index === w.index);
          expect(whole?.text, `${w.text} in ${text}`).toBe(w.text);
          expect(whole?.problems.length, w.text).toBeGreaterThan(0);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('a string is judged and scanned once: the verdicts are the same objects, whichever asks first', () => {
    const text = 'See CTOC/COP/WG.4/2010/5 and A/RES/217 (III).';
    const [first] = checkSymbols(text, SERIES);
    expect(first?.problems).toBe(symbolProblems('CTOC/COP/WG.4/2010/5', SERIES));
    expect(findSymbols(text)).toBe(findSymbols(text));
  });
});

describe('the links and the check judge with the same year series', () => {
  /** The texts rehype-symbol-links links in a paragraph. */
  function linked(text: string, yearSeries: readonly string[]): string[] {
    const tree: Root = { type: 'root', children: [{ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: text }] }] };
    (rehypeSymbolLinks as unknown as (o: { lang: string; yearSeries: readonly string[] }) => (t: Root) => void)({ lang: 'en', yearSeries })(tree);
    return (tree.children[0] as Element).children.flatMap((c) => (c.type === 'element' ? [(c.children[0] as { value: string }).value] : []));
  }

  it('a symbol with a two-digit year in a configured year series is reported, so not linked', () => {
    const text = 'See CTOC/COP/WG.4/10/5 and CTOC/COP/WG.4/2010/5.';
    expect(linked(text, SERIES)).toEqual(['CTOC/COP/WG.4/2010/5']);
    expect(symbolProblems('CTOC/COP/WG.4/10/5', SERIES)).not.toEqual([]);
    // Without the series it would pass: the option is what makes links and checks agree.
    expect(linked(text, [])).toEqual(['CTOC/COP/WG.4/10/5', 'CTOC/COP/WG.4/2010/5']);
  });

  it('the build links exactly the symbols in text the document-symbol check does not report, from one loaded configuration', async () => {
    const paper = 'en/papers/CTOC-COP-WG.4-2010-5.md';
    const project = await loadFixtureProject({ [paper]: `${baseFile(paper)}\nIt follows CTOC/COP/WG.4/10/5, CTOC/COP/WG.4/2009/2 and A/RES/217 (III), not CTOC/COP/WG4/2010/1.\n` });
    const { files } = runChecks(project, CONFIG);
    const reported = files.flatMap((f) => f.messages).filter((m) => m.ruleId === 'document-symbol').map((m) => /^Symbol (\S+(?: \([^)]*\))?):/.exec(m.reason)?.[1]);
    expect(reported).toEqual(['CTOC/COP/WG.4/10/5', 'CTOC/COP/WG4/2010/1']);
    // The build's transform stage, given what the load stage leaves: the project and the configuration.
    const job: EditionJob = { lang: 'en' };
    await transform(job, { options: { root: ROOT }, project, config: CONFIG, fingerprints: { shared: '', langs: {} }, files: [] } as unknown as BuildState);
    const links = [...(job.edition?.html ?? '').matchAll(/<a [^>]*class="symbol"[^>]*>([^<]*)<\/a>/g)].map((m) => m[1]);
    expect(links).toContain('CTOC/COP/WG.4/2009/2');
    expect(links).toContain('A/RES/217 (III)');
    for (const bad of reported) expect(links).not.toContain(bad);
  });
});
