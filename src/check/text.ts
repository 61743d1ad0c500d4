/** Helpers the rules share: the blocks of a source with their raw text and offsets. */
import type { List, Paragraph, Root } from 'mdast';
import type { VFile } from 'vfile';

export interface Block {
  node: Paragraph | List;
  /** The raw source text of the block and where it starts in the file. */
  raw: string;
  start: number;
}

export function blocks(tree: Root, file: VFile): Block[] {
  const text = String(file.value);
  const out: Block[] = [];
  for (const node of tree.children) {
    if (node.type !== 'paragraph' && node.type !== 'list') continue;
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? start;
    out.push({ node, raw: text.slice(start, end), start });
  }
  return out;
}

/** Every paragraph's raw text, including the paragraphs inside list items. Found once per text (the rules ask in turn): do not modify. */
export function paragraphs(tree: Root, file: VFile): ReadonlyArray<{ raw: string; start: number; node: Paragraph }> {
  const text = String(file.value);
  const known = found.get(tree);
  if (known?.text === text) return known.paragraphs;
  const out = paragraphsOf(tree, text);
  found.set(tree, { text, paragraphs: out });
  return out;
}

const found = new WeakMap<Root, { text: string; paragraphs: ReadonlyArray<{ raw: string; start: number; node: Paragraph }> }>();

function paragraphsOf(tree: Root, text: string): Array<{ raw: string; start: number; node: Paragraph }> {
  const out: Array<{ raw: string; start: number; node: Paragraph }> = [];
  const visit = (nodes: Root['children']): void => {
    for (const node of nodes) {
      if (node.type === 'paragraph') {
        const start = node.position?.start.offset ?? 0;
        out.push({ raw: text.slice(start, node.position?.end.offset ?? start), start, node });
      } else if ('children' in node) visit(node.children as Root['children']);
    }
  };
  visit(tree.children);
  return out;
}
