/**
 * Loaded sources → one mdast tree for the edition: chapter I (introduction), chapter II
 * (themes in configured order, each with its papers in printed order — `papersOf`). The
 * papers' own nodes keep their positions in their files, and each custom node carries the
 * span of what it holds, so positions reach the hast tree.
 */
import type { Root } from 'mdast';
import type { ChapterNode, EditionSource, PaperNode, ThemeNode } from '../types.js';
import { papersOf } from '../model/edition-texts.js';
import { chapterNumeral } from '../model/labels.js';
import { spanOf } from './remark-number-paragraphs.js';

function positioned<T extends { children: ReadonlyArray<{ position?: import('unist').Position | undefined }> }>(node: T): T {
  const position = spanOf(node.children);
  return position ? { ...node, position } : node;
}

export function assembleEdition(edition: EditionSource): Root {
  const introduction: ChapterNode = positioned({
    type: 'chapter',
    id: 'introduction',
    numeral: chapterNumeral(edition.locale, 0),
    title: edition.meta.chapters.introduction,
    children: structuredClone(edition.introduction.tree.children) as ChapterNode['children'],
    data: { path: edition.introduction.file.path },
  });
  const themes: ThemeNode[] = edition.themes.map((theme) => {
    const point = edition.themesFile.points[theme.id];
    return {
      type: 'theme',
      id: theme.id,
      title: theme.title,
      keyTopics: theme.keyTopics,
      children: papersOf(edition, theme.id).map(
        (paper): PaperNode =>
          positioned({
            type: 'paper',
            symbol: paper.symbol,
            year: paper.year,
            meeting: paper.meeting,
            children: structuredClone(paper.tree.children) as PaperNode['children'],
            data: { path: paper.file.path },
          }),
      ),
      data: { path: edition.themesFile.file.path },
      ...(point ? { position: { start: point, end: point } } : {}),
    };
  });
  const compendium: ChapterNode = {
    type: 'chapter',
    id: 'compendium',
    numeral: chapterNumeral(edition.locale, 1),
    title: edition.meta.chapters.compendium,
    children: themes,
  };
  return { type: 'root', children: [introduction, compendium] };
}
