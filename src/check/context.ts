/**
 * What the rules look at: the loaded project, and per edition its source files with their
 * parsed trees, the original edition, and helpers to turn offsets into places.
 */
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import type { Point } from 'unist';
import type { Project } from '../load/project.js';
import type { EditionSource, Lang } from '../types.js';
import type { Coverage } from '../model/fonts.js';
import { textsOf, type TextSource } from '../model/edition-texts.js';

export type { TextSource };

export interface CheckConfig {
  /** Series whose symbols carry a four-digit year right after them: CTOC/COP/WG.4/2010/5. */
  yearSeries: string[];
}

export interface CheckContext {
  project: Project;
  /** Per language: whether its declared fonts cover a character. */
  coverage: Map<Lang, Coverage>;
  config: CheckConfig;
  editions: EditionSource[];
  /** The original-language edition (loaded whichever languages were asked for), when it loads. */
  original: EditionSource | undefined;
  /** Every paper and introduction of every edition (papers in the folder's order). */
  texts: TextSource[];
  pointAt(file: VFile, offset: number): Point;
}

export function createContext(project: Project, config: CheckConfig, coverage: Map<Lang, Coverage> = new Map()): CheckContext {
  const texts: TextSource[] = project.editions.flatMap(textsOf);
  const locations = new Map<VFile, ReturnType<typeof location>>();
  return {
    project,
    coverage,
    config,
    editions: project.editions,
    original: project.originalEdition,
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
