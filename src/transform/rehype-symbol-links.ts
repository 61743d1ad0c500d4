/**
 * rehype plugin: every well-formed document symbol in the text links to the document in
 * the Official Document System, in the edition's language: https://undocs.org/<lang>/<symbol>.
 */
import type { Element, ElementContent, Root, Text } from 'hast';
import type { Plugin } from 'unified';
import { SKIP, visitParents } from 'unist-util-visit-parents';
import { SYMBOL_CANDIDATE, symbolProblems, undocsUrl } from '../model/symbols.js';

const rehypeSymbolLinks: Plugin<[{ lang: string }], Root> = function (options) {
  return function (tree) {
    visitParents(tree, 'text', (node: Text, ancestors) => {
      if (ancestors.some((a) => a.type === 'element' && ['a', 'style', 'script', 'title', 'head'].includes(a.tagName))) return;
      const parent = ancestors.at(-1) as Element | Root | undefined;
      if (!parent) return;
      const parts: ElementContent[] = [];
      let last = 0;
      for (const match of node.value.matchAll(SYMBOL_CANDIDATE)) {
        const symbol = match[0].replace(/\.$/, '');
        if (symbolProblems(symbol).length > 0) continue;
        if (match.index > last) parts.push({ type: 'text', value: node.value.slice(last, match.index) });
        parts.push({
          type: 'element',
          tagName: 'a',
          properties: { href: undocsUrl(symbol, options.lang), className: ['symbol'], hrefLang: options.lang },
          children: [{ type: 'text', value: symbol }],
        });
        last = match.index + symbol.length;
      }
      if (parts.length === 0) return;
      if (last < node.value.length) parts.push({ type: 'text', value: node.value.slice(last) });
      const index = parent.children.indexOf(node);
      parent.children.splice(index, 1, ...(parts as Array<Element & Text>));
      return [SKIP, index + parts.length];
    });
  };
};

export default rehypeSymbolLinks;
