/**
 * output/index.html, the list of the editions present in an output folder: written at the end
 * of a build, and by `compendium index` from editions built apart (one CI job per language).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { LANGS, type EditionSource, type Lang } from '../types.js';
import { renderIndex } from '../render/index-page.js';
import { pdfName } from '../render/edition.js';
import { writeFileAtomic } from './output.js';

/** The languages whose HTML edition is in `outDir`, in the document's language order. */
export function editionsIn(outDir: string): Lang[] {
  return LANGS.filter((lang) => existsSync(join(outDir, lang, 'index.html')));
}

/** Write `outDir/index.html` listing the editions present, titled from `editions` (their sources). */
export async function writeIndexPage(outDir: string, editions: readonly EditionSource[]): Promise<Lang[]> {
  const present = editionsIn(outDir);
  const titles = Object.fromEntries(editions.map((e) => [e.lang, { title: e.meta.title, name: e.locale.name, dir: e.locale.dir }]));
  await writeFileAtomic(join(outDir, 'index.html'), renderIndex(present, titles, pdfName));
  return present;
}
