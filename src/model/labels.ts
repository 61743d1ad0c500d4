/**
 * Subparagraph labels and numerals, written once: letters in the language's style — (a), (b) …
 * in English, a), b) … in French and Spanish, (أ), (ب) … in Arabic — roman numerals for a
 * nested level and for chapters, and the Latin keys anchors use in every language. No I/O.
 */
import type { Locale } from '../types.js';

const ROMAN: Array<[number, string]> = [
  [1000, 'm'],
  [900, 'cm'],
  [500, 'd'],
  [400, 'cd'],
  [100, 'c'],
  [90, 'xc'],
  [50, 'l'],
  [40, 'xl'],
  [10, 'x'],
  [9, 'ix'],
  [5, 'v'],
  [4, 'iv'],
  [1, 'i'],
];

/** Lower-case roman numeral of n ≥ 1: 4 → "iv" (upper-case for chapters: `roman(n).toUpperCase()`). */
export function roman(n: number): string {
  let out = '';
  for (const [value, digits] of ROMAN) {
    while (n >= value) {
      out += digits;
      n -= value;
    }
  }
  return out;
}

/** The letter of the n-th (0-based) subparagraph; past the alphabet the letter doubles: "aa". */
function letterAt(letters: readonly string[], index: number): string {
  return index < letters.length ? (letters[index] ?? '') : `${letters[index % letters.length] ?? ''}`.repeat(Math.floor(index / letters.length) + 1);
}

/** The label of the n-th (0-based) subparagraph, e.g. "(a)"; past the alphabet: "(aa)". */
export function letterLabel(labels: Locale['labels'], index: number): string {
  return labels.pattern.replace('{letter}', letterAt(labels.letters, index));
}

/** The label of the n-th (0-based) item of a nested list: "(i)", "(ii)" … */
export function romanLabel(labels: Locale['labels'], index: number): string {
  return labels.romanPattern.replace('{roman}', roman(index + 1));
}

/** Anchors use Latin letters in every language, so `#para-10-b` is the same place in all six. */
export function latinKey(index: number): string {
  return letterAt([...'abcdefghijklmnopqrstuvwxyz'], index);
}

/** A chapter's numeral: the locale's own (Arabic ordinal words, Chinese numerals) or roman. */
export function chapterNumeral(locale: Pick<Locale, 'chapterNumerals'>, index: number): string {
  return locale.chapterNumerals?.[index] ?? roman(index + 1).toUpperCase();
}

/** A chapter's number as printed: "I.", "الفصل الأول", "一、" (the locale's `chapterNumber` around the numeral). */
export function chapterNumber(locale: Pick<Locale, 'chapterNumber'>, numeral: string): string {
  return locale.chapterNumber.replace('{roman}', numeral);
}

/** A paragraph's number as printed: "23." (the locale's `paragraphNumber`, "{number}." by default). */
export function paragraphNumber(locale: Pick<Locale, 'paragraphNumber'>, number: number): string {
  return (locale.paragraphNumber ?? '{number}.').replace('{number}', String(number));
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A regex for one label in the locale's style, capturing the letter. */
export function labelPattern(labels: Locale['labels']): RegExp {
  const letters = labels.letters.map(escape).sort((a, b) => b.length - a.length).join('|');
  const [before = '', after = ''] = labels.pattern.split('{letter}').map(escape);
  return new RegExp(`(?<![\\p{L}\\p{N}(])${before}(${letters})${after}(?=\\s)`, 'gu');
}
