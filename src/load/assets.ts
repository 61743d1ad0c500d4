/** Reads the templates, the font packages' stylesheets and font files (no writes). */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Locale } from '../types.js';
import { memoize } from '../memoize.js';
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
      const [stylesheets, manifest] = await Promise.all([Promise.all(font.css.map((css) => readStylesheet(join(dir, css)))), readStylesheet(join(dir, 'package.json'))]);
      const { version } = JSON.parse(manifest) as { version?: string };
      return { family: font.family, dir, release: `${font.package}@${version ?? '?'}`, stylesheets, subsets: font.subsets };
    }),
  );
}

/** A locale's declared fonts as parsed faces with their files, read and parsed once per process. */
const fontsOfLocale = memoize((key: string): Promise<FontAssets> => loadFontSources(JSON.parse(key) as Pick<Locale, 'lang' | 'fonts'>).then(fontAssets));

export function localeFonts(locale: Pick<Locale, 'lang' | 'fonts'>): Promise<FontAssets> {
  return fontsOfLocale(JSON.stringify({ lang: locale.lang, fonts: locale.fonts }));
}

/**
 * A font file's bytes, read once per process and only to be subset (a subset's cache key
 * names the file by its package release, not by its bytes: src/fonts/subset.ts).
 */
export const readFontFile: (path: string) => Promise<{ bytes: Uint8Array }> = memoize(async (path: string) => ({ bytes: new Uint8Array(await readFile(path)) }));

/** The version of an installed package, found from the file `require.resolve` gives for it. */
async function packageVersion(name: string, resolve: (id: string) => string): Promise<string> {
  for (let dir = dirname(resolve(name)); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8').catch(() => '{}')) as { name?: string; version?: string };
    if (manifest.name === name) return `${name}@${manifest.version ?? '?'}`;
  }
  return `${name}@?`;
}

/**
 * Which subsetter a subset comes from: subset-font, the HarfBuzz build and the woff2 encoder
 * it uses, each as installed (`subset-font@2.9.0 harfbuzzjs@1.6.4 wawoff2@2.0.1`).
 */
export const subsetterVersion: () => Promise<string> = (() => {
  let version: Promise<string> | undefined;
  return () =>
    (version ??= (async () => {
      const fromSubsetFont = createRequire(require.resolve('subset-font'));
      const fromFontverter = createRequire(fromSubsetFont.resolve('fontverter'));
      const versions = await Promise.all([
        packageVersion('subset-font', (id) => require.resolve(id)),
        packageVersion('harfbuzzjs', (id) => fromSubsetFont.resolve(id)),
        packageVersion('wawoff2', (id) => fromFontverter.resolve(id)),
      ]);
      return versions.join(' ');
    })());
})();
