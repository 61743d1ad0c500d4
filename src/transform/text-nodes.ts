/**
 * The walks of a hast tree the transform's plugins share: its text nodes (typography, label
 * spaces, hyphenation, symbol links) and its elements (symbol breaks, outline, contents, CSP),
 * in document order. Written here rather than with unist-util-visit(-parents): that one
 * allocates an ancestor list and a closure for every node, which these plugins only searched
 * for a few tag names, and measured as the largest part of the transform.
 */
import type { Element, ElementContent, Root, RootContent, Text } from 'hast';

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

/**
 * Each text node below no pruned element, replaced by what `replace` gives for it (nothing:
 * kept); the walk goes on after the replacement, which is not walked.
 */
export function replaceTexts(node: Parent, replace: (text: Text) => ElementContent[] | undefined, prune: (element: Element) => boolean = isCode): void {
  const children = node.children as ElementContent[];
  for (let i = 0; i < children.length; ) {
    const child = children[i] as ElementContent;
    const parts = child.type === 'text' ? replace(child) : undefined;
    if (parts) {
      children.splice(i, 1, ...parts);
      i += parts.length;
      continue;
    }
    if (child.type === 'element' && !prune(child)) replaceTexts(child, replace, prune);
    i++;
  }
}

/** Returned by an `eachElementIn` visitor: the element's children are not walked. */
export const SKIP = 'skip';

/**
 * Every element from `node` on (itself first when it is one), in document order; a visitor
 * returning SKIP has the element's children left out. Children are read after the visitor
 * ran, so what it put there is walked.
 */
export function eachElementIn(node: Parent, visit: (element: Element) => typeof SKIP | void): void {
  if (node.type === 'element' && visit(node) === SKIP) return;
  const walk = (parent: Parent): void => {
    for (const child of parent.children) {
      if (child.type !== 'element') continue;
      if (visit(child) !== SKIP) walk(child);
    }
  };
  walk(node);
}

/** The elements named `tagName` that are not below a pruned element (the outermost ones). */
export function eachElement(node: Parent, tagName: string, visit: (element: Element) => void, prune: (element: Element) => boolean = isCode): void {
  for (const child of node.children) {
    if (child.type !== 'element' || prune(child)) continue;
    if (child.tagName === tagName) visit(child);
    else eachElement(child, tagName, visit, prune);
  }
}
