/**
 * The only writes of the pipeline: under the output folder (and, for add-paper and
 * check --fix, the source files an editor asked to create or repair). An edition is staged in a
 * private folder, printed from there, then swapped into place with renames: a reader never
 * sees a half-written file, and a failed build leaves the previous outputs untouched.
 */
import { lstat, mkdir, mkdtemp, open, rename, rm, writeFile } from 'node:fs/promises';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface StagedEdition {
  lang: string;
  dir: string;
  htmlPath: string;
  url: string;
}

function inside(parent: string, child: string): boolean {
  const p = resolve(parent) + sep;
  return resolve(child).startsWith(p);
}

/** Write a file atomically: a temporary file beside it, then a rename. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, path);
}

/** Create a file that must not exist yet (a new source), atomically. */
export async function writeNewFile(path: string, data: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const handle = await open(path, 'wx');
  await handle.close();
  await writeFileAtomic(path, data);
}

/** Create new files, none of which may exist yet: all of them, or none when one is there already. */
export async function writeNewFiles(files: ReadonlyArray<{ path: string; text: string }>): Promise<void> {
  const existing = files.filter((f) => existsSync(f.path)).map((f) => f.path);
  if (existing.length > 0) throw new Error(`Already there: ${existing.join(', ')}`);
  const written: string[] = [];
  try {
    for (const file of files) {
      await writeNewFile(file.path, file.text);
      written.push(file.path);
    }
  } catch (error) {
    // Only the files this call created are removed.
    await Promise.all(written.map((path) => rm(path, { force: true })));
    throw error;
  }
}

export async function createStaging(outDir: string): Promise<string> {
  await mkdir(outDir, { recursive: true });
  return mkdtemp(join(outDir, '.staging-'));
}

/** An edition's HTML, and its fonts: the stylesheet declaring them (`fonts/fonts.css`) and their files. */
export async function stageEdition(
  staging: string,
  lang: string,
  files: { html: string; fonts: { css: string; files: ReadonlyArray<{ name: string; data: Uint8Array }> } },
): Promise<StagedEdition> {
  const dir = join(staging, lang);
  const fonts = join(dir, 'fonts');
  await mkdir(fonts, { recursive: true });
  const htmlPath = join(dir, 'index.html');
  await writeFile(htmlPath, files.html);
  await writeFile(join(fonts, 'fonts.css'), files.fonts.css);
  await Promise.all(
    files.fonts.files.map((font) => {
      const path = join(fonts, font.name);
      if (!inside(fonts, path)) throw new Error(`Refusing to write outside the edition's fonts folder: ${font.name}`);
      return writeFile(path, font.data);
    }),
  );
  return { lang, dir, htmlPath, url: pathToFileURL(htmlPath).href };
}

export async function stageFile(edition: StagedEdition, name: string, data: string | Uint8Array): Promise<void> {
  const path = join(edition.dir, name);
  if (!inside(edition.dir, path)) throw new Error(`Refusing to write outside the edition folder: ${name}`);
  await writeFile(path, data);
}

/**
 * What an edition's folder holds that no build writes there: a build writes its pages
 * (index.html, print.html), its PDF and Akoma Ntoso XML (`files`), and fonts/ with the fonts' stylesheet and WOFF2 files.
 * The folder is replaced whole, so anything else in it (an editor's notes) would be lost.
 */
export function foreignInEdition(dir: string, files: readonly string[]): string[] {
  const list = (path: string) => {
    try {
      return readdirSync(path, { withFileTypes: true });
    } catch {
      return []; // absent: nothing to lose
    }
  };
  const foreign: string[] = [];
  for (const entry of list(dir)) {
    if (entry.name === 'fonts' && entry.isDirectory()) {
      for (const font of list(join(dir, 'fonts'))) {
        if (!(font.isFile() && (font.name === 'fonts.css' || font.name.endsWith('.woff2')))) foreign.push(`fonts/${font.name}`);
      }
    } else if (!(entry.isFile() && ['index.html', 'print.html', ...files].includes(entry.name))) foreign.push(entry.name);
  }
  return foreign.sort();
}

/** Swap a staged edition into `outDir/<lang>`. */
export async function commitEdition(edition: StagedEdition, outDir: string): Promise<string> {
  const target = join(outDir, edition.lang);
  if (!inside(outDir, target)) throw new Error(`Refusing to write outside ${outDir}`);
  const old = `${target}.old-${process.pid}`;
  // Never through a link: what the build replaces is a folder it wrote (see output-folder.ts).
  if ((await lstat(target).catch(() => undefined))?.isSymbolicLink()) throw new Error(`Refusing to replace ${target}: it is a symbolic link`);
  if (existsSync(target)) await rename(target, old);
  await rename(edition.dir, target);
  await rm(old, { recursive: true, force: true });
  return target;
}

export async function removeStaging(staging: string): Promise<void> {
  await rm(staging, { recursive: true, force: true, maxRetries: 3 });
}
