/**
 * remark plugin: number the paragraphs consecutively through the whole document.
 *
 * A paragraph directly inside a chapter's body or a paper is a numbered paragraph; a list
 * that follows it holds its subparagraphs. The numbers are computed, never typed: an
 * ordered list where a paragraph belongs (`12. Text`) is a typed number and is reported.
 */
import type { Root, List, Paragraph, RootContent } from 'mdast';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { toString } from 'mdast-util-to-string';
import type { NumberedParagraphNode } from '../types.js';
import { reportOn } from './source-files.js';

const remarkNumberParagraphs: Plugin<[], Root> = function () {
  return function (tree: Root, file: VFile) {
    let number = 0;
    const paragraphs: NonNullable<VFile['data']['paragraphs']> = [];

    const group = (children: RootContent[], path: string | undefined): NumberedParagraphNode[] => {
      const out: NumberedParagraphNode[] = [];
      for (const child of children) {
        if (child.type === 'paragraph') {
          number += 1;
          out.push({ type: 'numberedParagraph', number, children: [child as Paragraph], data: { ...(path ? { path } : {}) } });
          paragraphs.push({ number, path: path ?? '', line: child.position?.start.line ?? 0, text: toString(child) });
        } else if (child.type === 'list' && (child as List).ordered) {
          reportOn(file, path, child, 'Typed paragraph number: remove it, paragraph numbers are computed', 'typed-paragraph-number', { fatal: true });
        } else if (child.type === 'list') {
          const last = out.at(-1);
          if (last) last.children.push(child as List);
          else reportOn(file, path, child, 'A subparagraph list must follow the paragraph that introduces it', 'subparagraph-without-paragraph', { fatal: true });
        } else if (child.type === 'html' && /^<!--[^]*-->$/.test(child.value.trim())) {
          // A comment (e.g. a check-ignore note for editors): never printed.
        } else {
          reportOn(file, path, child, `Unexpected ${child.type} in a paper or chapter: only paragraphs and subparagraph lists belong there`, 'unexpected-block', { fatal: true });
        }
      }
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
