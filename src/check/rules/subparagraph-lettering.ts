/**
 * subparagraph-lettering: letters are computed for structural subparagraphs (a list after a
 * paragraph), so a label typed at the start of a list item must agree and is removed by
 * --fix; enumerations inside running text — "(a) …; (b) …" — must run a, b, c … with no
 * skip or repeat, in the language's label style.
 */
import type { Locale } from '../../types.js';
import { lintRule } from '../rule.js';
import { blocks, paragraphs } from '../text.js';
import { labelPattern, letterLabel } from '../../model/labels.js';

/** The other common style (English `(a)` vs French `a)`), to report a label in the wrong one. */
function otherStyle(labels: Locale['labels']): RegExp | undefined {
  const latin = labels.letters[0] === 'a';
  if (!latin) return undefined;
  return labels.pattern.startsWith('(') ? /(?<![\p{L}\p{N}(])([a-z])\)(?=\s)/gu : /\(([a-z])\)(?=\s)/gu;
}

export default lintRule(
  {
    id: 'subparagraph-lettering',
    description: 'Typed subparagraph labels agree with the computed ones; enumerations in running text run a, b, c … without skip or repeat, in the language\'s label style.',
    example: 'papers/CTOC-COP-WG.4-2010-5.md:15:280 Enumeration skips from (b) to (d)',
    fixable: true,
  },
  (context, report) => {
    for (const edition of context.editions) {
      const { labels } = edition.locale;
      const pattern = labelPattern(labels);
      const other = otherStyle(labels);
      for (const text of context.texts.filter((t) => t.lang === edition.lang)) {
        const value = String(text.file.value);
        // Typed labels at the start of structural subparagraphs.
        for (const block of blocks(text.tree, text.file)) {
          if (block.node.type !== 'list' || block.node.ordered) continue;
          block.node.children.forEach((item, i) => {
            const first = item.children[0];
            const start = first?.position?.start.offset;
            if (start === undefined) return;
            pattern.lastIndex = 0;
            const typed = new RegExp(`^${pattern.source}\\s*`, 'u').exec(value.slice(start));
            if (!typed) return;
            const computed = letterLabel(labels, i);
            const reason =
              typed[0].trim() === computed
                ? `Typed subparagraph label ${computed}: labels are computed, remove it`
                : `Typed subparagraph label ${typed[0].trim()} disagrees with the computed ${computed}: remove it`;
            report(text.file, context.pointAt(text.file, start), reason, { start, end: start + typed[0].length, text: '' });
          });
        }
        // Enumerations inside running text.
        for (const para of paragraphs(text.tree, text.file)) {
          const found = [...para.raw.matchAll(pattern)];
          if (found.length >= 2) {
            let previous = -1;
            const seen = new Set<number>();
            found.forEach((match, i) => {
              const index = labels.letters.indexOf(match[1] ?? '');
              const prev = found[i - 1]?.[0] ?? '';
              let reason: string | undefined;
              if (i === 0 && index !== 0) reason = `Enumeration starts at ${match[0]}, not ${letterLabel(labels, 0)}`;
              else if (seen.has(index)) reason = `Enumeration repeats ${match[0]} after ${prev}`;
              else if (i > 0 && index < previous) reason = `Enumeration goes back from ${prev} to ${match[0]}`;
              else if (i > 0 && index > previous + 1) reason = `Enumeration skips from ${prev} to ${match[0]} (expected ${letterLabel(labels, previous + 1)})`;
              if (reason) report(text.file, context.pointAt(text.file, para.start + match.index), reason);
              seen.add(index);
              previous = Math.max(previous, index);
            });
          }
          if (other) {
            const wrong = [...para.raw.matchAll(other)];
            if (wrong.length >= 2) {
              const first = wrong[0] as RegExpMatchArray;
              report(
                text.file,
                context.pointAt(text.file, para.start + (first.index ?? 0)),
                `Label ${first[0]} is not in the ${edition.locale.name} style: write ${letterLabel(labels, 0)}, ${letterLabel(labels, 1)} …`,
              );
            }
          }
        }
      }
    }
  },
);
