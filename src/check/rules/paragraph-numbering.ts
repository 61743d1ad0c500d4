/**
 * paragraph-numbering: paragraph numbers are computed, consecutive through the document
 * (`numberedParagraphs`, the numbering the editions print). A number typed in a source (a
 * legacy `12.` prefix, which Markdown reads as a numbered list) must agree with the computed
 * one and is removed by --fix; a cross-reference in the text ("paragraph 23", "paras. 12–15",
 * as the locale pack's `paragraphReference` says) must point to paragraphs that exist.
 */
import { lintRule } from '../rule.js';
import { paragraphs } from '../text.js';
import { numberedParagraphs } from '../../model/paragraphs.js';
import { memoize } from '../../memoize.js';

const referencePattern = memoize((source: string) => new RegExp(source, 'gu'));

export default lintRule(
  {
    id: 'paragraph-numbering',
    description: 'Typed paragraph numbers agree with the computed numbering; cross-references ("paragraph 23", "paras. 12–15") point to paragraphs that exist.',
    example: 'papers/CTOC-COP-WG.4-2010-5.md:9:1 Typed paragraph number 9 disagrees with the computed number 5: remove it',
    fixable: true,
  },
  (context, report) => {
    for (const edition of context.editions) {
      const numbered = numberedParagraphs(edition);
      const total = numbered.length;
      // Typed numbers: one per item of an ordered list where paragraphs belong.
      const items = new Map<object, number>();
      for (const p of numbered) {
        if (p.block.kind !== 'typed-number') continue;
        const i = items.get(p.block.node) ?? 0;
        items.set(p.block.node, i + 1);
        const item = p.block.node.children[i];
        const start = item?.position?.start.offset;
        if (start === undefined) continue;
        const typed = /^\s*(\d+)[.)]\s*/.exec(String(p.text.file.value).slice(start));
        if (!typed) continue;
        const value = Number(typed[1]);
        const reason =
          value === p.number
            ? `Typed paragraph number ${value}: numbers are computed, remove it`
            : `Typed paragraph number ${value} disagrees with the computed number ${p.number}: remove it`;
        report(p.text.file, context.pointAt(p.text.file, start), reason, { start, end: start + typed[0].length, text: '' });
      }
      const reference = edition.locale.paragraphReference;
      if (!reference) continue;
      for (const text of context.texts.filter((t) => t.lang === edition.lang)) {
        for (const para of paragraphs(text.tree, text.file)) {
          for (const match of para.raw.matchAll(referencePattern(reference))) {
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
