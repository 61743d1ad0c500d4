/**
 * The subset fonts of earlier builds, under `<out>/.cache/fonts/<key>.woff2` (inside the
 * cache entry the output marker lists): a subset is a function of its key (the subsetter,
 * the font file's bytes, the code points: src/fonts/subset.ts), so a rebuild — `--force`
 * too — finds it instead of subsetting again. Written atomically; after each build, what no
 * edition of the recorded state uses any more is removed.
 */
import { readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './output.js';

function fontCacheDir(outDir: string): string {
  return join(outDir, '.cache', 'fonts');
}

const fileOf = (key: string): string => `${key}.woff2`;

/** The cached subset of that key, or undefined when there is none. */
export async function readCachedFont(outDir: string, key: string): Promise<Uint8Array | undefined> {
  try {
    return new Uint8Array(await readFile(join(fontCacheDir(outDir), fileOf(key))));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Keep a subset under its key; gives back the bytes. */
export async function writeCachedFont(outDir: string, key: string, data: Uint8Array): Promise<Uint8Array> {
  await writeFileAtomic(join(fontCacheDir(outDir), fileOf(key)), data);
  return data;
}

/** Remove what the folder holds besides the subsets of the keys in `keep` (a write a crash cut short too). */
export async function pruneFontCache(outDir: string, keep: ReadonlySet<string>): Promise<void> {
  const dir = fontCacheDir(outDir);
  const names = await readdir(dir).catch(() => [] as string[]);
  const wanted = new Set([...keep].map(fileOf));
  await Promise.all(names.filter((name) => !wanted.has(name)).map((name) => rm(join(dir, name), { force: true })));
}
