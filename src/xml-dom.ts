/**
 * What the XML writers share (the XLIFF exchange files, the Akoma Ntoso edition): an XML DOM
 * (@xmldom/xmldom) is the serializer — values reach the XML as text nodes and attribute values,
 * escaped by it — and this indents it between structural elements only, never inside mixed
 * content. No I/O.
 */
import type { Element, Node } from '@xmldom/xmldom';

/** Indent the element's children, and theirs, where every child is an element and the element's name is one of `structural`. */
export function indent(element: Element, depth: number, structural: readonly string[]): void {
  if (!structural.includes(element.localName ?? '')) return;
  const doc = element.ownerDocument;
  if (!doc) return;
  const children = [...(element.childNodes as unknown as Iterable<Node>)];
  if (children.length === 0 || children.some((c) => c.nodeType !== 1)) return;
  for (const child of children) {
    element.insertBefore(doc.createTextNode(`\n${'  '.repeat(depth + 1)}`), child);
    indent(child as Element, depth + 1, structural);
  }
  element.appendChild(doc.createTextNode(`\n${'  '.repeat(depth)}`));
}

/** The child elements of a node, of one local name or all. */
export function elements(parent: Node, name?: string): Element[] {
  return [...(parent.childNodes as unknown as Iterable<Node>)].filter((n): n is Element => n.nodeType === 1 && (!name || (n as Element).localName === name));
}
