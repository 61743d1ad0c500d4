import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Element, ElementContent, Root, Text } from 'hast';
import { SKIP as VISIT_SKIP, visitParents } from 'unist-util-visit-parents';
import { visit } from 'unist-util-visit';
import { SKIP, eachElement, eachElementIn, eachText, replaceTexts } from '../../src/transform/text-nodes.js';

// Random hast trees: elements of the names the text plugins look for (and others), some with
// the class `symbol`, text and comments, nested up to five deep.
const tags = ['p', 'main', 'style', 'script', 'head', 'title', 'code', 'pre', 'span', 'a', 'div'];
const { tree } = fc.letrec<{ tree: Root; node: ElementContent }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.string({ maxLength: 4 }).map((value): Text => ({ type: 'text', value })),
    fc.constant<ElementContent>({ type: 'comment', value: 'c' }),
    fc.record({ tag: fc.constantFrom(...tags), symbol: fc.boolean(), children: fc.array(tie('node'), { maxLength: 4 }) }).map(
      ({ tag, symbol, children }): Element => ({ type: 'element', tagName: tag, properties: symbol ? { className: ['symbol'] } : {}, children }),
    ),
  ),
  tree: fc.array(tie('node'), { maxLength: 5 }).map((children): Root => ({ type: 'root', children })),
}));

/** The text nodes visitParents reaches whose ancestors pass `keep` (what the plugins did before). */
function byAncestors(root: Root, keep: (ancestors: Array<Root | Element>) => boolean): Text[] {
  const found: Text[] = [];
  visitParents(root, 'text', (node, ancestors) => {
    if (keep(ancestors as Array<Root | Element>)) found.push(node);
  });
  return found;
}

const element = (a: Root | Element): a is Element => a.type === 'element';

describe('text nodes for the text plugins', () => {
  it('are those outside style and script, in document order (typography, label spaces)', () => {
    fc.assert(
      fc.property(tree, (root) => {
        const found: Text[] = [];
        eachText(root, (t) => found.push(t));
        expect(found).toEqual(byAncestors(root, (ancestors) => !ancestors.some((a) => element(a) && (a.tagName === 'style' || a.tagName === 'script'))));
        expect(found.every((t, i) => found.indexOf(t) === i)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('are, for hyphenation, those inside <main> and below nothing pruned', () => {
    const skip = new Set(['style', 'script', 'head', 'title', 'code', 'pre']);
    const pruned = (e: Element) => skip.has(e.tagName) || (Array.isArray(e.properties['className']) && e.properties['className'].includes('symbol'));
    fc.assert(
      fc.property(tree, (root) => {
        const found: Text[] = [];
        eachElement(root, 'main', (main) => eachText(main, (t) => found.push(t), pruned), pruned);
        const before = byAncestors(root, (ancestors) => ancestors.some((a) => element(a) && a.tagName === 'main') && !ancestors.some((a) => element(a) && pruned(a)));
        expect(found).toEqual(before);
      }),
      { numRuns: 2000 },
    );
  });

  it('can be replaced in their parent, the walk going on after what replaced them (symbol links)', () => {
    // A text of two characters or more becomes a link around its first and the text of the
    // rest, as symbol links do (pruned: links); the rest is not split again.
    const split = (value: string): ElementContent[] | undefined => {
      if (value.length < 2) return undefined;
      return [{ type: 'element', tagName: 'a', properties: {}, children: [{ type: 'text', value: value.slice(0, 1) }] }, { type: 'text', value: value.slice(1) }];
    };
    const inLink = (e: Element) => e.tagName === 'a' || e.tagName === 'style' || e.tagName === 'script';
    fc.assert(
      fc.property(tree, (root) => {
        const before = structuredClone(root);
        visitParents(before, 'text', (node, ancestors) => {
          if (ancestors.some((a) => a.type === 'element' && inLink(a))) return undefined;
          const parts = split(node.value);
          const parent = ancestors.at(-1) as Root | Element;
          if (!parts) return undefined;
          const index = parent.children.indexOf(node);
          parent.children.splice(index, 1, ...(parts as Array<Element & Text>));
          return [VISIT_SKIP, index + parts.length];
        });
        const after = structuredClone(root);
        replaceTexts(after, (node) => split(node.value), inLink);
        expect(after).toEqual(before);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('elements for the element plugins', () => {
  it('are those unist-util-visit reaches, in its order, SKIP leaving out the children, what a visitor puts in walked', () => {
    fc.assert(
      fc.property(tree, fc.constantFrom(...tags), fc.boolean(), (root, skipped, fromElement) => {
        // From the root, or from an element (the contents' ranges walk a section).
        const start: Root | Element = fromElement ? { type: 'element', tagName: 'section', properties: {}, children: root.children as ElementContent[] } : root;
        const order = (walk: (node: Root | Element, fn: (e: Element) => 'skip' | void) => void): string[] => {
          const copy = structuredClone(start);
          const seen: string[] = [];
          let n = 0;
          walk(copy, (e) => {
            seen.push(`${e.tagName}${e.children.length}`);
            // Symbol breaks replace a link's children: what they put there is walked.
            if (e.tagName === 'a') e.children = [...e.children, { type: 'element', tagName: 'wbr', properties: {}, children: [] }];
            return e.tagName === skipped && n++ % 2 === 0 ? 'skip' : undefined;
          });
          return seen;
        };
        const theirs = order((node, fn) => visit(node, 'element', (e: Element) => (fn(e) === 'skip' ? VISIT_SKIP : undefined)));
        const ours = order((node, fn) => eachElementIn(node, (e) => (fn(e) === 'skip' ? SKIP : undefined)));
        expect(ours).toEqual(theirs);
      }),
      { numRuns: 2000 },
    );
  });
});
