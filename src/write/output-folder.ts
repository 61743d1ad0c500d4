/**
 * Which folder a build may write into, and what inside it the build may replace. The tool only
 * ever removes or replaces what it wrote itself:
 *  - the output folder may not be, contain or lie inside the sources or the templates, nor be or
 *    contain the project root, nor lie inside one of the project's own folders (src/, .git/ …),
 *    nor be the home folder or a file-system root — compared after following symlinks, so a link
 *    into the sources, `--out .`, `--out ..`, `--out sources/..` or a trailing slash change nothing;
 *  - a folder is the tool's when it holds the marker file `.compendium-output.json`, written on
 *    the first build into a new or empty folder; a non-empty folder without it is refused;
 *  - inside a marked folder, only the entries the marker lists (the editions, the index, the cache
 *    and the renumbering report the tool wrote) are ever replaced; anything else is left alone.
 * A refusal is an `OutputFolderError` (the command line exits 2 with its message).
 */
import { closeSync, constants, existsSync, lstatSync, openSync, readSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join, parse, relative, resolve, sep } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from './output.js';

export const MARKER = '.compendium-output.json';
const MARKED_BY = 'un-compendium-pipeline';

/** The default output folder inside the project: the one project folder a build may write into. */
export const DEFAULT_OUTPUT = 'output';

export class OutputFolderError extends Error {
  override name = 'OutputFolderError';
  /** Bad usage: the command line exits 2. */
  readonly exitCode = 2;
}

const markerSchema = z.object({ by: z.literal(MARKED_BY), wrote: z.array(z.string()) });
export type Marker = z.infer<typeof markerSchema>;

export interface ProtectedFolders {
  /** The project root (the folder of compendium.config.yaml, templates/, src/ …). */
  root: string;
  sources: string;
  templates: string;
}

/**
 * A path with every symlink of its existing part followed (realpath of the longest existing
 * ancestor, then the rest): what the path will really be once created.
 */
export function realPath(path: string): string {
  const absolute = resolve(path);
  const rest: string[] = [];
  let existing = absolute;
  for (;;) {
    try {
      return join(realpathSync.native(existing), ...rest.reverse());
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
      const parent = dirname(existing);
      if (parent === existing) return absolute;
      rest.push(basename(existing));
      existing = parent;
    }
  }
}

/** On a case-insensitive file system (macOS, Windows) `Sources` is `sources`. */
function caseInsensitive(dir: string): boolean {
  const flipped = dir.replace(/[a-z]/giu, (c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()));
  if (flipped === dir || !existsSync(flipped)) return false;
  try {
    return statSync(flipped).ino === statSync(dir).ino;
  } catch {
    return false;
  }
}

/** `child` is `parent` or lies inside it. */
function within(parent: string, child: string, fold: boolean): boolean {
  const [p, c] = fold ? [parent.toLowerCase(), child.toLowerCase()] : [parent, child];
  return c === p || c.startsWith(p.endsWith(sep) ? p : p + sep);
}

export function readMarker(outDir: string): Marker | undefined {
  try {
    const parsed = markerSchema.safeParse(JSON.parse(readFileSync(join(outDir, MARKER), 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** What in a folder the tool wrote before markers existed looks like a build's output. */
function toolEntries(outDir: string, names: readonly string[]): string[] {
  return names.filter((name) =>
    ['.cache', 'index.html', 'renumbering.json'].includes(name) || (/^[a-z]{2}$/u.test(name) && existsSync(join(outDir, name, 'index.html'))),
  );
}

export interface OutputFolder {
  /** The folder, absolute, as given (not through its symlinks: messages name what the user typed). */
  dir: string;
  /** What the marker says the tool wrote (empty for a new folder). */
  wrote: string[];
  /** The folder has no marker yet (new, empty, or written by an older version of the tool). */
  unmarked: boolean;
}

/**
 * Decide whether `outDir` may be written by a build, without writing anything. Throws an
 * `OutputFolderError` saying why not.
 */
export function checkOutputFolder(outDir: string, folders: ProtectedFolders): OutputFolder {
  const dir = resolve(outDir);
  const said = outDir;
  const real = realPath(dir);
  const fallback = relative(process.cwd(), join(folders.root, DEFAULT_OUTPUT));
  const refuse = (why: string): never => {
    throw new OutputFolderError(
      `Refusing to write the editions to --out ${said}: ${why}. Choose a new or empty folder, or one an earlier build wrote (such as ${fallback.startsWith('..') ? join(folders.root, DEFAULT_OUTPUT) : fallback}).`,
    );
  };
  refuseNotFolder(dir, refuse);
  refuseProtected(real, folders, refuse);
  if (!existsSync(dir)) return { dir, wrote: [], unmarked: true };
  // Anything the tool made that is not a build's output stays out of the listing (a staging
  // folder or lock of a build interrupted hard is the tool's own, and cleaned by the next).
  const names = readdirSync(dir).filter((name) => name !== MARKER && !name.startsWith('.staging-') && name !== '.build.lock');
  const marker = readMarker(dir);
  if (marker) return { dir, wrote: marker.wrote, unmarked: false };
  if (names.length === 0) return { dir, wrote: [], unmarked: true };
  // The project's own output/ is the tool's by definition (generated, git-ignored; the tests
  // also leave pictures in it), and so is a folder an older version of the tool wrote (its
  // build cache says so): their build outputs are adopted, nothing else.
  if (real === realPath(join(folders.root, DEFAULT_OUTPUT)) || existsSync(join(dir, '.cache', 'state.json'))) {
    return { dir, wrote: toolEntries(dir, names), unmarked: true };
  }
  const shown = names.slice(0, 3).join(', ') + (names.length > 3 ? ', …' : '');
  return refuse(`it is not empty (${shown}) and no build of this tool wrote it (it has no ${MARKER})`);
}

/** A file where the folder, or a folder of its path, should be (`--out notes.txt/out`). */
function refuseNotFolder(dir: string, refuse: (why: string) => never): void {
  if (existsSync(dir) && !statSync(dir).isDirectory()) refuse('it is a file, not a folder');
  for (let up = dirname(dir); up !== dirname(up); up = dirname(up)) {
    if (existsSync(up)) {
      if (!statSync(up).isDirectory()) refuse(`${up} is a file, not a folder`);
      break;
    }
  }
}

/** The names `translate export` gives its files. */
export const EXPORT_NAME = /^compendium-[a-z]{2}\.xlf$/;

/**
 * Decide whether `translate export --out` may write `files` (absolute paths, all in one folder:
 * the folder given, or the folder of the one .xlf file given), without writing anything. The
 * same places are refused as for a build (`refuseProtected`); the folder must be new, empty, or
 * hold nothing but XLIFF exports of this tool (named as it names them, holding XLIFF) and the
 * files to be written; a file to be replaced must be a plain file holding XLIFF, not a link or
 * a file of yours. Throws an `OutputFolderError` saying why not.
 */
export function checkExportTarget(said: string, files: readonly string[], folders: ProtectedFolders): void {
  const refuse = (why: string): never => {
    throw new OutputFolderError(`Refusing to write the XLIFF files to --out ${said}: ${why}. Choose a new or empty folder (the default is ${join(folders.root, DEFAULT_OUTPUT, 'xliff')}).`);
  };
  const dirs = [...new Set(files.map((f) => dirname(resolve(f))))];
  for (const dir of dirs) {
    refuseNotFolder(dir, refuse);
    refuseProtected(realPath(dir), folders, refuse);
    if (!existsSync(dir)) continue;
    const mine = new Set(files.filter((f) => dirname(resolve(f)) === dir).map((f) => basename(f)));
    // An export is named as the tool names them and holds XLIFF (a file of yours that only
    // has the name is not one).
    const others = readdirSync(dir).filter((name) => !mine.has(name) && !(EXPORT_NAME.test(name) && isXliff(join(dir, name))));
    if (others.length > 0) refuse(`${dir} is not empty (${others.slice(0, 3).join(', ')}${others.length > 3 ? ', …' : ''}) and holds files that are not XLIFF exports of this tool`);
  }
  for (const file of files) {
    let entry;
    try {
      entry = lstatSync(file);
    } catch {
      continue; // new
    }
    if (!entry.isFile()) refuse(`${file} ${entry.isSymbolicLink() ? 'is a symbolic link' : 'is not a plain file'}`);
    if (!isXliff(file)) refuse(`${file} exists and is not an XLIFF file: it would be replaced`);
  }
}

/** A plain file that starts as an XLIFF document does (its `<xliff` element within the first 4 KB). */
function isXliff(path: string): boolean {
  let fd: number | undefined;
  try {
    if (!lstatSync(path).isFile()) return false;
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const head = Buffer.alloc(4096);
    const length = readSync(fd, head, 0, head.length, 0);
    return /<(?:[\w.-]+:)?xliff[\s>]/u.test(head.subarray(0, length).toString('utf8'));
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * The places no output of the tool may be written, whatever it is (a build's editions, an XLIFF
 * export): a file-system root, the home folder, the project folder or a folder containing it,
 * the sources and the templates (being, containing or inside them), a folder of the project's
 * own (src/, .git/ …; output/ and new folders are fine), or one differing from the project's
 * folders only by case. `real` has its symlinks followed.
 */
function refuseProtected(real: string, folders: ProtectedFolders, refuse: (why: string) => never): void {
  const root = realPath(folders.root);
  const fold = caseInsensitive(root);
  if (real === parse(real).root) refuse('it is the root of the file system');
  if (real === realPath(homedir())) refuse('it is your home folder');
  if (within(real, root, fold)) refuse(real === root ? `it is the project folder (${folders.root})` : `it contains the project folder (${folders.root})`);
  for (const [name, path] of [['the sources', folders.sources], ['the templates', folders.templates]] as const) {
    const protectedDir = realPath(path);
    if (within(protectedDir, real, fold)) refuse(real === protectedDir ? `it is ${name} (${path})` : `it lies inside ${name} (${path})`);
    if (within(real, protectedDir, fold)) refuse(`it contains ${name} (${path})`);
  }
  if (within(root, real, fold)) {
    // Inside the project: only under output/ (the default) or in a new top-level folder.
    const top = relative(root, real).split(sep)[0] ?? '';
    const topDir = join(root, top);
    if ((fold ? top.toLowerCase() : top) !== DEFAULT_OUTPUT && existsSync(topDir) && !readMarker(topDir)) {
      refuse(`it lies inside the project's own folder ${top}${sep}`);
    }
    // `Sources` beside `sources`: on a case-insensitive disk it is the same folder, and on any
    // disk too easily taken for it.
    const twin = existsSync(topDir) ? undefined : readdirSync(root).find((name) => name !== top && name.toLowerCase() === top.toLowerCase());
    if (twin && twin !== DEFAULT_OUTPUT) refuse(`${top} differs from the project's folder ${twin} only by case`);
  }
}

/**
 * Before replacing the entries `names` of the output folder: each is absent, or one the tool
 * wrote (listed in the marker) and not a symlink (the tool writes none).
 */
export function checkReplaceable(folder: OutputFolder, names: readonly string[]): void {
  for (const name of names) {
    const path = join(folder.dir, name);
    let entry;
    try {
      entry = lstatSync(path);
    } catch {
      continue; // absent: nothing to replace
    }
    if (entry.isSymbolicLink() || !folder.wrote.includes(name)) {
      throw new OutputFolderError(
        `Refusing to replace ${path}: ${entry.isSymbolicLink() ? 'it is a symbolic link' : 'it was not written by a build of this tool'} (move it away, or choose another --out)`,
      );
    }
  }
}

/** Write the marker of a folder the tool wrote `names` into (`compendium index` after CI jobs). */
export async function writeMarker(dir: string, names: readonly string[]): Promise<void> {
  await writeFileAtomic(join(dir, MARKER), `${JSON.stringify({ by: MARKED_BY, wrote: [...new Set(names)].sort() } satisfies Marker, null, 1)}\n`);
}

/** Record in the marker that the tool wrote `names` (written atomically, the list only grows). */
export async function markOutputFolder(folder: OutputFolder, names: readonly string[]): Promise<void> {
  const wrote = [...new Set([...folder.wrote, ...names])].sort();
  if (!folder.unmarked && wrote.length === folder.wrote.length) return;
  await writeFileAtomic(join(folder.dir, MARKER), `${JSON.stringify({ by: MARKED_BY, wrote } satisfies Marker, null, 1)}\n`);
  folder.wrote = wrote;
  folder.unmarked = false;
}
