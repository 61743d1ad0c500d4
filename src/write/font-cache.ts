/**
 * The subset fonts of earlier builds, under `<out>/.cache/fonts/` (inside the cache entry the
 * output marker lists): `<key>.woff2`, or an empty `<key>.none` when the face has none of the
 * characters. A subset is a function of its key (the subsetter, the font file's bytes, the
 * code points: src/fonts/subset.ts), so a rebuild — `--force` too — finds it instead of
 * subsetting again. Like the rest of the cache it is written when the build is done
 * (record): a build that fails leaves the output folder as it was. Written atomically; what
 * no edition of the recorded state uses any more — nor used before its last change (an edit
 * undone) — is then removed.
 */
import { existsSync } from 'node:fs';
import { readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Subset } from '../fonts/subset.js';
import { writeFileAtomic } from './output.js';

function fontCacheDir(outDir: string): string {
  return join(outDir, '.cache', 'fonts');
}

const names = (key: string) => ({ font: `${key}.woff2`, none: `${key}.none` });

async function readIfThere(path: string): Promise<Uint8Array | undefined> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** The cached subset of that key, or undefined when the cache has none (a miss). */
export async function readCachedFont(outDir: string, key: string): Promise<{ subset: Subset } | undefined> {
  const dir = fontCacheDir(outDir);
  const font = await readIfThere(join(dir, names(key).font));
  if (font) return { subset: font };
  return existsSync(join(dir, names(key).none)) ? { subset: undefined } : undefined;
}

/** Keep subsets under their keys: those the cache does not have yet are written. */
export async function writeCachedFonts(outDir: string, subsets: ReadonlyArray<{ key: string; subset: Subset }>): Promise<void> {
  const dir = fontCacheDir(outDir);
  const byKey = new Map(subsets.map((s) => [s.key, s.subset])); // editions share subsets: each is written once
  await Promise.all(
    [...byKey].map(([key, subset]) => {
      const path = join(dir, subset ? names(key).font : names(key).none);
      return existsSync(path) ? undefined : writeFileAtomic(path, subset ?? '');
    }),
  );
}

/** The names this cache writes: a subset, a face with nothing to ship, or what an atomic write of one left (output.ts). */
const WRITTEN = /\.(?:woff2|none)(?:\.\d+\.tmp)?$/;

/**
 * Remove the subsets the folder holds besides those of the keys in `keep` (and writes a crash
 * cut short). Only files of the names this cache writes: anything else put there is left alone.
 */
export async function pruneFontCache(outDir: string, keep: ReadonlySet<string>): Promise<void> {
  const dir = fontCacheDir(outDir);
  const entries = await readdir(dir).catch(() => [] as string[]);
  const wanted = new Set([...keep].flatMap((key) => Object.values(names(key))));
  await Promise.all(entries.filter((name) => WRITTEN.test(name) && !wanted.has(name)).map((name) => rm(join(dir, name), { force: true })));
}
