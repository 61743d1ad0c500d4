/**
 * rehype plugin: every well-formed document symbol in the text links to the document in
 * the Official Document System, in the edition's language: https://undocs.org/<lang>/<symbol>.
 * Symbols are found by the recognizer the document-symbol check uses (src/model/symbols.ts),
 * so a linked symbol is a checked one; each half of a joint symbol gets its own link.
 */
import type { Element, ElementContent, Root, Text } from 'hast';
import type { Plugin } from 'unified';
import { SKIP, visitParents } from 'unist-util-visit-parents';
import { findSymbols, symbolProblems, undocsUrl } from '../model/symbols.js';

const rehypeSymbolLinks: Plugin<[{ lang: string; yearSeries?: readonly string[] }], Root> = function (options) {
  return function (tree) {
    visitParents(tree, 'text', (node: Text, ancestors) => {
      if (ancestors.some((a) => a.type === 'element' && ['a', 'style', 'script', 'title', 'head'].includes(a.tagName))) return;
      const parent = ancestors.at(-1) as Element | Root | undefined;
      if (!parent) return;
      const parts: ElementContent[] = [];
      let last = 0;
      for (const found of findSymbols(node.value)) {
        if (symbolProblems(found.text, options.yearSeries ?? []).length > 0) continue;
        for (const part of found.parts) {
          if (part.index > last) parts.push({ type: 'text', value: node.value.slice(last, part.index) });
          parts.push({
            type: 'element',
            tagName: 'a',
            properties: { href: undocsUrl(part.text, options.lang), className: ['symbol'], hrefLang: options.lang },
            children: [{ type: 'text', value: part.text }],
          });
          last = part.index + part.text.length;
        }
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
