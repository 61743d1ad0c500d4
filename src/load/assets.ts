/**
 * Reads the templates, the font packages' stylesheets and font files (no writes), from the
 * World's disk: the file system, or a project held in memory.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Locale } from '../types.js';
import { memoize } from '../memoize.js';
import { fontAssets, type FontAssets, type FontSource } from '../model/fonts.js';
import { nodeDisk, readBytes, readText, type Disk } from './read.js';
import type { World } from './world.js';

export type { FontSource };

export interface Templates {
  html: string;
  css: string;
}

export async function loadTemplates(world: Pick<World, 'templates' | 'disk'>): Promise<Templates> {
  const [html, css] = await Promise.all([readText(join(world.templates, 'edition.html'), world.disk), readText(join(world.templates, 'edition.css'), world.disk)]);
  return { html, css };
}

/**
 * `memoize` for each disk apart: what the file system gives is kept for the life of the
 * process, what a memory disk gives for the life of that disk (and never stands in for the
 * other's).
 */
function memoizeOnDisk<K, V>(compute: (disk: Disk, key: K) => V): (key: K, disk?: Disk) => V {
  const stores = new WeakMap<Disk, (key: K) => V>();
  return (key, disk = nodeDisk) => {
    let store = stores.get(disk);
    if (!store) stores.set(disk, (store = memoize((k: K) => compute(disk, k))));
    return store(key);
  };
}

/**
 * A package's stylesheets are read once per process: the checks, every edition and the
 * language switcher of every other edition ask for the same files (and watch asks again on
 * each rebuild; installed packages do not change under a running build).
 */
const readStylesheet = memoizeOnDisk((disk, path: string): Promise<string> => readText(path, disk));

export async function loadFontSources(locale: Pick<Locale, 'fonts' | 'lang'>, disk: Disk = nodeDisk): Promise<FontSource[]> {
  return Promise.all(
    locale.fonts.map(async (font) => {
      const dir = disk.packageDir(font.package);
      if (dir === undefined) throw new Error(`Font package ${font.package} (locale ${locale.lang}) is not installed: run npm ci`);
      const [stylesheets, manifest] = await Promise.all([Promise.all(font.css.map((css) => readStylesheet(join(dir, css), disk))), readStylesheet(join(dir, 'package.json'), disk)]);
      const { version } = JSON.parse(manifest) as { version?: string };
      return { family: font.family, dir, release: `${font.package}@${version ?? '?'}`, stylesheets, subsets: font.subsets };
    }),
  );
}

/** A locale's declared fonts as parsed faces with their files, read and parsed once per process. */
const fontsOfLocale = memoizeOnDisk((disk, key: string): Promise<FontAssets> => loadFontSources(JSON.parse(key) as Pick<Locale, 'lang' | 'fonts'>, disk).then(fontAssets));

export function localeFonts(locale: Pick<Locale, 'lang' | 'fonts'>, disk: Disk = nodeDisk): Promise<FontAssets> {
  return fontsOfLocale(JSON.stringify({ lang: locale.lang, fonts: locale.fonts }), disk);
}

/**
 * A font file's bytes, read once per process and only to be subset (a subset's cache key
 * names the file by its package release, not by its bytes: src/fonts/subset.ts).
 */
export const readFontFile: (path: string, disk?: Disk) => Promise<{ bytes: Uint8Array }> = memoizeOnDisk(async (disk, path: string) => ({ bytes: new Uint8Array(await readBytes(path, disk)) }));

const require = createRequire(import.meta.url);

/**
 * The version of an installed package, found from the file `require.resolve` gives for it.
 * The subsetter is code this process runs, not part of a project: its manifests are read from
 * the file system whatever disk the project is read from.
 */
async function packageVersion(name: string, resolve: (id: string) => string): Promise<string> {
  for (let dir = dirname(resolve(name)); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = JSON.parse(await readText(join(dir, 'package.json'), nodeDisk).catch(() => '{}')) as { name?: string; version?: string };
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
