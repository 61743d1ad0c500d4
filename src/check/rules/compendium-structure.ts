/**
 * compendium-structure: the original states a well-formed compendium — theme ids are unique,
 * every paper names a theme of themes.yaml, every theme has at least one paper, every paper
 * and the introduction have paragraphs, and a text holds only paragraphs and the subparagraph
 * lists that follow them (what the numbering can number).
 */
import { lintRule } from '../rule.js';
import { blocksOf } from '../../model/paragraphs.js';
import { closest, didYouMean } from '../../model/suggest.js';

export default lintRule(
  {
    id: 'compendium-structure',
    description: 'Theme ids are unique and each paper names one; each theme has a paper; each paper and the introduction have paragraphs, and hold only paragraphs and their subparagraph lists.',
    example: 'en/themes.yaml:40:7 Theme `organ-removal` has no paper',
    fixable: false,
  },
  (context, report) => {
    const edition = context.original;
    if (!edition) return;
    const themes = edition.themesFile;
    const seen = new Set<string>();
    for (const { theme, point } of edition.own.themes) {
      if (seen.has(theme.id)) report(themes.file, point, `Duplicate theme id \`${theme.id}\``);
      seen.add(theme.id);
    }
    const ids = edition.themes.map((t) => t.id);
    for (const paper of edition.papers) {
      if (ids.includes(paper.theme)) continue;
      report(paper.structureFile, paper.points['theme'], `Unknown theme \`${paper.theme}\`: ${didYouMean(paper.theme, ids) || `themes.yaml has ${ids.join(', ')}`}`);
    }
    // A theme without a paper — unless a paper could not be read, or names it with a typo
    // (reported above): one root cause, one finding.
    const meant = new Set(edition.papers.filter((p) => !ids.includes(p.theme)).map((p) => closest(p.theme, ids)));
    for (const theme of edition.themes) {
      if (edition.unreadable.length > 0 || meant.has(theme.id)) continue;
      if (!edition.papers.some((p) => p.theme === theme.id)) report(themes.file, themes.points[theme.id], `Theme \`${theme.id}\` has no paper`);
    }
    const texts = [{ ...edition.introduction, label: 'The introduction', at: undefined }, ...edition.papers.map((p) => ({ tree: p.tree, file: p.file, label: `Paper ${p.symbol}`, at: p.points['symbol'] }))];
    for (const text of texts) {
      if (!blocksOf(text.tree.children).some((b) => b.kind === 'paragraph')) report(text.file, text.at ?? { line: 1, column: 1 }, `${text.label} has no paragraph`);
    }
    // In every language: only what the numbering can number (raw HTML is source-markup's).
    for (const text of context.texts) {
      for (const block of blocksOf(text.tree.children)) {
        if (block.kind === 'orphan-list') report(text.file, block.node.position, 'A subparagraph list must follow the paragraph that introduces it');
        else if (block.kind === 'unexpected' && block.node.type !== 'html') {
          report(text.file, block.node.position, `Unexpected ${block.node.type}: only paragraphs and subparagraph lists belong in a paper or the introduction`);
        }
      }
    }
  },
);
