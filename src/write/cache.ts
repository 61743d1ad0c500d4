/**
 * The build cache under `<out>/.cache/`: a content hash per edition (its HTML, the fixed
 * date, and the pipeline's own code and locked packages), so an unchanged edition is not
 * printed again; the paragraph numbers of the last build, for the renumbering report; and
 * which subset fonts each edition ships (kept in `.cache/fonts/`: font-cache.ts).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Point, Position } from 'unist';
import { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';
import { writeFileAtomic } from './output.js';
import { memoize } from '../memoize.js';

export interface CacheState {
  editions: Record<string, string>;
  /** Per language: paragraph key (paper symbol or "introduction", with its place) → number. */
  paragraphs: Record<string, Record<string, number>>;
  /** Per language: the keys of the subset fonts its edition ships (what the font cache keeps). */
  fonts: Record<string, string[]>;
  /**
   * Per language: the keys its edition shipped before the last change of them, kept too — an
   * edit undone (a character added, then taken out) finds its subsets instead of making them again.
   */
  fontsBefore?: Record<string, string[]> | undefined;
  /** The last complete build: what it read (`buildKey`), what it reported, what it wrote. */
  last?: LastBuild | undefined;
}

export interface LastBuild {
  key: string;
  /** The editions it built, in order. */
  langs: string[];
  findings: SavedFile[];
  /** Every file the build left in the output folder: relative path → [size, mtime in ms]. */
  outputs: Record<string, [number, number]>;
}

/** A file's findings as JSON: enough to report them again exactly (src/cli/format.ts). */
export interface SavedFile {
  path: string;
  messages: Array<{ reason: string; place?: Point | Position | undefined; ruleId?: string | undefined; source?: string | undefined; fatal?: boolean | null | undefined; note?: string | undefined; url?: string | undefined }>;
}

const EMPTY: CacheState = { editions: {}, paragraphs: {}, fonts: {} };

export async function readCache(outDir: string): Promise<CacheState> {
  try {
    const parsed = JSON.parse(await readFile(join(outDir, '.cache', 'state.json'), 'utf8')) as Partial<CacheState>;
    return { editions: parsed.editions ?? {}, paragraphs: parsed.paragraphs ?? {}, fonts: parsed.fonts ?? {}, fontsBefore: parsed.fontsBefore, last: parsed.last };
  } catch {
    return structuredClone(EMPTY);
  }
}

/**
 * What a build reads and how it was asked, as one key: the code, the sources' digest, the
 * languages asked for, the fixed date. Equal keys and untouched outputs: nothing to do.
 */
export function buildKey(parts: { code: string; inputs: string; langs: readonly string[] | undefined; sourceDateEpoch: string | undefined }): string {
  return createHash('sha256').update(JSON.stringify([parts.code, parts.inputs, parts.langs ?? null, parts.sourceDateEpoch ?? null])).digest('hex');
}

export function saveFindings(files: readonly VFile[]): SavedFile[] {
  return files
    .filter((file) => file.messages.length > 0)
    .map((file) => ({
      path: resolve(file.cwd, file.path),
      messages: file.messages.map((m) => ({ reason: m.reason, place: m.place, ruleId: m.ruleId, source: m.source, fatal: m.fatal, note: m.note, url: m.url })),
    }));
}

export function restoreFindings(saved: readonly SavedFile[]): VFile[] {
  return saved.map((entry) => {
    const file = new VFile({ path: entry.path });
    for (const m of entry.messages) {
      const message = new VFileMessage(m.reason, { place: m.place, ruleId: m.ruleId, source: m.source });
      message.file = file.path;
      message.fatal = m.fatal;
      if (m.note !== undefined) message.note = m.note;
      if (m.url !== undefined) message.url = m.url;
      file.messages.push(message);
    }
    return file;
  });
}

/** Size and modification time of every file under the given entries of the output folder. */
export async function outputFiles(outDir: string, entries: readonly string[]): Promise<Record<string, [number, number]>> {
  const files: Record<string, [number, number]> = {};
  const visit = async (rel: string): Promise<void> => {
    const path = join(outDir, rel);
    const info = await stat(path).catch(() => undefined);
    if (!info) return;
    if (info.isDirectory()) {
      for (const name of (await readdir(path)).sort()) await visit(join(rel, name));
    } else files[rel] = [info.size, Math.round(info.mtimeMs)];
  };
  for (const entry of [...entries].sort()) await visit(entry);
  return files;
}

export function sameOutputs(a: Record<string, [number, number]>, b: Record<string, [number, number]>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => b[k]?.[0] === a[k]?.[0] && b[k]?.[1] === a[k]?.[1]);
}

export async function writeCache(outDir: string, state: CacheState): Promise<void> {
  await writeFileAtomic(join(outDir, '.cache', 'state.json'), `${JSON.stringify(state, null, 1)}\n`);
}

/**
 * A hash of the pipeline itself: its compiled code and its locked packages. Computed once per
 * process: the code that runs is the code that was loaded, even if dist/ is rebuilt meanwhile.
 */
export const codeHash: (root: string) => Promise<string> = memoize(async (root: string): Promise<string> => {
  // Read synchronously: some 160 files, 9 MB, in a few tens of milliseconds (one await per
  // file took five times as long, on the way to the first print).
  const hash = createHash('sha256');
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.js')) hash.update(entry.name).update(readFileSync(path));
    }
  };
  try {
    walk(join(root, 'dist'));
  } catch {
    hash.update('no-dist');
  }
  hash.update(await readFile(join(root, 'package-lock.json')).catch(() => Buffer.from('no-lock')));
  return hash.digest('hex');
});

export function editionKey(code: string, html: string, date: Date): string {
  return createHash('sha256').update(code).update('\0').update(date.toISOString()).update('\0').update(html).digest('hex');
}
