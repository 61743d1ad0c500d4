/**
 * rehype plugin: every well-formed document symbol in the text links to the document in
 * the Official Document System, in the edition's language: https://undocs.org/<lang>/<symbol>.
 * Symbols are found and judged as the document-symbol check finds and judges them, with the
 * same year series (compendium.config.yaml, src/model/symbols.ts `checkSymbols`): a linked
 * symbol is one the check accepts. Each half of a joint symbol gets its own link.
 */
import type { Element, ElementContent, Root, Text } from 'hast';
import type { Plugin } from 'unified';
import { replaceTexts } from './text-nodes.js';
import { linkableParts, undocsUrl } from '../model/symbols.js';

/** Where no symbol is linked: inside a link already, style sheets, scripts, the head. */
const unlinked = (element: Element): boolean => ['a', 'style', 'script', 'title', 'head'].includes(element.tagName);

const rehypeSymbolLinks: Plugin<[{ lang: string; yearSeries: readonly string[] }], Root> = function (options) {
  return function (tree) {
    replaceTexts(tree, (node: Text) => {
      const parts = linkableParts(node.value, options.yearSeries);
      if (!parts.some((p) => p.symbol)) return undefined;
      return parts.map((part): ElementContent =>
        part.symbol
          ? { type: 'element', tagName: 'a', properties: { href: undocsUrl(part.text, options.lang), className: ['symbol'], hrefLang: options.lang }, children: [{ type: 'text', value: part.text }] }
          : { type: 'text', value: part.text },
      );
    }, unlinked);
  };
};

export default rehypeSymbolLinks;
