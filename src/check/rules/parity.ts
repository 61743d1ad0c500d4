/**
 * parity: every language edition has the original's papers and themes, the same number of
 * paragraphs and of subparagraphs in each paper (and the introduction), the same number of
 * key topics per theme, and cites the same document symbols in each paper.
 */
import type { Root } from 'mdast';
import { lintRule } from '../rule.js';
import { paragraphs } from '../text.js';
import { symbolCandidates } from '../../model/symbols.js';

function shape(tree: Root): { paragraphs: number; subparagraphs: number[] } {
  const subparagraphs: number[] = [];
  let count = 0;
  for (const node of tree.children) {
    if (node.type === 'paragraph') count += 1;
    else if (node.type === 'list') subparagraphs.push(node.children.length);
  }
  return { paragraphs: count, subparagraphs };
}

export default lintRule(
  {
    id: 'parity',
    description: "Every language has the original's papers and themes, the same number of paragraphs and subparagraphs per paper, key topics per theme, and the same symbols in each paper.",
    example: 'fr/papers/CTOC-COP-WG.4-2019-3.md:1:1 3 paragraphs, but the original (en) has 4',
    fixable: false,
  },
  (context, report) => {
    const original = context.editions.find((e) => e.lang === context.project.original);
    if (!original) return;
    const origTexts = new Map(context.texts.filter((t) => t.lang === original.lang).map((t) => [t.symbol ?? '', t]));
    for (const edition of context.editions) {
      if (edition === original) continue;
      for (const theme of original.themes) {
        const own = edition.themes.find((t) => t.id === theme.id);
        if (own && own.keyTopics.length !== theme.keyTopics.length) {
          report(edition.themesFile.file, edition.themesFile.points[theme.id], `Theme \`${theme.id}\` has ${own.keyTopics.length} key topics, but the original (${original.lang}) has ${theme.keyTopics.length}`);
        }
      }
      for (const text of context.texts.filter((t) => t.lang === edition.lang)) {
        const orig = origTexts.get(text.symbol ?? '');
        if (!orig) continue;
        const a = shape(text.tree);
        const b = shape(orig.tree);
        const place = text.tree.children[0]?.position?.start ?? { line: 1, column: 1 };
        if (a.paragraphs !== b.paragraphs) report(text.file, place, `${a.paragraphs} paragraphs, but the original (${original.lang}) has ${b.paragraphs}`);
        if (a.subparagraphs.join() !== b.subparagraphs.join()) {
          report(text.file, place, `Subparagraphs ${a.subparagraphs.join(', ') || 'none'} per list, but the original (${original.lang}) has ${b.subparagraphs.join(', ') || 'none'}`);
        }
        const symbols = (t: typeof text) => paragraphs(t.tree, t.file).flatMap((p) => symbolCandidates(p.raw).map((c) => c.text)).sort();
        const mine = symbols(text);
        const theirs = symbols(orig);
        const missing = theirs.filter((s) => !mine.includes(s));
        const extra = mine.filter((s) => !theirs.includes(s));
        if (missing.length > 0) report(text.file, place, `Missing symbol${missing.length > 1 ? 's' : ''} ${missing.join(', ')} cited in the original (${original.lang})`);
        if (extra.length > 0) report(text.file, place, `Symbol${extra.length > 1 ? 's' : ''} ${extra.join(', ')} not cited in the original (${original.lang})`);
      }
    }
  },
);
