/**
 * paragraph-numbering: paragraph numbers are computed, consecutive through the document.
 * A number typed in a source (a legacy `12.` prefix, which Markdown reads as a numbered
 * list) must agree with the computed one and is removed by --fix; a cross-reference in the
 * text ("paragraph 23", "paras. 12–15") must point to paragraphs that exist.
 */
import { lintRule } from '../rule.js';
import { blocks, paragraphs } from '../text.js';
import { textsInOrder } from '../../transform/assemble.js';

/** "paragraph 23", "paragraphs 12 and 13", "para. 4", "paras. 12–15" (English). */
const REFERENCE = /\b(?:paragraphs?|paras?\.)\s+(\d+)(?:\s*(?:[–-]|to|and)\s*(\d+))?/g;

export default lintRule(
  {
    id: 'paragraph-numbering',
    description: 'Typed paragraph numbers agree with the computed numbering; cross-references ("paragraph 23", "paras. 12–15") point to paragraphs that exist.',
    example: 'papers/CTOC-COP-WG.4-2010-5.md:9:1 Typed paragraph number 9 disagrees with the computed number 5: remove it',
    fixable: true,
  },
  (context, report) => {
    for (const edition of context.editions) {
      // The computed numbering, in printed order, by source file: a typed number (an ordered
      // list where a paragraph belongs) counts one paragraph per item, as it will once removed.
      let total = 0;
      const byFile = new Map<string, number[]>();
      for (const { file, tree } of textsInOrder(edition)) {
        const numbers: number[] = [];
        for (const node of tree.children) {
          const count = node.type === 'paragraph' ? 1 : node.type === 'list' && node.ordered ? node.children.length : 0;
          for (let i = 0; i < count; i++) numbers.push(++total);
        }
        byFile.set(file.path, numbers);
      }

      for (const text of context.texts.filter((t) => t.lang === edition.lang)) {
        const numbers = byFile.get(text.file.path) ?? [];
        let index = 0;
        for (const block of blocks(text.tree, text.file)) {
          if (block.node.type === 'list' && block.node.ordered) {
            const list = block.node;
            for (const item of list.children) {
              const computed = numbers[index++];
              const start = item.position?.start.offset ?? block.start;
              const typed = /^\s*(\d+)[.)]\s*/.exec(String(text.file.value).slice(start));
              if (!typed) continue;
              const value = Number(typed[1]);
              const reason =
                value === computed
                  ? `Typed paragraph number ${value}: numbers are computed, remove it`
                  : `Typed paragraph number ${value} disagrees with the computed number ${computed ?? '?'}: remove it`;
              report(text.file, context.pointAt(text.file, start), reason, { start, end: start + typed[0].length, text: '' });
            }
          } else if (block.node.type === 'paragraph') {
            index += 1;
          }
        }
        if (edition.lang !== 'en') continue;
        for (const para of paragraphs(text.tree, text.file)) {
          for (const match of para.raw.matchAll(REFERENCE)) {
            const cited = [Number(match[1]), ...(match[2] ? [Number(match[2])] : [])];
            const bad = cited.filter((n) => n < 1 || n > total);
            if (bad.length === 0) continue;
            report(
              text.file,
              context.pointAt(text.file, para.start + match.index),
              `Cross-reference to paragraph ${bad.join(' and ')}, which does not exist (the document has paragraphs 1–${total})`,
            );
          }
        }
      }
    }
  },
);
