/**
 * remark plugin: letter the subparagraphs of every numbered paragraph in the language's
 * style — (a), (b) … in English, a), b) … in French and Spanish, (أ), (ب) … in Arabic —
 * and number a nested level with roman numerals. Labels are computed, never typed.
 */
import type { List, Root } from 'mdast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import type { Locale } from '../types.js';
import { latinKey, letterLabel, roman, romanLabel } from '../model/labels.js';
import { paragraphEid, pointEid } from '../model/akn.js';

export interface LetterOptions {
  labels: Locale['labels'];
}

const remarkLetterSubparagraphs: Plugin<[LetterOptions], Root> = function (options) {
  return function (tree: Root) {
    visit(tree, 'numberedParagraph', (para) => {
      let index = 0;
      for (const list of para.children) {
        if (list.type !== 'list') continue;
        letterList(list, { anchor: `para-${para.number}`, eId: paragraphEid(para.number) }, (i) => letterLabel(options.labels, i), latinKey, () => index++);
      }
      return 'skip';
    });
  };

  /** The parent's anchor (`para-10`) and eId (`para_10`): each item's are made from them. */
  function letterList(list: List, parent: { anchor: string; eId: string }, label: (i: number) => string, key: (i: number) => string, next: () => number): void {
    list.ordered = true;
    list.start = null;
    list.data = { ...list.data, hProperties: { className: ['subparas'] } };
    for (const item of list.children) {
      const i = next();
      const text = label(i);
      const ids = { anchor: `${parent.anchor}-${key(i)}`, eId: pointEid(parent.eId, key(i)) };
      item.data = { ...item.data, label: text, ...ids };
      for (const child of item.children) {
        if (child.type !== 'list') continue;
        let j = 0;
        letterList(child, ids, (k) => romanLabel(options.labels, k), (k) => roman(k + 1), () => j++);
      }
    }
  }
};

export default remarkLetterSubparagraphs;
