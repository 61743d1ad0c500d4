/**
 * mdast → hast: one handler per node type the pipeline adds (chapter, theme, paper,
 * numbered paragraph) and the list item, which gains its computed label. Positions are
 * carried across with `state.patch`.
 */
import { defaultHandlers, type Handler, type Handlers, type State } from 'mdast-util-to-hast';
import type { Element, ElementContent } from 'hast';
import type { ListItem, Parents } from 'mdast';
import type { ChapterNode, Locale, NumberedParagraphNode, PaperNode, ThemeNode } from '../types.js';

export function symbolSlug(symbol: string): string {
  return symbol.replace(/[^A-Za-z0-9.]+/g, '-');
}

function text(value: string): ElementContent {
  return { type: 'text', value };
}

/** The space after a paragraph number or label: print sets it as a tab stop (edition.css). */
function tab(): ElementContent {
  return { type: 'element', tagName: 'span', properties: { className: ['tab'] }, children: [text(' ')] };
}

export function createHandlers(locale: Locale): Handlers {
  const chapter: Handler = (state: State, node: ChapterNode) => {
    const numeral = locale.chapterNumber.replace('{roman}', node.numeral);
    const heading: Element = {
      type: 'element',
      tagName: 'h2',
      properties: { id: `chapter-${node.id}` },
      children: [{ type: 'element', tagName: 'span', properties: { className: ['chapter-num'] }, children: [text(numeral)] }, text(' '), text(node.title)],
    };
    const result: Element = {
      type: 'element',
      tagName: 'section',
      properties: { className: ['chapter'], ariaLabelledBy: [`chapter-${node.id}`] },
      children: [heading, ...state.all(node as unknown as Parents)],
    };
    state.patch(node, result);
    return result;
  };

  const theme: Handler = (state: State, node: ThemeNode) => {
    const id = `theme-${node.id}`;
    const topics = node.keyTopics.join(locale.listSeparator) + locale.listEnd;
    const result: Element = {
      type: 'element',
      tagName: 'section',
      properties: { className: ['theme'], id: `section-${node.id}`, ariaLabelledBy: [id] },
      children: [
        { type: 'element', tagName: 'h3', properties: { id }, children: [text(node.title)] },
        {
          type: 'element',
          tagName: 'div',
          properties: { className: ['key-topics'] },
          children: [
            { type: 'element', tagName: 'h4', properties: {}, children: [text(locale.keyTopics)] },
            { type: 'element', tagName: 'p', properties: {}, children: [text(topics)] },
          ],
        },
        ...state.all(node as unknown as Parents),
      ],
    };
    state.patch(node, result);
    return result;
  };

  const paper: Handler = (state: State, node: PaperNode) => {
    const result: Element = {
      type: 'element',
      tagName: 'div',
      properties: { className: ['paper'], id: `paper-${symbolSlug(node.symbol)}`, dataSymbol: node.symbol },
      children: state.all(node as unknown as Parents),
    };
    state.patch(node, result);
    return result;
  };

  const numberedParagraph: Handler = (state: State, node: NumberedParagraphNode) => {
    const children = state.all(node as unknown as Parents);
    const first = children.find((c): c is Element => c.type === 'element' && c.tagName === 'p');
    const num: Element = { type: 'element', tagName: 'span', properties: { className: ['para-num'] }, children: [text((locale.paragraphNumber ?? '{number}.').replace('{number}', String(node.number)))] };
    if (first) first.children.unshift(num, tab());
    const result: Element = {
      type: 'element',
      tagName: 'div',
      properties: { className: ['para'], id: `para-${node.number}`, dataPara: node.number },
      children,
    };
    state.patch(node, result);
    return result;
  };

  const listItem: Handler = (state: State, node: ListItem, parent: Parents | undefined) => {
    const result = defaultHandlers.listItem(state, node, parent);
    const label = node.data?.label;
    if (label) {
      const span: Element = { type: 'element', tagName: 'span', properties: { className: ['label'] }, children: [text(label)] };
      const first = result.children.find((c): c is Element => c.type === 'element' && c.tagName === 'p');
      const host = first ?? result;
      const at = host.children.findIndex((c) => !(c.type === 'text' && c.value.trim() === ''));
      host.children.splice(Math.max(at, 0), 0, span, tab());
    }
    if (node.data?.anchor) result.properties = { ...result.properties, id: node.data.anchor };
    return result;
  };

  return { chapter, theme, paper, numberedParagraph, listItem } as unknown as Handlers;
}
