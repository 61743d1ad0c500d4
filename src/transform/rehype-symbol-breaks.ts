/**
 * rehype plugin (print HTML only): a line may break after each slash of a document symbol
 * (`<wbr>`, a break opportunity: no visible character, nothing in the text copied from the
 * PDF). A long symbol such as CTOC/COP/WG.4/2010/3 no longer has to move whole to the next
 * line, leaving the line before it letter-spaced or its words stretched.
 */
import type { Element, ElementContent, Root } from 'hast';
import type { Plugin } from 'unified';
import { eachElementIn } from './text-nodes.js';

/** A symbol's text split after each slash, with a break opportunity between the parts. */
export function withBreaks(symbol: string): ElementContent[] {
  const parts = symbol.split(/(?<=\/)/);
  return parts.flatMap((part, i): ElementContent[] =>
    i < parts.length - 1 ? [{ type: 'text', value: part }, { type: 'element', tagName: 'wbr', properties: {}, children: [] }] : [{ type: 'text', value: part }],
  );
}

const rehypeSymbolBreaks: Plugin<[], Root> = function () {
  return function (tree) {
    eachElementIn(tree, (node: Element) => {
      const classes = node.properties['className'];
      if (!(Array.isArray(classes) && classes.includes('symbol')) || node.tagName !== 'a') return;
      node.children = node.children.flatMap((child) => (child.type === 'text' ? withBreaks(child.value) : [child]));
    });
  };
};

export default rehypeSymbolBreaks;
