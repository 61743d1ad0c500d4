/**
 * Content fingerprints of a loaded project, per language and for what all languages share,
 * so that a long-running process (watch) re-checks and re-transforms only the languages
 * whose sources changed. No I/O: the files' values are already loaded.
 */
import { createHash } from 'node:crypto';
import type { VFile } from 'vfile';
import type { Lang } from '../types.js';
import type { Project } from './project.js';

export interface Fingerprints {
  /** The language a file belongs to (its sources folder or its locale pack), if any. */
  langOf(file: VFile): Lang | undefined;
  /** Per language: its sources and its locale pack. */
  langs: Partial<Record<Lang, string>>;
  /** Everything a language's checks and edition may depend on besides its own files: the shared
   * files (meeting registry, configuration), the original language, every locale pack. */
  shared: string;
}

/** The language a file belongs to, as the loader stamped it (its sources folder or its locale pack). */
const langOf = (file: VFile): Lang | undefined => file.data.lang;
const isLocalePack = (file: VFile): boolean => file.data.localePack === true;

export function fingerprints(project: Project, extra: readonly string[] = []): Fingerprints {
  const own = new Map<Lang, ReturnType<typeof createHash>>();
  const shared = createHash('sha256');
  // The locale packs give every edition its language switcher (names, directions, fonts).
  const locales = createHash('sha256');
  for (const file of [...project.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const lang = langOf(file);
    let hash = lang ? own.get(lang) : shared;
    if (!hash) own.set(lang as Lang, (hash = createHash('sha256')));
    hash.update(file.path).update('\0').update(String(file.value ?? '')).update('\0');
    if (isLocalePack(file)) locales.update(String(file.value ?? '')).update('\0');
  }
  const langs: Partial<Record<Lang, string>> = {};
  for (const [lang, hash] of own) langs[lang] = hash.digest('hex');
  for (const value of extra) shared.update(value).update('\0');
  shared.update(project.original ?? '').update('\0').update(project.original ? (langs[project.original] ?? '') : '').update('\0');
  shared.update(locales.digest('hex'));
  return { langOf, langs, shared: shared.digest('hex') };
}
