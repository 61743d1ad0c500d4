/**
 * Reading fonts back, independently of the pipeline's own code: the code points a font's
 * character map has (fontkit), the faces an edition's fonts/fonts.css declares, and the code
 * points a page shows (an HTML parser's reading of it).
 */
import { readFile } from 'node:fs/promises';
import { create, type Font } from 'fontkit';
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import { visit } from 'unist-util-visit';
import { parseUnicodeRange } from '../../src/model/fonts.js';

/** The code points a font file (woff2, woff, ttf) maps to glyphs. */
export function characterMap(bytes: Uint8Array): Set<number> {
  const font = create(Buffer.from(bytes)) as Font;
  // U+FFFF is the end marker every format 4 character map has, not a character.
  return new Set(font.characterSet.filter((cp) => cp !== 0xffff));
}

export async function characterMapOf(path: string): Promise<Set<number>> {
  return characterMap(new Uint8Array(await readFile(path)));
}

/** The @font-face rules of a fonts.css: file, family, weight, style and unicode-range (as ranges). */
export function declaredFaces(css: string): Array<{ file: string; family: string; weight: string; style: string; ranges: Array<[number, number]> | undefined }> {
  return [...css.matchAll(/@font-face\s*\{([^}]*)\}/g)].map((m) => {
    const body = m[1] ?? '';
    const get = (name: string) => new RegExp(`${name}:\\s*([^;]+);`).exec(body)?.[1]?.trim();
    const range = get('unicode-range');
    return {
      file: /url\(([^)]+)\)/.exec(body)?.[1] ?? '',
      family: (get('font-family') ?? '').replace(/['"]/g, ''),
      weight: get('font-weight') ?? '',
      style: get('font-style') ?? '',
      ranges: range === undefined ? undefined : parseUnicodeRange(range),
    };
  });
}

/** The code points of a page's text (its stylesheet and script too) and attribute values, as an HTML parser reads them. */
export function pageCodePoints(html: string): Set<number> {
  const found = new Set<number>();
  const add = (text: string) => {
    for (const c of text) found.add(c.codePointAt(0) ?? 0);
  };
  visit(unified().use(rehypeParse).parse(html), (node) => {
    if (node.type === 'text') add(node.value);
    else if (node.type === 'element') for (const value of Object.values(node.properties)) add(Array.isArray(value) ? value.join(' ') : String(value));
  });
  return found;
}
