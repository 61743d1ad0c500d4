/**
 * Per-edition stage: the edition's fonts, cut down to the characters its pages use (the web
 * edition and print.html, with what the browser draws by itself: src/model/fonts.ts). A face
 * covering none of them is not shipped; each other face is subset once per content — kept in
 * this process (watch) and in the output folder's cache (src/write/font-cache.ts), so a rebuild,
 * `--force` too, subsets nothing again. The HTML does not depend on the result: it links
 * `fonts/fonts.css`, which the stage stage writes with the files.
 */
import { required, type BuildState, type EditionJob } from '../stages.js';
import { fontFaceCss, subsetPlan, usedCodePoints } from '../model/fonts.js';
import type { TransformedEdition } from '../transform/edition.js';
import { readFontFile, subsetterVersion } from '../load/assets.js';
import { readCachedFont, writeCachedFont } from '../write/font-cache.js';
import { subsetFace, subsetKey } from './subset.js';

/** What an edition ships in its `fonts/` folder. */
export interface EditionFonts {
  /** `fonts/fonts.css`: the @font-face rules of the shipped faces. */
  css: string;
  /** The subset font files, each with its cache key. */
  files: Array<{ name: string; data: Uint8Array; key: string }>;
}

/** Subsets this process made or read, by output folder and key (a long watch session forgets them all at once). */
const remembered = new Map<string, Promise<Uint8Array>>();
const LIMIT = 4096;

function once(id: string, compute: () => Promise<Uint8Array>): Promise<Uint8Array> {
  const known = remembered.get(id);
  if (known) return known;
  if (remembered.size >= LIMIT) remembered.clear();
  const value = compute();
  remembered.set(id, value);
  value.catch(() => remembered.delete(id)); // a failure is not remembered
  return value;
}

/** The fonts of an edition's pages, subset (or found in the cache under `outDir`). */
export async function subsetEditionFonts(edition: Pick<TransformedEdition, 'html' | 'printHtml' | 'fonts'>, outDir: string): Promise<EditionFonts> {
  const plan = subsetPlan(edition.fonts.faces, usedCodePoints([edition.html, edition.printHtml]));
  const subsetter = await subsetterVersion();
  const files = await Promise.all(
    plan.map(async ({ face, codePoints }) => {
      const source = await readFontFile(face.file.from);
      const key = subsetKey(subsetter, source.hash, codePoints);
      const data = await once(`${outDir}\0${key}`, async () => (await readCachedFont(outDir, key)) ?? writeCachedFont(outDir, key, await subsetFace(source.bytes, codePoints)));
      return { name: face.file.name, data, key };
    }),
  );
  return { css: fontFaceCss(plan), files };
}

/** Per-edition stage: the edition's fonts, for the stage stage to write. */
export async function fonts(job: EditionJob, state: BuildState): Promise<void> {
  if (state.stopped) throw new Error('The build was stopped');
  state.options.onProgress?.(job.lang, 'fonts');
  job.fonts = await subsetEditionFonts(required(job.edition, 'the transformed edition'), state.options.outDir);
}
fonts.concurrent = true;
