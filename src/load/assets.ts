/** Reads the templates and the font packages' stylesheets (no writes). */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Locale } from '../types.js';
import { memoize } from '../memo.js';
import { fontAssets, type FontAssets, type FontSource } from '../model/fonts.js';

export type { FontSource };

export interface Templates {
  html: string;
  css: string;
}

export async function loadTemplates(root: string): Promise<Templates> {
  const [html, css] = await Promise.all([
    readFile(join(root, 'templates', 'edition.html'), 'utf8'),
    readFile(join(root, 'templates', 'edition.css'), 'utf8'),
  ]);
  return { html, css };
}


const require = createRequire(import.meta.url);

/**
 * A package's stylesheets are read once per process: the checks, every edition and the
 * language switcher of every other edition ask for the same files (and watch asks again on
 * each rebuild; installed packages do not change under a running build).
 */
const readStylesheet = memoize((path: string): Promise<string> => readFile(path, 'utf8'));

export async function loadFontSources(locale: Pick<Locale, 'fonts' | 'lang'>): Promise<FontSource[]> {
  return Promise.all(
    locale.fonts.map(async (font) => {
      let dir: string;
      try {
        dir = dirname(require.resolve(`${font.package}/package.json`));
      } catch {
        throw new Error(`Font package ${font.package} (locale ${locale.lang}) is not installed: run npm ci`);
      }
      const stylesheets = await Promise.all(font.css.map((css) => readStylesheet(join(dir, css))));
      return { family: font.family, dir, stylesheets, subsets: font.subsets };
    }),
  );
}

/** A locale's declared fonts as parsed faces with their files, read and parsed once per process. */
const fontsOfLocale = memoize((key: string): Promise<FontAssets> => loadFontSources(JSON.parse(key) as Pick<Locale, 'lang' | 'fonts'>).then(fontAssets));

export function localeFonts(locale: Pick<Locale, 'lang' | 'fonts'>): Promise<FontAssets> {
  return fontsOfLocale(JSON.stringify({ lang: locale.lang, fonts: locale.fonts }));
}
