/**
 * What the rules look at: the loaded project, and per edition its source files with their
 * parsed trees, the numbered paragraphs, and helpers to turn offsets into places.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import type { Point } from 'unist';
import type { Project } from '../load/project.js';
import type { EditionSource, Lang } from '../types.js';
import type { Coverage } from '../render/coverage.js';

export interface CheckConfig {
  rules: Record<string, 'off' | 'warning' | 'error'>;
  /** Series whose symbols carry a four-digit year right after them: CTOC/COP/WG.4/2010/5. */
  yearSeries: string[];
}

/** One Markdown source with its tree: a paper or the introduction. */
export interface TextSource {
  lang: Lang;
  file: VFile;
  tree: Root;
  /** The paper's symbol, or undefined for the introduction. */
  symbol: string | undefined;
}

export interface CheckContext {
  project: Project;
  /** Per language: whether its declared fonts cover a character. */
  coverage: Map<Lang, Coverage>;
  config: CheckConfig;
  editions: EditionSource[];
  texts: TextSource[];
  pointAt(file: VFile, offset: number): Point;
}

export function createContext(project: Project, config: CheckConfig, coverage: Map<Lang, Coverage> = new Map()): CheckContext {
  const texts: TextSource[] = project.editions.flatMap((edition) => [
    { lang: edition.lang, file: edition.introduction.file, tree: edition.introduction.tree, symbol: undefined },
    ...edition.papers.map((paper) => ({ lang: edition.lang, file: paper.file, tree: paper.tree, symbol: paper.symbol })),
  ]);
  const locations = new Map<VFile, ReturnType<typeof location>>();
  return {
    project,
    coverage,
    config,
    editions: project.editions,
    texts,
    pointAt(file, offset) {
      let loc = locations.get(file);
      if (!loc) {
        loc = location(file);
        locations.set(file, loc);
      }
      const point = loc.toPoint(offset);
      return point ? { line: point.line, column: point.column, offset } : { line: 1, column: 1 };
    },
  };
}
