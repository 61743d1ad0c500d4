/**
 * compendium-structure: every theme has key topics and at least one paper; every paper has
 * paragraphs; the introduction has paragraphs. (Unknown themes, duplicate papers, missing or
 * unknown metadata keys are found while loading and reported with their own rule ids.)
 */
import { lintRule } from '../rule.js';

export default lintRule(
  {
    id: 'compendium-structure',
    description: 'Each theme has key topics and at least one paper, each paper and the introduction have paragraphs (unknown themes, duplicate papers and missing or unknown metadata are reported by the loader).',
    example: 'en/themes.yaml:40:7 Theme `organ-removal` has no paper',
    fixable: false,
  },
  (context, report) => {
    for (const edition of context.editions) {
      if (edition.lang !== (context.project.original ?? edition.lang)) continue;
      for (const theme of edition.themes) {
        if (!edition.papers.some((p) => p.theme === theme.id)) {
          report(edition.themesFile.file, edition.themesFile.points[theme.id], `Theme \`${theme.id}\` has no paper`);
        }
      }
      if (!edition.introduction.tree.children.some((n) => n.type === 'paragraph')) {
        report(edition.introduction.file, { line: 1, column: 1 }, 'The introduction has no paragraph');
      }
      for (const paper of edition.papers) {
        if (!paper.tree.children.some((n) => n.type === 'paragraph')) report(paper.file, paper.points['symbol'], `Paper ${paper.symbol} has no paragraph`);
      }
    }
  },
);
