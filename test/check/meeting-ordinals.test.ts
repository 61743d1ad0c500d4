/**
 * findOrdinals (the meetings rule) finds what its definition finds: the ordinal pattern with
 * "not after a letter of a spaced script" as a lookbehind at its start — the way the rule was
 * first written, kept here as the reference — on texts made of the real sources' words in all
 * six languages, letters of each script, years and symbols, in any order.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { findOrdinals, type OrdinalFinding } from '../../src/check/rules/meetings.js';
import { blankSymbols } from '../../src/model/symbols.js';
import { LANGS, type Locale } from '../../src/types.js';
import { ROOT } from '../helpers/cli.js';

type Spec = NonNullable<Locale['meetingOrdinals']>;

function reference(raw: string, spec: Spec): OrdinalFinding[] {
  const text = blankSymbols(raw);
  const entries = Object.entries(spec.ordinals).map(([n, re]) => ({ number: Number(n), re: new RegExp(`^(?:${re})$`, 'u') }));
  const any = [...Object.values(spec.ordinals)].sort((a, b) => b.length - a.length).map((o) => `(?:${o})`).join('|');
  const spaced = '[\\p{Script=Latin}\\p{Script=Cyrillic}\\p{Script=Arabic}]';
  const pattern = new RegExp(`(?<!${spaced})(?:(${any})\\s*(?:${spec.word})|(?:${spec.word})\\s+(${any})(?!${spaced}))`, 'giu');
  const years = [...text.matchAll(/(?<![\p{N}])(?:19|20)\d{2}(?![\p{N}])/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length, value: Number(m[0]) }));
  const out: OrdinalFinding[] = [];
  for (const match of text.matchAll(pattern)) {
    const ordinal = (match[1] ?? match[2] ?? '').trim();
    const entry = entries.find((e) => e.re.test(ordinal));
    if (!entry) continue;
    const start = match.index;
    const end = start + match[0].length;
    const after = years.find((y) => y.start >= end && y.start - end <= 60);
    const before = [...years].reverse().find((y) => y.end <= start && start - y.end <= 60);
    out.push({ number: entry.number, index: start, text: match[0], year: (spec.yearFirst ? (before ?? after) : (after ?? before))?.value });
  }
  return out;
}

describe('findOrdinals', () => {
  for (const lang of LANGS) {
    const spec = (parse(readFileSync(join(ROOT, 'templates', 'locales', `${lang}.yaml`), 'utf8')) as Locale).meetingOrdinals;
    if (!spec) continue;
    const papers = join(ROOT, 'sources', lang, 'papers');
    const text = readdirSync(papers).map((name) => readFileSync(join(papers, name), 'utf8')).join(' ');
    // The real words next to the meeting word, and letters that may stand right before one.
    const words = [...new Set(text.split(/\s+/u))].filter(Boolean);
    const meetings = words.filter((w) => new RegExp(spec.word, 'iu').test(w) || Object.values(spec.ordinals).some((o) => new RegExp(o, 'iu').test(w)));
    const piece = fc.oneof(
      fc.constantFrom(...meetings),
      fc.constantFrom(...words),
      fc.constantFrom('x', 'É', 'Я', 'ب', '中', '𞸀', '2010', '2019', 'CTOC/COP/WG.4/2011/3', '', '-', '('),
      fc.string({ unit: 'binary', maxLength: 3 }),
    );
    it(`finds what the lookbehind pattern finds (${lang}, ${meetings.length} words near meetings)`, () => {
      expect(meetings.length).toBeGreaterThan(0);
      fc.assert(
        fc.property(fc.array(fc.tuple(piece, fc.constantFrom(' ', '', '\u00A0', ', ')), { maxLength: 14 }), (parts) => {
          const raw = parts.map(([p, sep]) => p + sep).join('');
          expect(findOrdinals(raw, spec)).toEqual(reference(raw, spec));
        }),
        { numRuns: 400 },
      );
    });
  }
});
