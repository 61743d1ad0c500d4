/**
 * `translate export`: one exchange document per language with a unit per translatable text —
 * source the original, target the current translation, a note with its context, and a state:
 * initial (no text yet, or ⟦…⟧ left), translated, needs-review (the original changed since).
 * No I/O.
 */
import { relative } from 'node:path';
import type { Project } from '../load/project.js';
import type { Lang } from '../types.js';
import { pairUnits, type PairedUnit } from './status.js';
import type { ExchangeDocument, ExchangeFile, ExchangeState, XliffVersion } from './xliff.js';
import { wordDiff } from './diff.js';
import { canonical } from './inline.js';

export type Only = 'missing' | 'stale' | 'all';

const STATE: Record<PairedUnit['state'], ExchangeState> = { missing: 'initial', stale: 'needs-review', translated: 'translated' };

export function exportDocument(project: Project, lang: Lang, options: { version: XliffVersion; only: Only; sourcesDir: string }): ExchangeDocument {
  const files = new Map<string, ExchangeFile>();
  for (const unit of pairUnits(project, lang)) {
    if (options.only !== 'all' && unit.state !== options.only) continue;
    const { original } = unit;
    let file = files.get(original.fileId);
    if (!file) {
      file = { id: original.fileId, original: relative(options.sourcesDir, original.file.path).split('\\').join('/'), units: [] };
      files.set(original.fileId, file);
    }
    const notes = [original.context];
    if (unit.state === 'stale') {
      notes.push(
        unit.recorded
          ? `The original changed since this was translated: ${wordDiff(unit.recorded.source, canonical(original.content))}`
          : 'No version of the original was recorded for this translation: review it.',
      );
    }
    file.units.push({
      unitId: original.unitId,
      name: unit.key,
      notes,
      source: original.content,
      target: unit.translation?.content,
      state: STATE[unit.state],
    });
  }
  return { version: options.version, srcLang: project.original ?? 'en', trgLang: lang, files: [...files.values()] };
}
