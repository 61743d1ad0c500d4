/**
 * The project's one view of the file system while loading (after Typst's `World`): every
 * source is read through it, nothing outside the sources and the templates is read (a link
 * out of them is refused), every file read is listed in the order it was asked for, and each
 * file is stamped with the language it belongs to. What loading reads besides the sources —
 * the configuration, the templates, the font packages, the digest of the inputs — comes from
 * its `disk` too, and the date the editions carry from its `env` (SOURCE_DATE_EPOCH): one
 * World made from memory (`memoryDisk`) is a whole project that touches no file.
 */
import { join, relative, sep } from 'node:path';
import { VFile } from 'vfile';
import { LANGS, type Lang } from '../types.js';
import { MAX_SOURCE_BYTES, nodeDisk, readSource, unreadableReason, type Disk, type Stat } from './read.js';
import type { Point } from 'unist';
import { fatal } from './report.js';

export interface World {
  root: string;
  sources: string;
  templates: string;
  /** Where everything is read from: the file system, or files held in memory. */
  disk: Disk;
  /** The environment the run sees: SOURCE_DATE_EPOCH, the editions' fixed date (`fixedDate`). */
  env: NodeJS.ProcessEnv;
  /** Every file read or found missing, with its messages. */
  files: VFile[];
  exists(path: string): boolean;
  /** What is at a path (a file, a folder, a named pipe, …), links followed; undefined when nothing is. */
  stat(path: string): Promise<Stat | undefined>;
  list(dir: string): Promise<string[]>;
  /** Read a source and list it. */
  read(path: string): Promise<VFile>;
  /** Read many sources (64 at a time), listed in the order given. */
  readAll(paths: readonly string[]): Promise<VFile[]>;
  /** An image named by a source: its bytes, or undefined with the reason on `from` (no link out, at most 1 MiB). */
  readImage(path: string, from: VFile, point: Point | undefined): Promise<Uint8Array | undefined>;
  /** A file that is not there (or not readable), listed so its message is reported. */
  placeholder(path: string): VFile;
}

const isLang = (value: string | undefined): value is Lang => (LANGS as readonly string[]).includes(value ?? '');

/** The language a file belongs to: its folder under the sources, or its locale pack. */
export function languageOf(path: string, dirs: { sources: string; templates: string }): Lang | undefined {
  const inSources = relative(dirs.sources, path);
  if (!inSources.startsWith('..')) {
    const first = inSources.split(sep)[0];
    return isLang(first) ? first : undefined;
  }
  const inLocales = relative(join(dirs.templates, 'locales'), path);
  const name = /^([a-z]{2})\.yaml$/.exec(inLocales)?.[1];
  return isLang(name) ? name : undefined;
}

export interface WorldOptions {
  /** The sources folder (default: `<root>/sources`). */
  sourcesDir?: string | undefined;
  /** Where to read from (default: the file system). */
  disk?: Disk | undefined;
  /** The environment (default: the process's). */
  env?: NodeJS.ProcessEnv | undefined;
}

export function createWorld(root: string, options: WorldOptions = {}): World {
  const { disk = nodeDisk, env = process.env } = options;
  const sources = options.sourcesDir ?? join(root, 'sources');
  const templates = join(root, 'templates');
  // Where the sources and templates really are, found at the first read.
  let realDirs: Promise<string[]> | undefined;
  const allowedDirs = (): Promise<string[]> => (realDirs ??= Promise.all([sources, templates].map((dir) => disk.realpath(dir).catch(() => dir))));
  const files: VFile[] = [];
  const stamp = (file: VFile): VFile => {
    const lang = languageOf(file.path, { sources, templates });
    if (lang) file.data.lang = lang;
    return file;
  };
  const readOne = async (path: string): Promise<VFile> => {
    // Nothing in the sources may make the pipeline read elsewhere: no link out of the folder.
    const [allowed, real] = await Promise.all([allowedDirs(), disk.realpath(path).catch((error: unknown) => error as Error)]);
    if (typeof real !== 'string') {
      const file = new VFile({ path, cwd: root, value: '' });
      if ((real as NodeJS.ErrnoException).code === 'ENOENT') {
        // A link to nothing (its target was moved or deleted).
        fatal(file, `Cannot read ${path}: it is a link to a file that does not exist`, undefined, 'missing-source');
      } else fatal(file, `Cannot read this source: ${unreadableReason(real)}`, undefined, 'source-unreadable');
      return stamp(file);
    }
    if (!allowed.some((dir) => real.startsWith(dir + sep))) {
      const file = new VFile({ path, cwd: root, value: '' });
      fatal(file, `Refusing to read ${path}: it links outside the sources (to ${real})`, undefined, 'source-outside');
      return stamp(file);
    }
    return stamp(await readSource(path, root, disk));
  };
  return {
    root,
    sources,
    templates,
    disk,
    env,
    files,
    exists: (path) => disk.exists(path),
    stat: (path) => disk.stat(path),
    list: (dir) => disk.list(dir),
    async read(path) {
      const file = await readOne(path);
      files.push(file);
      return file;
    },
    async readAll(paths) {
      const out: VFile[] = [];
      for (let i = 0; i < paths.length; i += 64) out.push(...(await Promise.all(paths.slice(i, i + 64).map(readOne))));
      files.push(...out);
      return out;
    },
    async readImage(path, from, point) {
      if (!disk.exists(path)) {
        fatal(from, `Missing image ${relative(root, path)}`, point, 'missing-source');
        return undefined;
      }
      const shown = relative(root, path);
      let read: Awaited<ReturnType<Disk['read']>>;
      try {
        const [allowed, real] = await Promise.all([allowedDirs(), disk.realpath(path)]);
        if (!allowed.some((dir) => real.startsWith(dir + sep))) {
          fatal(from, `Refusing to read ${path}: it links outside the sources (to ${real})`, point, 'source-outside');
          return undefined;
        }
        read = await disk.read(path, MAX_SOURCE_BYTES);
      } catch (error) {
        fatal(from, `Cannot read image ${shown}: ${unreadableReason(error)}`, point, 'source-unreadable');
        return undefined;
      }
      const { size, bytes } = read;
      if (!bytes) fatal(from, `Image ${shown} is ${(size / 1024 / 1024).toFixed(1)} MiB: at most ${MAX_SOURCE_BYTES / 1024 / 1024} MiB`, point, 'source-size');
      return bytes;
    },
    placeholder(path) {
      const file = stamp(new VFile({ path, cwd: root }));
      files.push(file);
      return file;
    },
  };
}
