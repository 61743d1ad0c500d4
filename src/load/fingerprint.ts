/**
 * Content fingerprints of a loaded project, per language and for what all languages share,
 * so that a long-running process (watch) re-checks and re-transforms only the languages
 * whose sources changed. No I/O: the files' values are already loaded.
 */
import { createHash } from 'node:crypto';
import { relative, sep } from 'node:path';
import type { VFile } from 'vfile';
import { LANGS, type Lang } from '../types.js';
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

export function fingerprints(project: Project, sourcesDir: string, extra: readonly string[] = []): Fingerprints {
  const langOf = (file: VFile): Lang | undefined => {
    const inSources = relative(sourcesDir, file.path).split(sep)[0];
    if ((LANGS as readonly string[]).includes(inSources ?? '') && !relative(sourcesDir, file.path).startsWith('..')) return inSources as Lang;
    const locale = /[\\/]templates[\\/]locales[\\/]([a-z]{2})\.yaml$/.exec(file.path)?.[1];
    return (LANGS as readonly string[]).includes(locale ?? '') ? (locale as Lang) : undefined;
  };
  const hashes = new Map<Lang | '', ReturnType<typeof createHash>>();
  const hashOf = (key: Lang | '') => {
    let hash = hashes.get(key);
    if (!hash) {
      hash = createHash('sha256');
      hashes.set(key, hash);
    }
    return hash;
  };
  for (const file of [...project.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    hashOf(langOf(file) ?? '').update(file.path).update('\0').update(String(file.value ?? '')).update('\0');
  }
  const langs: Partial<Record<Lang, string>> = {};
  for (const [key, hash] of hashes) if (key !== '') langs[key] = hash.digest('hex');
  const shared = hashOf('');
  for (const value of extra) shared.update(value).update('\0');
  shared.update(project.original ?? '').update('\0').update(project.original ? (langs[project.original] ?? '') : '');
  // The locale packs give every edition its language switcher (names, directions, fonts).
  for (const lang of LANGS) {
    const locale = project.files.find((f) => langOf(f) === lang && f.path.endsWith(`${lang}.yaml`) && /locales/.test(f.path));
    shared.update(String(locale?.value ?? '')).update('\0');
  }
  return { langOf, langs, shared: shared.digest('hex') };
}
