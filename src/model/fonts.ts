/**
 * Font faces, parsed once: the @font-face rules an edition uses, taken from the @fontsource
 * stylesheets (only the subsets the locale names, woff2 only, pointing at `<file>` beside the
 * edition's `fonts/fonts.css`), each with the code points it covers (from its unicode-range;
 * the @fontsource subsets are cut from each font's own character map). And which of them an
 * edition ships, cut down to which characters: the code points its pages use. No I/O.
 */
import { join } from 'node:path';
import { decodeHTML } from 'entities';

export interface FontSource {
  family: string;
  /** Folder of the package (its `files/` holds the fonts). */
  dir: string;
  /** The installed package as `name@version`: with a file's name, what the file is (its bytes are the package's). */
  release: string;
  /** The package's @font-face stylesheets, in the order the locale names them. */
  stylesheets: string[];
  subsets: string[];
}

/** Whether a set of faces has a glyph for a code point. */
export type Coverage = (codePoint: number) => boolean;

export interface FontFaceRule {
  family: string;
  css: string;
  /** The font file: where it is, its name in the edition's folder, and what it is (package@version/name). */
  file: { from: string; name: string; id: string };
  /** Sorted, merged code-point ranges; undefined when the face has no unicode-range (covers all). */
  ranges: ReadonlyArray<readonly [number, number]> | undefined;
}

export interface FontAssets {
  /** Each @font-face rule with its file and coverage, for picking faces by the characters they cover. */
  faces: FontFaceRule[];
  /** Whether any of the faces covers a code point (the full faces: what the sources may use). */
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
          .replace(/src:[^;]*;/, `src: url(${woff2}) format('woff2');`)
          .replace(/font-display:[^;]*;/, 'font-display: block;')
          .replace(/\n\s*/g, ' ')
          .trim();
        const range = /unicode-range:\s*([^;]+);/.exec(body)?.[1];
        faces.push({
          family: source.family,
          css: `@font-face { ${cleaned} }`,
          file: { from: join(source.dir, 'files', woff2), name: woff2, id: `${source.release}/${woff2}` },
          ranges: range === undefined ? undefined : parseUnicodeRange(range),
        });
      }
    }
  }
  return assetsOf(faces);
}

export function assetsOf(faces: readonly FontFaceRule[]): FontAssets {
  const all = faces.some((f) => f.ranges === undefined) ? undefined : merge(faces.flatMap((f) => f.ranges ?? []));
  return { faces: [...faces], covers: coverageOf(all) };
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

/**
 * What Chromium may draw from the stylesheets rather than from the text: the page counters
 * (`n/N`), the hyphen it draws at a soft hyphen (`hyphenate-character`: the stylesheet's "-",
 * or U+2010 for `auto`), list markers (•, ◦, ▪, `1.`), the quotation marks of `<q>` in the
 * editions' languages and the ellipsis of `text-overflow`.
 */
export const DRAWN_BY_THE_BROWSER: readonly number[] = [...'0123456789/.- \u2010\u2022\u25E6\u25AA\u201C\u201D\u2018\u2019\u00AB\u00BB\u201E\u201A\u2039\u203A"\'\u2026'].map(
  (c) => c.codePointAt(0) ?? 0,
);

/** A CSS escape (`\2010 `, `\A`): the code point it stands for. */
const CSS_ESCAPE = /\\([0-9a-f]{1,6})/giu;

/**
 * The code points pages may draw, sorted: every character of their HTML as written — text,
 * attributes, the inline stylesheet's generated content — with character references
 * (`&#x27;`) and CSS escapes decoded, and what the browser draws by itself. A superset (tag
 * names and CSS are counted too): a face is shipped for a character it may have to draw.
 * Control characters and lone surrogates are left out: nothing draws them.
 */
export function usedCodePoints(pages: readonly string[]): number[] {
  // One flag per code point, set in a loop over UTF-16 units: a page of a thousand pages is
  // ~7 MB, which an iterator of one-character strings and a Set took ~0.3 s to go through.
  const used = new Uint8Array(0x110000);
  for (const cp of DRAWN_BY_THE_BROWSER) used[cp] = 1;
  for (const page of pages) {
    const text = decodeHTML(page);
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      const low = unit >= 0xd800 && unit <= 0xdbff ? text.charCodeAt(i + 1) : 0;
      if (low >= 0xdc00 && low <= 0xdfff) {
        used[(unit - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000] = 1;
        i++;
      } else used[unit] = 1;
    }
    for (const m of page.matchAll(CSS_ESCAPE)) used[parseInt(m[1] ?? '0', 16)] = 1; // beyond U+10FFFF: not kept
  }
  const out: number[] = [];
  for (let cp = 0x20; cp < used.length; cp++) {
    if (used[cp] === 1 && !(cp >= 0x7f && cp < 0xa0) && !(cp >= 0xd800 && cp <= 0xdfff)) out.push(cp);
  }
  return out;
}

/** A face to ship, and the used code points it covers: what its subset keeps. */
export interface FaceSubset {
  face: FontFaceRule;
  codePoints: number[];
}

/**
 * Which faces an edition ships: each face whose unicode-range covers a used code point, with
 * those code points (the browser uses a face only for characters in its range), in the
 * faces' order. A face covering none is neither shipped nor declared.
 */
export function subsetPlan(faces: readonly FontFaceRule[], codePoints: readonly number[]): FaceSubset[] {
  return faces.flatMap((face) => {
    const covers = coverageOf(face.ranges);
    const kept = codePoints.filter((cp) => covers(cp));
    return kept.length > 0 ? [{ face, codePoints: kept }] : [];
  });
}

/** Sorted code points as a unicode-range: `U+20-22,U+4E2D,U+6587-6588`. */
export function formatUnicodeRange(codePoints: readonly number[]): string {
  const ranges: Array<[number, number]> = [];
  for (const cp of codePoints) {
    const last = ranges.at(-1);
    if (last && cp === last[1] + 1) last[1] = cp;
    else ranges.push([cp, cp]);
  }
  const hex = (cp: number) => cp.toString(16).toUpperCase();
  return ranges.map(([a, b]) => (a === b ? `U+${hex(a)}` : `U+${hex(a)}-${hex(b)}`)).join(',');
}

/**
 * The stylesheet declaring the shipped faces (an edition's `fonts/fonts.css`), one rule a
 * line, each face's unicode-range narrowed to the code points its subset keeps: the browser
 * takes a face only for characters it has.
 */
export function fontFaceCss(subsets: readonly FaceSubset[]): string {
  return subsets
    .map(({ face, codePoints }) => {
      const range = `unicode-range: ${formatUnicodeRange(codePoints)};`;
      const css = /unicode-range:[^;]*;/.test(face.css) ? face.css.replace(/unicode-range:[^;]*;/, range) : face.css.replace(/\s*\}$/, ` ${range} }`);
      return `${css}\n`;
    })
    .join('');
}
