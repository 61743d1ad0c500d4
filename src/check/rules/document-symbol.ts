/**
 * document-symbol: every symbol, in metadata and in text, follows the UN symbol grammar; a
 * paper's symbol year equals its year; no two papers share a symbol; the symbol a paper
 * cites in its own summary is that paper's.
 */
import { lintRule } from '../rule.js';
import { paragraphs } from '../text.js';
import { checkSymbols, symbolProblems, symbolYear, yearSeriesOf } from '../../model/symbols.js';

/** A series is the paper's own, or one under it (the paper's symbol may be malformed: CTOC/COP/WG4/…). */
function inSeries(series: string | undefined, own: string): boolean {
  return series !== undefined && (series === own || series.startsWith(`${own}/`));
}

export default lintRule(
  {
    id: 'document-symbol',
    description: "Symbols in metadata and text follow the UN symbol grammar; a paper's symbol year is its year; symbols are unique; a paper's summary cites its own symbol.",
    example: 'papers/CTOC-COP-WG.4-2010-5.md:2:9 Symbol CTOC/COP/WG4/2010/5: missing dot in "WG4" (write WG.4)',
    fixable: false,
  },
  (context, report) => {
    const series = context.config.yearSeries;
    const original = context.original;
    if (original) {
      const { meta, structure } = original;
      for (const problem of symbolProblems(meta.symbol, series)) {
        report(structure.file, structure.points['symbol'], `Document symbol ${meta.symbol}: ${problem}`);
      }
      const seen = new Map<string, string>();
      for (const paper of original.papers) {
        const at = paper.points['symbol'];
        for (const problem of symbolProblems(paper.symbol, series)) report(paper.structureFile, at, `Symbol ${paper.symbol}: ${problem}`);
        const year = symbolYear(paper.symbol, series);
        if (year !== undefined && year !== paper.year) {
          report(paper.structureFile, paper.points['year'], `Year ${paper.year} disagrees with the symbol ${paper.symbol}, which is of ${year}`);
        }
        const other = seen.get(paper.symbol);
        if (other) report(paper.structureFile, at, `Symbol ${paper.symbol} is also the symbol of ${other}`);
        seen.set(paper.symbol, paper.structureFile.basename ?? paper.structureFile.path);
        if (paper.symbol === meta.symbol) report(paper.structureFile, at, `Symbol ${paper.symbol} is the compendium's own symbol`);
      }
    }
    for (const text of context.texts) {
      const paras = paragraphs(text.tree, text.file);
      // The paper's own series (CTOC/COP/WG.4): a summary citing another of it cites the wrong paper.
      const ownSeries = text.symbol === undefined ? undefined : yearSeriesOf(text.symbol, series);
      paras.forEach((para, i) => {
        // Found and judged as the edition's links are (rehype-symbol-links): those without problems are linked.
        // A misprint is reported here, at its own place, in every language (a lower-case, mixed-case,
        // spaced or doubled-slash symbol): the other checks compare its nearest valid form.
        for (const candidate of checkSymbols(para.raw, series)) {
          const place = context.pointAt(text.file, para.start + candidate.index);
          for (const problem of candidate.problems) report(text.file, place, `Symbol ${candidate.text}: ${problem}`);
          // The first paragraph of a paper cites the paper itself: a misprint of its own symbol is
          // the misprint only; one with no known valid form is not compared.
          const cited = candidate.nearest;
          if (i === 0 && text.symbol && cited !== undefined && cited !== text.symbol && ownSeries !== undefined && inSeries(yearSeriesOf(cited, series), ownSeries)) {
            report(text.file, place, `The summary cites ${candidate.text}, but this paper is ${text.symbol}`);
          }
        }
      });
    }
  },
);
