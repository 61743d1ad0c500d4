/**
 * Values reach the inline stylesheet only through the CSS serializer (src/render/page-css.ts
 * `cssString`): whatever a symbol, a job number or a font name holds — `</style>`, `<!--`,
 * `*\/`, quotes, backslashes, line breaks, controls — it stays inside its CSS string, and the
 * string reads back as the value. Font family names follow a strict grammar in the locale
 * schema. The decoder below follows CSS Syntax Level 3, §4.3.5 and §4.3.7 (strings and escapes),
 * independently of the serializer.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { cssString, pageCss, type PageFurniture } from '../../src/render/page-css.js';
import { localeSchema } from '../../src/load/schema.js';

/** The value of a CSS string token starting at `at` (a double quote), per CSS Syntax §4.3.5. */
function readCssString(css: string, at: number): { value: string; end: number } {
  expect(css[at]).toBe('"');
  let value = '';
  let i = at + 1;
  for (;;) {
    const c = css[i];
    if (c === undefined) throw new Error('unterminated string');
    if (c === '"') return { value, end: i + 1 };
    if (c === '\n') throw new Error('raw newline: a bad string');
    if (c === '\\') {
      const hex = /^[0-9a-fA-F]{1,6}/.exec(css.slice(i + 1))?.[0];
      if (hex) {
        const code = Number.parseInt(hex, 16);
        value += code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? '\uFFFD' : String.fromCodePoint(code);
        i += 1 + hex.length;
        if (/[ \t\n]/.test(css[i] ?? '')) i += 1;
        continue;
      }
      value += css[i + 1] ?? '';
      i += 2;
      continue;
    }
    value += c;
    i += 1;
  }
}

const hostile = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.array(fc.constantFrom('</style>', '</STYLE ', '<!--', '-->', '*/', '/*', '"', "'", '\\', '\n', '\r', '\f', '\u0000', '\u001b', '\u2028', '<script>alert(1)</script>', 'javascript:', ')', '}', ';', 'A/RES/1'), { maxLength: 12 }).map((parts) => parts.join('')),
);

/** What a reader makes of a value: NUL cannot be written in CSS and reads as U+FFFD; lone surrogates likewise. */
const asRead = (s: string) => s.replace(/\u0000/g, '\uFFFD').replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

describe('cssString', () => {
  it('keeps any value inside its string, and it reads back as the value', () => {
    fc.assert(
      fc.property(hostile, (value) => {
        const css = cssString(value);
        expect(css).not.toMatch(/[<>&\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
        const read = readCssString(css, 0);
        expect(read.end).toBe(css.length);
        expect(read.value).toBe(asRead(value));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the page furniture inside one <style> element of the page, whatever the symbol, job number or font names', () => {
    const base: PageFurniture = {
      symbol: 'CTOC/COP/WG.4/2021/3',
      jobNumber: 'V.21-05275',
      jobLanguageCode: 'E',
      processingDates: ['120721'],
      barcodeText: '*2105275*',
      barcodeUrl: 'data:image/png;base64,AAAA',
      qrUrl: 'data:image/png;base64,BBBB',
      fontStack: ['Tinos'],
      dir: 'ltr',
    };
    fc.assert(
      fc.property(hostile, hostile, hostile, (symbol, jobNumber, font) => {
        const css = pageCss({ ...base, symbol, jobNumber, fontStack: [font, 'Tinos'] });
        const tree = unified().use(rehypeParse).parse(`<!DOCTYPE html><html><head><style>${css}</style></head><body><p>x</p></body></html>`) as Root;
        const elements: Element[] = [];
        const walk = (node: Root | Element) => {
          for (const child of node.children) {
            if (child.type === 'element') {
              elements.push(child);
              walk(child);
            }
          }
        };
        walk(tree);
        expect(elements.map((e) => e.tagName)).toEqual(['html', 'head', 'style', 'body', 'p']);
        expect(toString(elements[2] as Element)).toBe(css);
        // The symbol is the content of the running head, whole.
        const at = css.indexOf('@top-right { content: ') + '@top-right { content: '.length;
        expect(readCssString(css, at).value).toBe(asRead(symbol));
      }),
      { numRuns: 200 },
    );
  });
});

describe('font family names in a locale pack', () => {
  const pack = (fontStack: string[], family = 'Tinos') => ({ fonts: [{ package: '@fontsource/tinos', family, css: ['400.css'], subsets: ['latin'] }], fontStack });
  const problems = (fontStack: string[], family?: string) => {
    const result = localeSchema.safeParse(pack(fontStack, family));
    return result.success ? [] : result.error.issues.filter((i) => i.path[0] === 'fontStack' || i.path[0] === 'fonts').map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('are letters, digits, spaces, ".", "_" and "-": the real ones pass, anything that could leave a string is refused', () => {
    for (const name of ['Tinos', 'Amiri', 'Noto Serif SC', 'Source_Han-Serif 2.0']) expect(problems([name]), name).toEqual([]);
    for (const name of ['Tinos"; } body { display: none } /*', 'Tinos</style><script>', "Ti'nos", 'Tinos\\', ' ', '-x']) {
      const found = problems([name]);
      expect(found.length, name).toBeGreaterThan(0);
      for (const message of found) expect(message, name).toMatch(/^fontStack\.0: must (be a font family name|not be empty)/);
    }
    expect(problems(['Tinos'], 'Tinos</style>')).toEqual([expect.stringMatching(/^fonts\.0\.family: must be a font family name/)]);
  });
});
