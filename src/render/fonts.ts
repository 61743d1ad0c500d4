/**
 * @font-face rules for an edition from the @fontsource stylesheets: only the subsets the
 * locale names, woff2 only, pointing at `fonts/<file>` beside the edition (no I/O).
 */
import { join } from 'node:path';
import type { FontSource } from '../load/assets.js';

export interface FontAssets {
  css: string;
  /** Files to copy: absolute source path → name under the edition's fonts/ folder. */
  files: Array<{ from: string; name: string }>;
}

const RULE = /\/\*\s*([^*]+?)\s*\*\/\s*@font-face\s*\{([^}]*)\}/g;

export function fontAssets(sources: readonly FontSource[]): FontAssets {
  const rules: string[] = [];
  const files: FontAssets['files'] = [];
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
        files.push({ from: join(source.dir, 'files', woff2), name: woff2 });
        const cleaned = body
          .replace(/src:[^;]*;/, `src: url(fonts/${woff2}) format('woff2');`)
          .replace(/font-display:[^;]*;/, 'font-display: block;')
          .replace(/\n\s*/g, ' ')
          .trim();
        rules.push(`@font-face { ${cleaned} }`);
      }
    }
  }
  return { css: rules.join('\n'), files };
}
