/**
 * remark plugin: letter the subparagraphs of every numbered paragraph in the language's
 * style — (a), (b) … in English, a), b) … in French and Spanish, (أ), (ب) … in Arabic —
 * and number a nested level with roman numerals. Labels are computed, never typed.
 */
import type { List, Root } from 'mdast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import type { Locale } from '../types.js';

export interface LetterOptions {
  labels: Locale['labels'];
}

const ROMAN: Array<[number, string]> = [
  [10, 'x'],
  [9, 'ix'],
  [5, 'v'],
  [4, 'iv'],
  [1, 'i'],
];

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

/** The label of the n-th (0-based) subparagraph, e.g. "(a)"; past the alphabet: "(aa)". */
export function letterLabel(labels: Locale['labels'], index: number): string {
  const { letters } = labels;
  const letter = index < letters.length ? letters[index] : `${letters[index % letters.length]}`.repeat(Math.floor(index / letters.length) + 1);
  return labels.pattern.replace('{letter}', letter ?? '');
}

const remarkLetterSubparagraphs: Plugin<[LetterOptions], Root> = function (options) {
  return function (tree: Root) {
    visit(tree, 'numberedParagraph', (para) => {
      let index = 0;
      for (const list of para.children) {
        if (list.type !== 'list') continue;
        letterList(list, `para-${para.number}`, (i) => letterLabel(options.labels, i), latinKey, () => index++);
      }
      return 'skip';
    });
  };

  /** Anchors use Latin letters in every language, so `#para-10-b` is the same place in all six. */
  function latinKey(i: number): string {
    return 'abcdefghijklmnopqrstuvwxyz'.charAt(i % 26).repeat(Math.floor(i / 26) + 1);
  }

  function letterList(list: List, prefix: string, label: (i: number) => string, key: (i: number) => string, next: () => number): void {
    list.ordered = true;
    list.start = null;
    list.data = { ...list.data, hProperties: { className: ['subparas'] } };
    for (const item of list.children) {
      const i = next();
      const text = label(i);
      const anchor = `${prefix}-${key(i)}`;
      item.data = { ...item.data, label: text, anchor };
      for (const child of item.children) {
        if (child.type !== 'list') continue;
        let j = 0;
        letterList(child, anchor, (k) => options.labels.romanPattern.replace('{roman}', roman(k + 1)), (k) => roman(k + 1), () => j++);
      }
    }
  }
};

export default remarkLetterSubparagraphs;
