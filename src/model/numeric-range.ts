/**
 * A numeric range written with a hyphen (pages 12-15, 2010-2012), whose hyphen is to be an en
 * dash (12–15): one to four digits either side, not part of a word, a longer number, a decimal,
 * a path or a chain (A/65/10-12, WG.4-2010, 1.5-2, 1-2-3). Written once for the typography check,
 * which reports such hyphens, and the safety layer of `check --fix`, which turns one into a dash
 * only in a word that is a range and nothing more. No I/O.
 */
const RANGE = /(?<![\p{L}\p{N}./-])(\d{1,4})-(\d{1,4})(?![\p{N}/-])/gu;

const WHOLE = new RegExp(`^${RANGE.source}$`, 'u');

/** The numeric ranges of a text, each with its two numbers (`match[1]`, `match[2]`). */
export function numericRanges(text: string): RegExpStringIterator<RegExpExecArray> {
  return text.matchAll(RANGE);
}

/** A word that is a numeric range and nothing more: `12-15`, not `12-15a` or `3166-1:2013`. */
export function isNumericRange(word: string): boolean {
  return WHOLE.test(word);
}
