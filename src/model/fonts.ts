/**
 * Font faces, parsed once: the @font-face rules an edition uses, taken from the @fontsource
 * stylesheets (only the subsets the locale names, woff2 only, pointing at `fonts/<file>`
 * beside the edition), each with the code points it covers (from its unicode-range; the
 * @fontsource subsets are cut from each font's own character map). No I/O.
 */
import { join } from 'node:path';

export interface FontSource {
  family: string;
  /** Folder of the package (its `files/` holds the fonts). */
  dir: string;
  /** The package's @font-face stylesheets, in the order the locale names them. */
  stylesheets: string[];
  subsets: string[];
}

/** Whether a set of faces has a glyph for a code point. */
export type Coverage = (codePoint: number) => boolean;

export interface FontFaceRule {
  family: string;
  css: string;
  file: { from: string; name: string };
  /** Sorted, merged code-point ranges; undefined when the face has no unicode-range (covers all). */
  ranges: ReadonlyArray<readonly [number, number]> | undefined;
}

export interface FontAssets {
  css: string;
  /** Each @font-face rule with its file and coverage, for picking faces by the characters they cover. */
  faces: FontFaceRule[];
  /** Files to copy: absolute source path → name under the edition's fonts/ folder. */
  files: Array<{ from: string; name: string }>;
  /** Whether any of the faces covers a code point. */
  covers: Coverage;
}

const RULE = /\/\*\s*([^*]+?)\s*\*\/\s*@font-face\s*\{([^}]*)\}/g;

/** `U+0000-00FF, U+0131, U+4??` → sorted, merged ranges. */
export function parseUnicodeRange(value: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const part of value.split(',')) {
    const m = /U\+([0-9a-f?]+)(?:-([0-9a-f]+))?/i.exec(part.trim());
    if (!m?.[1]) continue;
    if (m[1].includes('?')) ranges.push([parseInt(m[1].replace(/\?/g, '0'), 16), parseInt(m[1].replace(/\?/g, 'f'), 16)]);
    else ranges.push([parseInt(m[1], 16), parseInt(m[2] ?? m[1], 16)]);
  }
  return merge(ranges);
}

function merge(ranges: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [a, b] of sorted) {
    const last = merged.at(-1);
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  return merged;
}

/** A code point lookup over ranges by binary search; undefined ranges cover everything. */
function coverageOf(ranges: ReadonlyArray<readonly [number, number]> | undefined): Coverage {
  if (!ranges) return () => true;
  return (cp) => {
    let lo = 0;
    let hi = ranges.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const [a, b] = ranges[mid] as readonly [number, number];
      if (cp < a) hi = mid - 1;
      else if (cp > b) lo = mid + 1;
      else return true;
    }
    return false;
  };
}

export function fontAssets(sources: readonly FontSource[]): FontAssets {
  const faces: FontFaceRule[] = [];
  for (const source of sources) {
    const slug = source.family.toLowerCase().replace(/\s+/g, '-');
    for (const sheet of source.stylesheets) {
      for (const match of sheet.matchAll(RULE)) {
        const [, name = '', body = ''] = match;
        // The comment is `<family-slug>-<subset>-<weight>-<style>`; numbered slices of CJK
        // fonts are `<family-slug>-[<n>]-<weight>-<style>`.
        const subset = name.slice(slug.length + 1).replace(/-\d{3}-(normal|italic)$/, '');
        const wanted = source.subsets.includes(subset) || (source.subsets.includes('*') && /^\[\d+\]$/.test(subset));
        if (!wanted) continue;
        const woff2 = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(body)?.[1];
        if (!woff2) continue;
        const cleaned = body
          .replace(/src:[^;]*;/, `src: url(fonts/${woff2}) format('woff2');`)
          .replace(/font-display:[^;]*;/, 'font-display: block;')
          .replace(/\n\s*/g, ' ')
          .trim();
        const range = /unicode-range:\s*([^;]+);/.exec(body)?.[1];
        faces.push({
          family: source.family,
          css: `@font-face { ${cleaned} }`,
          file: { from: join(source.dir, 'files', woff2), name: woff2 },
          ranges: range === undefined ? undefined : parseUnicodeRange(range),
        });
      }
    }
  }
  return assetsOf(faces);
}

export function assetsOf(faces: readonly FontFaceRule[]): FontAssets {
  const all = faces.some((f) => f.ranges === undefined) ? undefined : merge(faces.flatMap((f) => f.ranges ?? []));
  return { css: faces.map((f) => f.css).join('\n'), faces: [...faces], files: faces.map((f) => f.file), covers: coverageOf(all) };
}

/**
 * Faces of other languages' fonts needed for a few words printed in them — the language
 * names of the switcher ("中文" in the Arabic edition): only the faces (CJK slices) that hold
 * characters the edition's own fonts lack.
 */
export function facesFor(text: string, own: Coverage, others: readonly FontFaceRule[]): FontFaceRule[] {
  const needed = [...new Set([...text].map((c) => c.codePointAt(0) ?? 0))].filter((cp) => cp > 0x20 && !own(cp));
  return others.filter((face) => {
    const covers = coverageOf(face.ranges);
    return needed.some((cp) => covers(cp));
  });
}

/** An edition's own fonts, plus the few faces other languages' names need in its switcher. */
export function editionFonts(own: FontAssets, others: ReadonlyArray<{ name: string; fonts: FontAssets }>): FontAssets {
  const extra = others.flatMap((other) => facesFor(other.name, own.covers, other.fonts.faces));
  return assetsOf([...own.faces, ...extra]);
}
