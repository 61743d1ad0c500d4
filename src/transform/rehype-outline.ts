/**
 * rehype plugin: collect every heading in document order into `file.data.headings` (the PDF
 * has one bookmark per heading, in that order) with its exact text, and mark the ones that
 * become bookmarks and contents entries: chapters (level 1) and themes (level 2).
 */
import type { Root } from 'hast';
import type { Plugin } from 'unified';
import { eachElementIn } from './text-nodes.js';
import { toString } from 'hast-util-to-string';

const BOOKMARK: Record<string, number> = { h2: 1, h3: 2 };

const rehypeOutline: Plugin<[], Root> = function () {
  return function (tree, file) {
    const headings: NonNullable<typeof file.data.headings> = [];
    eachElementIn(tree, (node) => {
      if (!/^h[1-6]$/.test(node.tagName)) return;
      const id = node.properties['id'];
      headings.push({
        id: typeof id === 'string' ? id : '',
        title: toString(node).replace(/\s+/g, ' ').trim(),
        bookmark: BOOKMARK[node.tagName] ?? 0,
      });
    });
    file.data.headings = headings;
  };
};

export default rehypeOutline;
