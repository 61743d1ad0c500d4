/**
 * rehype plugin: a subparagraph label written inline in running text — "(a) coordination",
 * "b) intégrer", "(ii) …" in the language's own label style — is joined to the word after it by
 * a no-break space, so a line never ends with a label standing alone. The label style comes
 * from the locale pack (the same letters and patterns that letter the subparagraphs).
 */
import type { Root } from 'hast';
import type { Plugin } from 'unified';
import { eachText } from './text-nodes.js';
import type { Locale } from '../types.js';

const NBSP = '\u00a0';
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A regular expression for an inline label followed by a plain space, in this label style. */
export function inlineLabel(labels: Locale['labels']): RegExp {
  const letters = [...labels.letters].sort((a, b) => b.length - a.length).map(escape).join('|');
  const around = (pattern: string, slot: string, inner: string): string => pattern.split(slot).map(escape).join(`(?:${inner})`);
  const label = `(?:${around(labels.pattern, '{letter}', letters)}|${around(labels.romanPattern, '{roman}', '[ivxl]{1,5}')})`;
  // At the start of the text or after a space (not inside a word or a reference such as "3(a)").
  return new RegExp(`(^|[\\s\\u00a0:;,])(${label}) (?=\\S)`, 'gu');
}

export function joinLabels(text: string, pattern: RegExp): string {
  return text.replace(pattern, (_m, before: string, label: string) => `${before}${label}${NBSP}`);
}

const rehypeLabelNbsp: Plugin<[{ labels: Locale['labels'] }], Root> = function (options) {
  const pattern = inlineLabel(options.labels);
  return function (tree) {
    eachText(tree, (node) => void (node.value = joinLabels(node.value, pattern)));
  };
};

export default rehypeLabelNbsp;
