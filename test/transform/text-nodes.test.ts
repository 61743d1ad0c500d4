import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Element, ElementContent, Root, Text } from 'hast';
import { visitParents } from 'unist-util-visit-parents';
import { eachElement, eachText } from '../../src/transform/text-nodes.js';

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
});
