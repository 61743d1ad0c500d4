/**
 * Loaded sources → one mdast tree for the edition: chapter I (introduction), chapter II
 * (themes in configured order, each with its papers ordered newest year first, then higher
 * document number first). The papers' own nodes keep their positions in their files.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { ChapterNode, EditionSource, PaperNode, PaperSource, ThemeNode } from '../types.js';

/** The document number: the last numeric component of a symbol (`…/2010/5` → 5). */
export function documentNumber(symbol: string): number {
  const match = /(\d+)\*?$/.exec(symbol);
  return match ? Number(match[1]) : 0;
}

/** Order of papers within a theme: newest year first, then higher document number first. */
export function comparePapers(a: Pick<PaperSource, 'year' | 'symbol'>, b: Pick<PaperSource, 'year' | 'symbol'>): number {
  return b.year - a.year || documentNumber(b.symbol) - documentNumber(a.symbol) || a.symbol.localeCompare(b.symbol);
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

function numeral(edition: EditionSource, index: number): string {
  return edition.locale.chapterNumerals?.[index] ?? ROMAN[index] ?? String(index + 1);
}

/** A theme's papers in printed order. */
function papersOf(edition: EditionSource, theme: string): PaperSource[] {
  return edition.papers.filter((paper) => paper.theme === theme).sort(comparePapers);
}

/** The edition's texts in printed order: the introduction, then each theme's papers. */
export function textsInOrder(edition: EditionSource): Array<{ file: VFile; tree: Root }> {
  return [edition.introduction, ...edition.themes.flatMap((theme) => papersOf(edition, theme.id))];
}

export function assembleEdition(edition: EditionSource): Root {
  const introduction: ChapterNode = {
    type: 'chapter',
    id: 'introduction',
    numeral: numeral(edition, 0),
    title: edition.meta.chapters.introduction,
    children: structuredClone(edition.introduction.tree.children) as ChapterNode['children'],
    data: { path: edition.introduction.file.path },
  };
  const themes: ThemeNode[] = edition.themes.map((theme) => ({
    type: 'theme',
    id: theme.id,
    title: theme.title,
    keyTopics: theme.keyTopics,
    children: papersOf(edition, theme.id).map(
        (paper): PaperNode => ({
          type: 'paper',
          symbol: paper.symbol,
          year: paper.year,
          meeting: paper.meeting,
          children: structuredClone(paper.tree.children) as PaperNode['children'],
          data: { path: paper.file.path },
        }),
      ),
  }));
  const compendium: ChapterNode = {
    type: 'chapter',
    id: 'compendium',
    numeral: numeral(edition, 1),
    title: edition.meta.chapters.compendium,
    children: themes,
  };
  return { type: 'root', children: [introduction, compendium] };
}
