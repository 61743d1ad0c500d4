/**
 * @font-face rules for an edition from the @fontsource stylesheets: only the subsets the
 * locale names, woff2 only, pointing at `fonts/<file>` beside the edition (no I/O).
 */
import { join } from 'node:path';
import type { FontSource } from '../load/assets.js';

export interface FontFaceRule {
  family: string;
  css: string;
  file: { from: string; name: string };
  unicodeRange: string | undefined;
}

export interface FontAssets {
  css: string;
  /** Each @font-face rule with its file, for picking faces by the characters they cover. */
  faces: FontFaceRule[];
  /** Files to copy: absolute source path → name under the edition's fonts/ folder. */
  files: Array<{ from: string; name: string }>;
}

const RULE = /\/\*\s*([^*]+?)\s*\*\/\s*@font-face\s*\{([^}]*)\}/g;

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
        faces.push({
          family: source.family,
          css: `@font-face { ${cleaned} }`,
          file: { from: join(source.dir, 'files', woff2), name: woff2 },
          unicodeRange: /unicode-range:\s*([^;]+);/.exec(body)?.[1],
        });
      }
    }
  }
  return assetsOf(faces);
}

export function assetsOf(faces: readonly FontFaceRule[]): FontAssets {
  return { css: faces.map((f) => f.css).join('\n'), faces: [...faces], files: faces.map((f) => f.file) };
}

/**
 * Faces of other languages' fonts needed for a few words printed in them — the language
 * names of the switcher ("中文" in the Arabic edition): only the faces (CJK slices) that hold
 * characters the edition's own fonts lack.
 */
export function facesFor(text: string, own: (cp: number) => boolean, others: readonly FontFaceRule[], covers: (face: FontFaceRule, cp: number) => boolean): FontFaceRule[] {
  const needed = [...new Set([...text].map((c) => c.codePointAt(0) ?? 0))].filter((cp) => cp > 0x20 && !own(cp));
  return others.filter((face) => needed.some((cp) => covers(face, cp)));
}
