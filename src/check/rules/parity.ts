/**
 * parity: every language edition has the original's papers and themes and nothing else, the
 * same number of paragraphs and of subparagraphs in each paper (and the introduction), the
 * same number of key topics per theme, and cites the same document symbols in each paper.
 * A paper that could not be read is reported once, where it failed, not again here; a
 * misprinted symbol once, where it is (document-symbol), not again here as a difference.
 */
import { lintRule } from '../rule.js';
import { paragraphs } from '../text.js';
import { shapeOf } from '../../model/paragraphs.js';
import { checkSymbols } from '../../model/symbols.js';
import { textsOf, type TextSource } from '../../model/edition-texts.js';

/**
 * The symbols a text cites, each by its nearest valid form: a misprint (ctoc/cop/wg.4/2010/2,
 * CTOC//COP/…) is the document-symbol check's finding, at its own place, in the original or in
 * a translation, and compares here as the symbol it stands for (one cause, one finding).
 * `known`: each nearest form with the spelling written; `unknown`: the misprints with no known
 * valid form.
 */
function citedSymbols(t: TextSource, yearSeries: readonly string[]): { known: Map<string, string>; unknown: number } {
  const found = paragraphs(t.tree, t.file).flatMap((p) => checkSymbols(p.raw, yearSeries));
  /** Each nearest valid form, sorted, with the first spelling it is written in. */
  const written = new Map<string, string>();
  for (const c of found) if (c.nearest !== undefined && !written.has(c.nearest)) written.set(c.nearest, c.text);
  const known = new Map([...written.keys()].sort().map((s) => [s, written.get(s) ?? s]));
  return { known, unknown: found.filter((f) => f.nearest === undefined).length };
}

const basename = (path: string): string => path.slice(path.replace(/\\/g, '/').lastIndexOf('/') + 1);
const count = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export default lintRule(
  {
    id: 'parity',
    description: "Every language has the original's papers and themes and no others, the same number of paragraphs and subparagraphs per paper, key topics per theme, and the same symbols in each paper.",
    example: 'fr/papers/CTOC-COP-WG.4-2019-3.md:1:1 3 paragraphs, but the original (en) has 4',
    fixable: false,
  },
  (context, report) => {
    const original = context.original;
    if (!original) return;
    const series = context.config.yearSeries;
    const origTexts = new Map(textsOf(original).map((t) => [t.symbol ?? '', t]));
    const origUnreadable = new Set(original.unreadable.map((f) => basename(f.path)));
    for (const edition of context.editions) {
      if (edition === original) continue;
      const themes = edition.themesFile;
      // Themes: the original's, no others, as many key topics.
      for (const theme of original.themes) {
        const own = edition.themes.find((t) => t.id === theme.id);
        if (!own) report(themes.file, undefined, `Theme \`${theme.id}\` of the original (${original.lang}) is missing here`);
        else if (own.keyTopics.length !== theme.keyTopics.length) {
          report(themes.file, themes.points[theme.id], `Theme \`${theme.id}\` has ${count(own.keyTopics.length, 'key topic')}, but the original (${original.lang}) has ${theme.keyTopics.length}`);
        }
      }
      const seenThemes = new Set<string>();
      for (const { theme, point } of edition.own.themes) {
        if (!original.themes.some((t) => t.id === theme.id)) report(themes.file, point, `Theme \`${theme.id}\` is not in the original (${original.lang})`);
        else if (seenThemes.has(theme.id)) report(themes.file, point, `Theme \`${theme.id}\` is given twice`);
        seenThemes.add(theme.id);
      }
      // Papers: the original's, each once, no others.
      const unreadable = new Set(edition.unreadable.map((f) => basename(f.path)));
      const given = new Map<string, string>();
      for (const paper of edition.own.papers) {
        const other = given.get(paper.symbol);
        if (other) report(paper.file, paper.point, `Paper \`${paper.symbol}\` is also in ${other}`);
        else given.set(paper.symbol, basename(paper.file.path));
        if (!original.papers.some((p) => p.symbol === paper.symbol) && !origUnreadable.has(basename(paper.file.path))) {
          report(paper.file, paper.point, `Paper \`${paper.symbol}\` is not in the original (${original.lang})`);
        }
      }
      for (const paper of original.papers) {
        const name = basename(paper.structureFile.path);
        if (!given.has(paper.symbol) && !unreadable.has(name)) {
          report(edition.document.file, undefined, `Paper \`${paper.symbol}\` has no ${edition.lang} text (expected sources/${edition.lang}/papers/${name})`);
        }
      }
      // Each text: the same shape and the same symbols as the original's.
      for (const text of context.texts.filter((t) => t.lang === edition.lang)) {
        const orig = origTexts.get(text.symbol ?? '');
        if (!orig) continue;
        const a = shapeOf(text.tree);
        const b = shapeOf(orig.tree);
        const place = text.tree.children[0]?.position?.start ?? { line: 1, column: 1 };
        if (a.paragraphs !== b.paragraphs) report(text.file, place, `${count(a.paragraphs, 'paragraph')}, but the original (${original.lang}) has ${b.paragraphs}`);
        if (a.subparagraphs.join() !== b.subparagraphs.join()) {
          report(text.file, place, `Subparagraphs ${a.subparagraphs.join(', ') || 'none'} per list, but the original (${original.lang}) has ${b.subparagraphs.join(', ') || 'none'}`);
        }
        const mine = citedSymbols(text, series);
        const theirs = citedSymbols(orig, series);
        // A misprint with no known valid form (reported where it is) may stand for any one symbol of the other side.
        const missing = [...theirs.known].filter(([s]) => !mine.known.has(s)).slice(mine.unknown).map(([, written]) => written);
        const extra = [...mine.known].filter(([s]) => !theirs.known.has(s)).slice(theirs.unknown).map(([, written]) => written);
        if (missing.length > 0) report(text.file, place, `Missing symbol${missing.length > 1 ? 's' : ''} ${missing.join(', ')} cited in the original (${original.lang})`);
        if (extra.length > 0) report(text.file, place, `Symbol${extra.length > 1 ? 's' : ''} ${extra.join(', ')} not cited in the original (${original.lang})`);
      }
    }
  },
);
