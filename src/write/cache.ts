/**
 * The build cache under `<out>/.cache/`: a content hash per edition (its HTML, the fixed
 * date, and the pipeline's own code and locked packages), so an unchanged edition is not
 * printed again; and the paragraph numbers of the last build, for the renumbering report.
 */
import { createHash } from 'node:crypto';
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './output.js';
import { memoize } from '../memo.js';

export interface CacheState {
  editions: Record<string, string>;
  /** Per language: paragraph key (paper symbol or "introduction", with its place) → number. */
  paragraphs: Record<string, Record<string, number>>;
}

const EMPTY: CacheState = { editions: {}, paragraphs: {} };

export async function readCache(outDir: string): Promise<CacheState> {
  try {
    const parsed = JSON.parse(await readFile(join(outDir, '.cache', 'state.json'), 'utf8')) as Partial<CacheState>;
    return { editions: parsed.editions ?? {}, paragraphs: parsed.paragraphs ?? {} };
  } catch {
    return structuredClone(EMPTY);
  }
}

export async function writeCache(outDir: string, state: CacheState): Promise<void> {
  await writeFileAtomic(join(outDir, '.cache', 'state.json'), `${JSON.stringify(state, null, 1)}\n`);
}

/**
 * A hash of the pipeline itself: its compiled code and its locked packages. Computed once per
 * process: the code that runs is the code that was loaded, even if dist/ is rebuilt meanwhile.
 */
export const codeHash: (root: string) => Promise<string> = memoize(async (root: string): Promise<string> => {
  const hash = createHash('sha256');
  const walk = async (dir: string): Promise<void> => {
    for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.name.endsWith('.js')) hash.update(entry.name).update(await readFile(path));
    }
  };
  await walk(join(root, 'dist')).catch(() => hash.update('no-dist'));
  hash.update(await readFile(join(root, 'package-lock.json')).catch(() => Buffer.from('no-lock')));
  return hash.digest('hex');
});

export function editionKey(code: string, html: string, date: Date): string {
  return createHash('sha256').update(code).update('\0').update(date.toISOString()).update('\0').update(html).digest('hex');
}

/**
 * Whether any file under `inputs` was modified after the cache was last written (or there is
 * no cache). Only a hint, to start the browser early: the content hash decides what is printed.
 */
export async function inputsNewerThanCache(outDir: string, inputs: readonly string[]): Promise<boolean> {
  let since: number;
  try {
    since = (await stat(join(outDir, '.cache', 'state.json'))).mtimeMs;
  } catch {
    return true;
  }
  const newer = async (path: string): Promise<boolean> => {
    const info = await stat(path).catch(() => undefined);
    if (!info) return false;
    if (!info.isDirectory()) return info.mtimeMs > since;
    const entries = await readdir(path).catch(() => []);
    for (const name of entries) if (await newer(join(path, name))) return true;
    return false;
  };
  for (const input of inputs) if (await newer(input)) return true;
  return false;
}
