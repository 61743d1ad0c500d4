/**
 * What a numbered paragraph is, written once for the numbering plugin, the numbering and
 * parity rules and the renumbering report. In a paper or the introduction, a paragraph is a
 * numbered paragraph; a list that follows it holds its subparagraphs. An ordered list where a
 * paragraph belongs (`12. Text`) is a typed number: it counts one paragraph per item (as it
 * will once the number is removed) and is reported. No I/O.
 */
import type { List, Paragraph, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { EditionSource } from '../types.js';
import { textsInOrder, type TextSource } from './edition-texts.js';

export type Block =
  | { kind: 'paragraph'; node: Paragraph; lists: List[] }
  /** An ordered list where paragraphs belong: typed numbers (a list after it belongs to its last item). */
  | { kind: 'typed-number'; node: List; lists: List[] }
  /** A link reference definition: not printed, it gives the address of `[text][label]` links. */
  | { kind: 'definition'; node: RootContent }
  /** A subparagraph list with no paragraph before it. */
  | { kind: 'orphan-list'; node: List }
  /** An HTML comment (a check-ignore note for editors): never printed. */
  | { kind: 'comment'; node: RootContent }
  | { kind: 'unexpected'; node: RootContent };

export function isComment(node: RootContent): boolean {
  return node.type === 'html' && /^<!--[^]*-->$/.test(node.value.trim());
}

/** The blocks of a text body, each paragraph with the subparagraph lists that follow it. */
export function blocksOf(children: readonly RootContent[]): Block[] {
  const out: Block[] = [];
  let last: Extract<Block, { kind: 'paragraph' | 'typed-number' }> | undefined;
  for (const node of children) {
    if (node.type === 'paragraph') out.push((last = { kind: 'paragraph', node, lists: [] }));
    else if (node.type === 'list' && node.ordered) out.push((last = { kind: 'typed-number', node, lists: [] }));
    else if (node.type === 'list') {
      if (last) last.lists.push(node);
      else out.push({ kind: 'orphan-list', node });
    } else if (isComment(node)) out.push({ kind: 'comment', node });
    else if (node.type === 'definition') out.push({ kind: 'definition', node });
    else out.push({ kind: 'unexpected', node });
  }
  return out;
}

/** How many numbers a block takes. */
export function numbersTaken(block: Block): number {
  return block.kind === 'paragraph' ? 1 : block.kind === 'typed-number' ? block.node.children.length : 0;
}

/** The shape parity compares: paragraphs, and the items of each subparagraph list. */
export function shapeOf(tree: Root): { paragraphs: number; subparagraphs: number[] } {
  const blocks = blocksOf(tree.children);
  return {
    paragraphs: blocks.reduce((n, b) => n + numbersTaken(b), 0),
    subparagraphs: blocks.flatMap((b) => (b.kind === 'paragraph' || b.kind === 'typed-number' ? b.lists : b.kind === 'orphan-list' ? [b.node] : []).map((l) => l.children.length)),
  };
}

export interface NumberedParagraph {
  number: number;
  text: TextSource;
  block: Extract<Block, { kind: 'paragraph' | 'typed-number' }>;
  /** Plain text of the paragraph (of the typed item), for following it across builds. */
  plain: string;
}

/** Every numbered paragraph of an edition in printed order, numbered from 1. */
export function numberedParagraphs(edition: EditionSource): NumberedParagraph[] {
  const out: NumberedParagraph[] = [];
  for (const text of textsInOrder(edition)) {
    for (const block of blocksOf(text.tree.children)) {
      if (block.kind === 'paragraph') out.push({ number: out.length + 1, text, block, plain: toString(block.node) });
      else if (block.kind === 'typed-number') {
        for (const item of block.node.children) out.push({ number: out.length + 1, text, block, plain: toString(item) });
      }
    }
  }
  return out;
}
