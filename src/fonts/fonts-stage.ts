/**
 * Per-edition stage: the edition's fonts, cut down to the characters its pages use (the web
 * edition and print.html, with what the browser draws by itself: src/model/fonts.ts). A face
 * whose unicode-range covers none of them, or whose font has none of them, is not shipped;
 * each face is subset once per content — kept in this process (watch) and in the output
 * folder's cache (src/write/font-cache.ts, written by the record stage), so a rebuild,
 * `--force` too, subsets nothing again. The HTML does not depend on the result: it links
 * `fonts/fonts.css`, which the stage stage writes with the files.
 */
import { required, worldOf, type BuildState, type EditionJob } from '../run-stages.js';
import type { Disk } from '../load/read.js';
import { fontFaceCss, subsetPlan, usedCodePoints } from '../model/fonts.js';
import type { TransformedEdition } from '../transform/transform-stage.js';
import { readFontFile, subsetterVersion } from '../load/assets.js';
import { readCachedFont } from '../write/font-cache.js';
import { subsetFace, subsetKey, type Subset } from './subset.js';

/** What an edition ships in its `fonts/` folder. */
export interface EditionFonts {
  /** `fonts/fonts.css`: the @font-face rules of the shipped faces. */
  css: string;
  /** The subset font files. */
  files: Array<{ name: string; data: Uint8Array }>;
  /** Every subset the edition asked for, by cache key (shipped or, with none of the characters, not). */
  subsets: Array<{ key: string; subset: Subset }>;
}

/** Subsets this process made or read, by key (a long watch session forgets them all at once). */
const remembered = new Map<string, Promise<Subset>>();
const LIMIT = 4096;

function once(key: string, compute: () => Promise<Subset>): Promise<Subset> {
  const known = remembered.get(key);
  if (known) return known;
  if (remembered.size >= LIMIT) remembered.clear();
  const value = compute();
  remembered.set(key, value);
  value.catch(() => remembered.delete(key)); // a failure is not remembered
  return value;
}

/** The fonts of an edition's pages, subset (or found in the cache under `outDir`); nothing is written. The font files are read from `disk` (default: the file system). */
export async function subsetEditionFonts(edition: Pick<TransformedEdition, 'html' | 'printHtml' | 'fonts'>, outDir: string, disk?: Disk): Promise<EditionFonts> {
  const plan = subsetPlan(edition.fonts.faces, usedCodePoints([edition.html, edition.printHtml]));
  const subsetter = await subsetterVersion();
  const subsets = await Promise.all(
    plan.map(async ({ face, codePoints }) => {
      // A font file is what its package release says it is: it is read only to be subset.
      const key = subsetKey(subsetter, face.file.id, codePoints);
      const subset = await once(key, async () => {
        const cached = await readCachedFont(outDir, key);
        return cached ? cached.subset : subsetFace((await readFontFile(face.file.from, disk)).bytes, codePoints);
      });
      return { key, subset };
    }),
  );
  const shipped = plan.flatMap((p, i) => {
    const data = subsets[i]?.subset;
    return data ? [{ ...p, data }] : [];
  });
  return { css: fontFaceCss(shipped), files: shipped.map((s) => ({ name: s.face.file.name, data: s.data })), subsets };
}

/** Per-edition stage: the edition's fonts, for the stage stage to write. */
export async function fonts(job: EditionJob, state: BuildState): Promise<void> {
  if (state.stopped) throw new Error('The build was stopped');
  state.options.onProgress?.(job.lang, 'fonts');
  job.fonts = await subsetEditionFonts(required(job.edition, 'the transformed edition'), state.options.outDir, worldOf(state).disk);
}
fonts.concurrent = true;
