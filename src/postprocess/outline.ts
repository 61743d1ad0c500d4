/**
 * pdf-lib step: rebuild the bookmarks. Chromium makes one bookmark per heading, but joins
 * words where a heading wraps and reverses Arabic word order; it also bookmarks headings we
 * do not want there. Its items come in heading order, so item i is heading i: we keep the
 * destinations of the headings we want and give them the headings' exact text.
 */
import type { PdfStep } from './document.js';
import { PDFDict, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString, type PDFCatalog, type PDFContext, type PDFObject } from 'pdf-lib';

export interface Heading {
  title: string;
  /** Bookmark level (1 = top) or 0 for a heading that gets no bookmark. */
  bookmark: number;
}

export class OutlineMismatchError extends Error {
  override name = 'OutlineMismatchError';
}

/** Chromium's outline items in document order (depth first), with their destinations. */
export function readOutline(pdf: { catalog: PDFCatalog }): Array<{ title: string; dest: PDFObject | undefined; action: PDFObject | undefined }> {
  const outlines = pdf.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const items: Array<{ title: string; dest: PDFObject | undefined; action: PDFObject | undefined }> = [];
  const walk = (first: PDFDict | undefined): void => {
    for (let item = first; item; item = item.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const title = item.lookup(PDFName.of('Title'));
      items.push({
        title: title instanceof PDFHexString || title instanceof PDFString ? title.decodeText() : '',
        dest: item.get(PDFName.of('Dest')),
        action: item.get(PDFName.of('A')),
      });
      walk(item.lookupMaybe(PDFName.of('First'), PDFDict));
    }
  };
  walk(outlines?.lookupMaybe(PDFName.of('First'), PDFDict));
  return items;
}

/** References of the existing outline dictionaries, to drop them before writing new ones. */
function outlineRefs(pdf: { catalog: PDFCatalog; context: PDFContext }): PDFRef[] {
  const refs: PDFRef[] = [];
  const root = pdf.catalog.get(PDFName.of('Outlines'));
  const visit = (ref: PDFObject | undefined): void => {
    for (let current = ref; current instanceof PDFRef; ) {
      refs.push(current);
      const dict = pdf.context.lookupMaybe(current, PDFDict);
      visit(dict?.get(PDFName.of('First')));
      current = dict?.get(PDFName.of('Next'));
    }
  };
  if (root instanceof PDFRef) {
    refs.push(root);
    visit(pdf.context.lookupMaybe(root, PDFDict)?.get(PDFName.of('First')));
  }
  return refs;
}

interface Node {
  title: string;
  dest: PDFObject | undefined;
  action: PDFObject | undefined;
  children: Node[];
  ref?: PDFRef;
}

export function outlineStep(headings: readonly Heading[]): PdfStep {
  return (pdf) => rebuildOutline(pdf, headings);
}

function rebuildOutline(pdf: { catalog: PDFCatalog; context: PDFContext }, headings: readonly Heading[]): void {
  const items = readOutline(pdf);
  if (items.length !== headings.length) {
    throw new OutlineMismatchError(`The PDF has ${items.length} bookmarks for ${headings.length} headings`);
  }
  // Build the tree of wanted bookmarks.
  const roots: Node[] = [];
  const stack: Array<{ level: number; node: Node }> = [];
  headings.forEach((heading, i) => {
    if (heading.bookmark === 0) return;
    const item = items[i] as (typeof items)[number];
    const node: Node = { title: heading.title, dest: item.dest, action: item.action, children: [] };
    while (stack.length > 0 && (stack.at(-1) as { level: number }).level >= heading.bookmark) stack.pop();
    const parent = stack.at(-1);
    (parent ? parent.node.children : roots).push(node);
    stack.push({ level: heading.bookmark, node });
  });

  const context = pdf.context;
  for (const ref of outlineRefs(pdf)) context.delete(ref);
  const outlinesRef = context.nextRef();
  const count = (nodes: Node[]): number => nodes.reduce((n, node) => n + 1 + count(node.children), 0);
  const write = (nodes: Node[], parentRef: PDFRef): void => {
    for (const node of nodes) node.ref = context.nextRef();
    nodes.forEach((node, i) => {
      const dict = context.obj({}) as PDFDict;
      dict.set(PDFName.of('Title'), PDFHexString.fromText(node.title));
      dict.set(PDFName.of('Parent'), parentRef);
      const prev = nodes[i - 1];
      const next = nodes[i + 1];
      if (prev?.ref) dict.set(PDFName.of('Prev'), prev.ref);
      if (next?.ref) dict.set(PDFName.of('Next'), next.ref);
      if (node.dest) dict.set(PDFName.of('Dest'), node.dest);
      if (node.action) dict.set(PDFName.of('A'), node.action);
      if (node.children.length > 0) {
        write(node.children, node.ref as PDFRef);
        dict.set(PDFName.of('First'), node.children[0]?.ref as PDFRef);
        dict.set(PDFName.of('Last'), node.children.at(-1)?.ref as PDFRef);
        dict.set(PDFName.of('Count'), PDFNumber.of(count(node.children)));
      }
      context.assign(node.ref as PDFRef, dict);
    });
  };
  write(roots, outlinesRef);
  const outlines = context.obj({ Type: 'Outlines' }) as PDFDict;
  if (roots.length > 0) {
    outlines.set(PDFName.of('First'), roots[0]?.ref as PDFRef);
    outlines.set(PDFName.of('Last'), roots.at(-1)?.ref as PDFRef);
  }
  outlines.set(PDFName.of('Count'), PDFNumber.of(count(roots)));
  context.assign(outlinesRef, outlines);
  pdf.catalog.set(PDFName.of('Outlines'), outlinesRef);
  pdf.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}
