/**
 * mdast → hast: one handler per node type the pipeline adds (chapter, theme, paper,
 * numbered paragraph) and the list item, which gains its computed label. Each handler builds
 * its element with hastscript, carries the node's position across (`state.patch`) and
 * honours `data.hName`/`hProperties`/`hChildren` (`state.applyData`), as mdast-util-to-hast's own do.
 */
import { defaultHandlers, type Handlers, type State } from 'mdast-util-to-hast';
import type { Element, ElementContent } from 'hast';
import type { ListItem, Parents } from 'mdast';
import { h } from 'hastscript';
import type { ChapterNode, Locale, NumberedParagraphNode, PaperNode, ThemeNode } from '../types.js';
import { paragraphEid } from '../model/akn.js';
import { chapterNumber, paragraphNumber } from '../model/labels.js';

export function symbolSlug(symbol: string): string {
  return symbol.replace(/[^A-Za-z0-9.]+/g, '-');
}

/** The space after a paragraph number or label: print sets it as a tab stop (edition.css). */
function tab(): Element {
  return h('span', { className: ['tab'] }, ' ');
}

type Custom = ChapterNode | ThemeNode | PaperNode | NumberedParagraphNode;

/** The element for a node: position patched, node data applied. */
function finish(state: State, node: Custom, element: Element): Element {
  state.patch(node, element);
  return state.applyData(node, element) as Element;
}

/** A node's children through the handlers (custom nodes are parents like any other). */
function children(state: State, node: Custom): ElementContent[] {
  return state.all(node);
}

export function createHandlers(locale: Locale): Handlers {
  const handlers = {
    chapter(state: State, node: ChapterNode): Element {
      const numeral = chapterNumber(locale, node.numeral);
      const heading = h('h2', { id: `chapter-${node.id}` }, [h('span', { className: ['chapter-num'] }, numeral), ' ', node.title]);
      return finish(state, node, h('section', { className: ['chapter'], ariaLabelledBy: [`chapter-${node.id}`] }, [heading, ...children(state, node)]));
    },

    theme(state: State, node: ThemeNode): Element {
      const id = `theme-${node.id}`;
      const topics = node.keyTopics.join(locale.listSeparator) + locale.listEnd;
      return finish(
        state,
        node,
        h('section', { className: ['theme'], id: `section-${node.id}`, ariaLabelledBy: [id] }, [
          h('h3', { id }, node.title),
          h('div', { className: ['key-topics'] }, [h('h4', locale.keyTopics), h('p', topics)]),
          ...children(state, node),
        ]),
      );
    },

    paper(state: State, node: PaperNode): Element {
      return finish(state, node, h('div', { className: ['paper'], id: `paper-${symbolSlug(node.symbol)}`, dataSymbol: node.symbol }, children(state, node)));
    },

    numberedParagraph(state: State, node: NumberedParagraphNode): Element {
      const content = children(state, node);
      const first = content.find((c): c is Element => c.type === 'element' && c.tagName === 'p');
      if (first) first.children.unshift(h('span', { className: ['para-num'] }, paragraphNumber(locale, node.number)), tab());
      return finish(state, node, h('div', { className: ['para'], id: `para-${node.number}`, dataPara: node.number, dataEid: paragraphEid(node.number) }, content));
    },

    listItem(state: State, node: ListItem, parent: Parents | undefined): Element {
      const result = defaultHandlers.listItem(state, node, parent);
      const label = node.data?.label;
      if (label) {
        const first = result.children.find((c): c is Element => c.type === 'element' && c.tagName === 'p');
        const host = first ?? result;
        const at = host.children.findIndex((c) => !(c.type === 'text' && c.value.trim() === ''));
        host.children.splice(Math.max(at, 0), 0, h('span', { className: ['label'] }, label), tab());
      }
      if (node.data?.anchor) result.properties = { ...result.properties, id: node.data.anchor, ...(node.data.eId ? { dataEid: node.data.eId } : {}) };
      return result;
    },
  };
  return handlers satisfies Handlers;
}
