/**
 * output/index.html, the list of the editions present in an output folder: written at the end
 * of a build, and by `compendium index` from editions built apart (one CI job per language).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { LANGS, type EditionSource, type Lang } from '../types.js';
import { renderIndex } from '../render/index-page.js';
import { aknName, pdfName } from '../render/template-slots.js';
import { writeFileAtomic } from './output.js';
import { OutputFolderError, readMarker, writeMarker } from './output-folder.js';

/** The languages whose HTML edition is in `outDir`, in the document's language order. */
export function editionsIn(outDir: string): Lang[] {
  return LANGS.filter((lang) => existsSync(join(outDir, lang, 'index.html')));
}

/** Write `outDir/index.html` listing the editions present, titled from `editions` (their sources). */
export async function writeIndexPage(outDir: string, editions: readonly EditionSource[]): Promise<Lang[]> {
  const present = editionsIn(outDir);
  const titles = Object.fromEntries(editions.map((e) => [e.lang, { title: e.meta.title, name: e.locale.name, dir: e.locale.dir }]));
  await writeFileAtomic(join(outDir, 'index.html'), renderIndex(present, titles, { pdf: pdfName, akn: aknName }));
  return present;
}

/**
 * `compendium index` after editions built apart: the index page, never replacing an index.html
 * the tool did not write (the folder's marker lists what it wrote), and the marker updated.
 */
export async function writeAssembledIndex(outDir: string, editions: readonly EditionSource[], present: readonly Lang[]): Promise<void> {
  const marker = readMarker(outDir);
  if (existsSync(join(outDir, 'index.html')) && !marker?.wrote.includes('index.html')) {
    throw new OutputFolderError(`Refusing to replace ${join(outDir, 'index.html')}: it was not written by a build of this tool (move it away, or choose another --out)`);
  }
  await writeIndexPage(outDir, editions);
  await writeMarker(outDir, [...(marker?.wrote ?? []), 'index.html', ...present]);
}
