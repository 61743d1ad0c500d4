/**
 * rehype plugin: put the edition's body into the HTML template. The template is plain HTML
 * with `data-slot="name"` elements; each slot receives text or a tree. `data-slot-<attr>="name"`
 * fills an attribute; `data-slot-replace="name"` replaces the element with the slot's elements. No I/O: the template text comes in the options.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { Plugin } from 'unified';
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import { SKIP, visit } from 'unist-util-visit';
import { memoize } from '../memoize.js';

export type SlotValue = string | ElementContent[];

export interface TemplateOptions {
  template: string;
  slots: Record<string, SlotValue>;
  /** Attributes of the root `<html>` element (lang, dir). */
  htmlAttributes: Record<string, string>;
  /** The slot that receives the transformed body. */
  bodySlot: string;
}

const parser = unified().use(rehypeParse);

// The template is parsed once per text; each page gets a copy to fill (parse5 took ~1.7 ms a
// page, a copy a tenth of that).
const parsedTemplate = memoize((template: string): Root => parser.parse(template), 16);

const rehypeTemplate: Plugin<[TemplateOptions], Root> = function (options) {
  return function (body) {
    const page = structuredClone(parsedTemplate(options.template));
    const slots: Record<string, SlotValue> = { ...options.slots, [options.bodySlot]: body.children as ElementContent[] };
    const unused = new Set(Object.keys(slots));
    // The body is this run's own tree, placed once: not copied (other element slots are, as
    // each may fill more than one place).
    let bodyPlaced = false;
    // data-slot-replace="name": the element itself is replaced by the slot's elements.
    visit(page, 'element', (node: Element, index, parent) => {
      const name = node.properties['dataSlotReplace'];
      if (typeof name !== 'string' || !parent || index === undefined) return;
      const value = slots[name];
      if (value === undefined || typeof value === 'string') throw new Error(`Template slot "${name}" needs elements`);
      parent.children.splice(index, 1, ...(structuredClone(value) as Element[]));
      unused.delete(name);
      return index + value.length;
    });
    visit(page, 'element', (node: Element) => {
      if (node.tagName === 'html') Object.assign(node.properties, options.htmlAttributes);
      const slot = node.properties['dataSlot'];
      // data-slot-<attribute>="name" fills that attribute with a text slot.
      for (const key of Object.keys(node.properties)) {
        if (!key.startsWith('dataSlot') || key === 'dataSlot') continue;
        const name = node.properties[key];
        const attribute = key.charAt(8).toLowerCase() + key.slice(9);
        const value = typeof name === 'string' ? slots[name] : undefined;
        if (typeof value !== 'string') throw new Error(`Template attribute slot "${String(name)}" has no text value`);
        node.properties[attribute] = value;
        delete node.properties[key];
        unused.delete(name as string);
      }
      if (typeof slot !== 'string') return;
      const value = slots[slot];
      if (value === undefined) throw new Error(`Template slot "${slot}" has no value`);
      const own = slot === options.bodySlot && !bodyPlaced;
      if (own) bodyPlaced = true;
      node.children = typeof value === 'string' ? [{ type: 'text', value }] : own ? value : structuredClone(value);
      delete node.properties['dataSlot'];
      unused.delete(slot);
      // What fills a slot has no slots of its own (the body is sanitized, the others are the
      // renderer's): it is not walked.
      return SKIP;
    });
    if (unused.size > 0) throw new Error(`Template has no slot for: ${[...unused].join(', ')}`);
    return { type: 'root', children: page.children as RootContent[] };
  };
};

export default rehypeTemplate;
