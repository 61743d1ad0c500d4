/**
 * rehype plugin: a table of contents at the top of the body — chapters and themes, each
 * with its paragraph range ("paras. 4–7") and a link to its anchor. For the screen: the
 * stylesheet hides it in print, and it has no heading, so the PDF outline is unchanged.
 */
import type { Element, ElementContent, Root } from 'hast';
import type { Plugin } from 'unified';
import { SKIP, eachElementIn } from './text-nodes.js';
import { toString } from 'hast-util-to-string';

export interface ContentsOptions {
  /** Label of the navigation ("Contents"). */
  label: string;
  /** "paras. {from}–{to}" */
  range: string;
}

type Range = [number, number];

/** The paragraph numbers a section holds; a section inside it whose range is known already (a theme in its chapter) is not walked again. */
function paragraphRange(section: Element, known: Map<Element, Range | undefined>): Range | undefined {
  let range: Range | undefined;
  const add = (r: Range | undefined) => {
    if (r) range = range ? [Math.min(range[0], r[0]), Math.max(range[1], r[1])] : r;
  };
  eachElementIn(section, (node) => {
    if (node !== section && known.has(node)) {
      add(known.get(node));
      return SKIP;
    }
    const n = node.properties['dataPara'];
    if (typeof n === 'number') add([n, n]);
    return undefined;
  });
  known.set(section, range);
  return range;
}

function headingOf(section: Element): Element | undefined {
  return section.children.find((c): c is Element => c.type === 'element' && /^h[1-6]$/.test(c.tagName));
}

function hasClass(node: Element, name: string): boolean {
  const c = node.properties['className'];
  return Array.isArray(c) && c.includes(name);
}

const rehypeContents: Plugin<[ContentsOptions], Root> = function (options) {
  const entry = (section: Element, children: ElementContent[], known: Map<Element, Range | undefined>): Element | undefined => {
    const range = paragraphRange(section, known);
    const heading = headingOf(section);
    const id = heading?.properties['id'];
    if (!heading || typeof id !== 'string') return undefined;
    const label: ElementContent[] = [{ type: 'element', tagName: 'a', properties: { href: `#${id}` }, children: [{ type: 'text', value: toString(heading).replace(/\s+/g, ' ').trim() }] }];
    if (range) {
      label.push({ type: 'text', value: ' ' }, {
        type: 'element',
        tagName: 'span',
        properties: { className: ['range'] },
        children: [{ type: 'text', value: options.range.replace('{from}', String(range[0])).replace('{to}', String(range[1])) }],
      });
    }
    return { type: 'element', tagName: 'li', properties: {}, children: [...label, ...children] };
  };

  return function (tree) {
    // Each theme's range, then its chapter's from them: every paragraph is looked at once.
    const known = new Map<Element, Range | undefined>();
    const chapters = tree.children.filter((c): c is Element => c.type === 'element' && hasClass(c, 'chapter'));
    const items = chapters.flatMap((chapter) => {
      const themes = chapter.children
        .filter((c): c is Element => c.type === 'element' && hasClass(c, 'theme'))
        .flatMap((theme) => entry(theme, [], known) ?? []);
      const sub: ElementContent[] = themes.length > 0 ? [{ type: 'element', tagName: 'ol', properties: {}, children: themes }] : [];
      return entry(chapter, sub, known) ?? [];
    });
    const nav: Element = {
      type: 'element',
      tagName: 'nav',
      properties: { className: ['contents'], ariaLabel: options.label },
      children: [
        { type: 'element', tagName: 'p', properties: { className: ['contents-title'] }, children: [{ type: 'text', value: options.label }] },
        { type: 'element', tagName: 'ol', properties: {}, children: items },
      ],
    };
    tree.children.unshift(nav);
  };
};

export default rehypeContents;
