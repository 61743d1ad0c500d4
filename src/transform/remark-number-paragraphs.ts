/**
 * remark plugin: number the paragraphs consecutively through the whole document.
 *
 * What a numbered paragraph is comes from the model (`blocksOf`): a paragraph directly
 * inside a chapter's body or a paper, with the subparagraph lists that follow it. The numbers
 * are computed, never typed: a typed number (`12. Text`) stops the build here (the
 * paragraph-numbering rule reports it, with a fix, before anything is transformed).
 */
import type { Definition, Root, RootContent } from 'mdast';
import type { Position } from 'unist';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { toString } from 'mdast-util-to-string';
import type { NumberedParagraphNode } from '../types.js';
import { blocksOf } from '../model/paragraphs.js';
import { reportOn } from './source-files.js';

/** The span of a run of nodes of one file (a numbered paragraph and its lists). */
export function spanOf(nodes: ReadonlyArray<{ position?: Position | undefined }>): Position | undefined {
  const start = nodes[0]?.position?.start;
  const end = nodes.at(-1)?.position?.end;
  return start && end ? { start, end } : undefined;
}

const remarkNumberParagraphs: Plugin<[], Root> = function () {
  return function (tree: Root, file: VFile) {
    let number = 0;
    const paragraphs: NonNullable<VFile['data']['paragraphs']> = [];

    const group = (children: RootContent[], path: string | undefined): NumberedParagraphNode[] => {
      const out: NumberedParagraphNode[] = [];
      // Link definitions print nothing but must stay in the tree for `[text][label]` links.
      const definitions: Definition[] = [];
      for (const block of blocksOf(children)) {
        if (block.kind === 'definition' && block.node.type === 'definition') definitions.push(block.node);
        else if (block.kind === 'paragraph') {
          number += 1;
          const position = spanOf([block.node, ...block.lists]);
          out.push({ type: 'numberedParagraph', number, children: [block.node, ...block.lists], data: { ...(path ? { path } : {}) }, ...(position ? { position } : {}) });
          paragraphs.push({ number, path: path ?? '', line: block.node.position?.start.line ?? 0, text: toString(block.node) });
        } else if (block.kind === 'typed-number') {
          reportOn(file, path, block.node, 'Typed paragraph number: remove it, paragraph numbers are computed', 'typed-paragraph-number', { fatal: true });
        } else if (block.kind === 'orphan-list') {
          reportOn(file, path, block.node, 'A subparagraph list must follow the paragraph that introduces it', 'subparagraph-without-paragraph', { fatal: true });
        } else if (block.kind === 'unexpected') {
          reportOn(file, path, block.node, `Unexpected ${block.node.type} in a paper or chapter: only paragraphs and subparagraph lists belong there`, 'unexpected-block', { fatal: true });
        }
      }
      out.at(-1)?.children.push(...definitions);
      return out;
    };

    for (const chapter of tree.children) {
      if (chapter.type !== 'chapter') continue;
      if (chapter.children.every((c) => c.type !== 'theme')) {
        chapter.children = group(chapter.children as RootContent[], chapter.data?.path);
        continue;
      }
      for (const theme of chapter.children) {
        if (theme.type !== 'theme') continue;
        for (const paper of theme.children) paper.children = group(paper.children as RootContent[], paper.data?.path);
      }
    }
    file.data.paragraphs = paragraphs;
  };
};

export default remarkNumberParagraphs;
