/**
 * An edition's texts in printed order, and which edition is the original: computed once for
 * the transform, the rules and the renumbering report. No I/O.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { EditionSource, Lang, PaperSource } from '../types.js';

/** One Markdown source with its tree: a paper or the introduction. */
export interface TextSource {
  lang: Lang;
  file: VFile;
  tree: Root;
  /** The paper's symbol, or undefined for the introduction. */
  symbol: string | undefined;
}

/** The document number: the last numeric component of a symbol (`…/2010/5` → 5). */
export function documentNumber(symbol: string): number {
  const match = /(\d+)\*?$/.exec(symbol);
  return match ? Number(match[1]) : 0;
}

/** Order of papers within a theme: newest year first, then higher document number first. */
export function comparePapers(a: Pick<PaperSource, 'year' | 'symbol'>, b: Pick<PaperSource, 'year' | 'symbol'>): number {
  return b.year - a.year || documentNumber(b.symbol) - documentNumber(a.symbol) || a.symbol.localeCompare(b.symbol);
}

/** A theme's papers in printed order. */
export function papersOf(edition: EditionSource, theme: string): PaperSource[] {
  return edition.papers.filter((paper) => paper.theme === theme).sort(comparePapers);
}

/** The edition's texts in printed order: the introduction, then each theme's papers. */
export function textsInOrder(edition: EditionSource): TextSource[] {
  return [
    { lang: edition.lang, file: edition.introduction.file, tree: edition.introduction.tree, symbol: undefined },
    ...edition.themes.flatMap((theme) => papersOf(edition, theme.id).map((p) => ({ lang: edition.lang, file: p.file, tree: p.tree, symbol: p.symbol }))),
  ];
}

/** The texts of an edition, papers in the folder's order (for the rules). */
export function textsOf(edition: EditionSource): TextSource[] {
  return [
    { lang: edition.lang, file: edition.introduction.file, tree: edition.introduction.tree, symbol: undefined },
    ...edition.papers.map((paper) => ({ lang: edition.lang, file: paper.file, tree: paper.tree, symbol: paper.symbol })),
  ];
}
