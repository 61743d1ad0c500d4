/**
 * A font face cut down to the code points an edition uses: HarfBuzz's hb-subset in
 * WebAssembly (subset-font; woff2 in, woff2 out, through fontverter/wawoff2), keeping every
 * OpenType layout feature (the default of subset-font: Arabic joining forms, ligatures,
 * kerning, tabular figures) and the glyphs they reach. Bytes in → bytes out, no I/O;
 * subset-font is loaded only when something is subset.
 */
import { createHash } from 'node:crypto';

let runs = 0;

/** How many faces this process has subset (the cache's tests count them: a hit runs none). */
export function subsetRuns(): number {
  return runs;
}

export async function subsetFace(font: Uint8Array, codePoints: readonly number[]): Promise<Uint8Array> {
  const { default: subsetFont } = await import('subset-font');
  runs++;
  const text = codePoints.map((cp) => String.fromCodePoint(cp)).join('');
  const subset = await subsetFont(Buffer.from(font.buffer, font.byteOffset, font.byteLength), text, { targetFormat: 'woff2' });
  return new Uint8Array(subset.buffer, subset.byteOffset, subset.byteLength);
}

/**
 * What a subset is a function of, as a file-name-safe hash: the subsetter (the versions of
 * subset-font, harfbuzzjs and the woff2 encoder), the font file's own bytes (their hash) and
 * the sorted code points kept.
 */
export function subsetKey(subsetter: string, fontHash: string, codePoints: readonly number[]): string {
  return createHash('sha256').update(`${subsetter}\0${fontHash}\0${codePoints.join(',')}`).digest('hex');
}
