/**
 * The text nodes of a hast tree, in document order, below elements that `prune` lets through —
 * the walk the text-rewriting plugins share (typography, label spaces, hyphenation). Written
 * here rather than with unist-util-visit-parents: that one allocates an ancestor list and a
 * closure for every node, which these plugins only searched for a few tag names, and
 * measured as the largest part of the transform (six editions, two trees each).
 */
import type { Element, Root, RootContent, Text } from 'hast';

type Parent = Root | Element;

/** What no text plugin rewrites: the text of style sheets and scripts. */
export const isCode = (element: Element): boolean => element.tagName === 'style' || element.tagName === 'script';

export function eachText(node: Parent, visit: (text: Text) => void, prune: (element: Element) => boolean = isCode): void {
  const children: RootContent[] = node.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i] as RootContent;
    if (child.type === 'text') visit(child);
    else if (child.type === 'element' && !prune(child)) eachText(child, visit, prune);
  }
}

/** The elements named `tagName` that are not below a pruned element (the outermost ones). */
export function eachElement(node: Parent, tagName: string, visit: (element: Element) => void, prune: (element: Element) => boolean = isCode): void {
  for (const child of node.children) {
    if (child.type !== 'element' || prune(child)) continue;
    if (child.tagName === tagName) visit(child);
    else eachElement(child, tagName, visit, prune);
  }
}
