/**
 * A font face cut down to the code points an edition uses: HarfBuzz's hb-subset in
 * WebAssembly (subset-font), keeping every OpenType layout feature (the default of
 * subset-font: Arabic joining forms, ligatures, kerning, tabular figures) and the glyphs they
 * reach; then woff2 (fontverter, wawoff2). Bytes in → bytes out, no I/O; the WebAssembly
 * modules are loaded only when something is subset.
 */
import { createHash } from 'node:crypto';

/** A face's subset as woff2, or undefined when the font has none of the code points (nothing to ship). */
export type Subset = Uint8Array | undefined;

let runs = 0;

/** How many faces this process has subset (the cache's tests count them: a hit runs none). */
export function subsetRuns(): number {
  return runs;
}

export async function subsetFace(font: Uint8Array, codePoints: readonly number[]): Promise<Subset> {
  const [{ default: subsetFont }, { convert }, { Blob, Face }] = await Promise.all([import('subset-font'), import('fontverter'), import('harfbuzzjs')]);
  runs++;
  const text = codePoints.map((cp) => String.fromCodePoint(cp)).join('');
  const sfnt = await subsetFont(Buffer.from(font.buffer, font.byteOffset, font.byteLength), text, { targetFormat: 'truetype' });
  // hb-subset maps exactly the code points asked for that the font has: none, nothing to ship
  // (a unicode-range can claim characters its file lacks: latin-ext's œ is in the latin file).
  if (new Face(new Blob(sfnt)).collectUnicodes().length === 0) return undefined;
  const woff2 = await convert(sfnt, 'woff2', 'truetype');
  return new Uint8Array(woff2.buffer, woff2.byteOffset, woff2.byteLength);
}

/**
 * What a subset is a function of, as a file-name-safe hash: the subsetter (the versions of
 * subset-font, harfbuzzjs and the woff2 encoder), the font file (its package release and name:
 * `@fontsource/tinos@5.3.0/tinos-latin-400-normal.woff2`, as the lock file pins it) and the
 * sorted code points asked for.
 */
export function subsetKey(subsetter: string, font: string, codePoints: readonly number[]): string {
  return createHash('sha256').update(`${subsetter}\0${font}\0${codePoints.join(',')}`).digest('hex');
}
