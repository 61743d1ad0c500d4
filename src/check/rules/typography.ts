/**
 * typography: typographic quotation marks where they are required (English: “ ” ‘ ’),
 * no double spaces, an en dash in numeric ranges, no word that lost its hyphen
 * ("agesensitive"), no invisible or bidirectional control characters (in any source).
 */
import { lintRule } from '../rule.js';
import { paragraphs } from '../text.js';

const INVISIBLE = /[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/gu;
const DOUBLE_SPACE = /(?<=\S) {2,}(?=\S)/gu;
const RANGE = /(?<![\p{L}\p{N}./-])(\d{1,4})-(\d{1,4})(?![\p{N}/-])/gu;
const LOST_HYPHEN = /\b(age|gender|child|victim|trauma|evidence|community|rights|capacity|human|survivor)(sensitive|based|centred|centered|informed|responsive|related|specific|building|oriented)\b/giu;
const STRAIGHT = /["']/gu;

function names(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

export default lintRule(
  {
    id: 'typography',
    description: 'Typographic quotes where required (English “ ” ’), no double spaces, en dash in numeric ranges, no word that lost its hyphen, no invisible or bidirectional control characters.',
    example: 'papers/CTOC-COP-WG.4-2010-3.md:13:10 Straight quotation mark: use “ or ”',
    fixable: true,
  },
  (context, report) => {
    // Invisible and bidi controls anywhere in any source file.
    for (const file of context.project.files) {
      const value = String(file.value ?? '');
      for (const match of value.matchAll(INVISIBLE)) {
        report(file, context.pointAt(file, match.index), `Invisible or bidirectional control character ${names(match[0])}: remove it`, {
          start: match.index,
          end: match.index + match[0].length,
          text: '',
        });
      }
    }
    // Apostrophes in the English themes and key topics ("Victims' rights").
    for (const edition of context.editions.filter((e) => e.lang === 'en')) {
      const file = edition.themesFile.file;
      const value = String(file.value);
      for (const match of value.matchAll(/(?<=\p{L})'(?=\p{L}|\s)/gu)) {
        const lineStart = value.lastIndexOf('\n', match.index) + 1;
        if (/^\s*#/.test(value.slice(lineStart, match.index))) continue;
        report(file, context.pointAt(file, match.index), "Straight quotation mark ': use ’", { start: match.index, end: match.index + 1, text: '’' });
      }
    }
    for (const text of context.texts) {
      for (const para of paragraphs(text.tree, text.file)) {
        const at = (i: number) => context.pointAt(text.file, para.start + i);
        for (const match of para.raw.matchAll(DOUBLE_SPACE)) {
          report(text.file, at(match.index), 'Double space', { start: para.start + match.index, end: para.start + match.index + match[0].length, text: ' ' });
        }
        for (const match of para.raw.matchAll(RANGE)) {
          const i = match.index + (match[1]?.length ?? 0);
          report(text.file, at(i), `Hyphen in the range ${match[0]}: use an en dash (${match[1]}–${match[2]})`, { start: para.start + i, end: para.start + i + 1, text: '–' });
        }
        for (const match of para.raw.matchAll(LOST_HYPHEN)) {
          const i = match.index + (match[1]?.length ?? 0);
          report(text.file, at(match.index), `"${match[0]}" lost its hyphen: ${match[1]}-${match[2]}`, { start: para.start + i, end: para.start + i, text: '-' });
        }
        if (text.lang !== 'en') continue;
        for (const match of para.raw.matchAll(STRAIGHT)) {
          const before = para.raw.charAt(match.index - 1);
          const opening = match.index === 0 || /[\s(\[“‘—–-]/u.test(before);
          const curly = match[0] === '"' ? (opening ? '“' : '”') : opening ? '‘' : '’';
          report(text.file, at(match.index), `Straight quotation mark ${match[0]}: use ${curly}`, {
            start: para.start + match.index,
            end: para.start + match.index + 1,
            text: curly,
          });
        }
      }
    }
  },
);
