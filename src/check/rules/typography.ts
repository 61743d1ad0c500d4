/**
 * typography: the typographic conventions of each language, from its locale pack — curly
 * quotation marks and apostrophe where the language requires them (English: “ ” ‘ ’), and
 * compounds that keep their hyphen ("age-sensitive", not "agesensitive"); in every language,
 * no double spaces and an en dash in numeric ranges.
 */
import { lintRule } from '../rule.js';
import { paragraphs } from '../text.js';
import { memoize } from '../../memoize.js';
import { numericRanges } from '../../model/numeric-range.js';

const DOUBLE_SPACE = /(?<=\S) {2,}(?=\S)/gu;
const STRAIGHT = /["']/gu;

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const compounds = memoize((key: string) => {
  const { first, second } = JSON.parse(key) as { first: string[]; second: string[] };
  return new RegExp(`\\b(${first.map(escape).join('|')})(${second.map(escape).join('|')})\\b`, 'giu');
});

export default lintRule(
  {
    id: 'typography',
    description: "The language's typographic quotes (English “ ” ’) and hyphenated compounds (locale pack), no double spaces, an en dash in numeric ranges.",
    example: 'papers/CTOC-COP-WG.4-2010-3.md:13:10 Straight quotation mark: use “ or ”',
    fixable: true,
  },
  (context, report) => {
    for (const edition of context.editions) {
      const rules = edition.locale.typography;
      const quotes = rules?.quotes;
      // Apostrophes in the themes and key topics ("Victims' rights").
      if (quotes) {
        const file = edition.themesFile.file;
        const value = String(file.value);
        for (const match of value.matchAll(/(?<=\p{L})'(?=\p{L}|\s)/gu)) {
          const lineStart = value.lastIndexOf('\n', match.index) + 1;
          if (/^\s*#/.test(value.slice(lineStart, match.index))) continue;
          report(file, context.pointAt(file, match.index), `Straight quotation mark ': use ${quotes.apostrophe}`, { start: match.index, end: match.index + 1, text: quotes.apostrophe });
        }
      }
      const hyphenated = rules?.hyphenated ? compounds(JSON.stringify(rules.hyphenated)) : undefined;
      for (const text of context.texts.filter((t) => t.lang === edition.lang)) {
        for (const para of paragraphs(text.tree, text.file)) {
          const at = (i: number) => context.pointAt(text.file, para.start + i);
          for (const match of para.raw.matchAll(DOUBLE_SPACE)) {
            report(text.file, at(match.index), 'Double space', { start: para.start + match.index, end: para.start + match.index + match[0].length, text: ' ' });
          }
          for (const match of numericRanges(para.raw)) {
            const i = match.index + (match[1]?.length ?? 0);
            report(text.file, at(i), `Hyphen in the range ${match[0]}: use an en dash (${match[1]}–${match[2]})`, { start: para.start + i, end: para.start + i + 1, text: '–' });
          }
          for (const match of hyphenated ? para.raw.matchAll(hyphenated) : []) {
            const i = match.index + (match[1]?.length ?? 0);
            report(text.file, at(match.index), `"${match[0]}" lost its hyphen: ${match[1]}-${match[2]}`, { start: para.start + i, end: para.start + i, text: '-' });
          }
          if (!quotes) continue;
          for (const match of para.raw.matchAll(STRAIGHT)) {
            const before = para.raw.charAt(match.index - 1);
            const opening = match.index === 0 || /[\s(\[“‘—–-]/u.test(before);
            const curly = match[0] === '"' ? (opening ? quotes.open : quotes.close) : opening ? quotes.openSingle : quotes.apostrophe;
            report(text.file, at(match.index), `Straight quotation mark ${match[0]}: use ${curly}`, {
              start: para.start + match.index,
              end: para.start + match.index + 1,
              text: curly,
            });
          }
        }
      }
    }
  },
);
