/**
 * Reading one source: strictly decoded UTF-8, size-bounded, from a `Disk` — the file system,
 * or (for rule fixtures and tests) a set of files held in memory. Every file loading reads
 * (sources, templates, configuration, font packages, exchange files) comes from a `Disk`.
 */
import { closeSync, existsSync, fstatSync, openSync, readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve, sep } from 'node:path';
import { VFile } from 'vfile';
import { fatal } from './report.js';

const decoder = new TextDecoder('utf-8', { fatal: true });

/** A source larger than this is refused unread: the whole compendium is ~100 KB. */
export const MAX_SOURCE_BYTES = 1024 * 1024;

/** What is at a path (links followed): a file and its size, or a folder. */
export interface Stat {
  kind: 'file' | 'dir';
  size: number;
}

/** Where sources are read from. */
export interface Disk {
  exists(path: string): boolean;
  /** What is at a path; undefined when nothing is (or it cannot be looked at). */
  stat(path: string): Promise<Stat | undefined>;
  /** A folder's entries, sorted; none when it does not exist. */
  list(dir: string): Promise<string[]>;
  realpath(path: string): Promise<string>;
  /** The file's bytes, or only its size when it is larger than `limit` (`Infinity`: no limit). */
  read(path: string, limit: number): Promise<{ size: number; bytes: Uint8Array | undefined }>;
  /**
   * The folder of an installed package (the one holding its package.json), or undefined when
   * it is not installed: on the file system, Node's resolution from this code; in memory, a
   * `node_modules/<name>` folder holding a package.json.
   */
  packageDir(name: string): string | undefined;
}

const require = createRequire(import.meta.url);

// The file system's calls are made synchronously: sources are small files on a local disk, and
// a hundred of them are read sooner one after another than through the thread pool.
export const nodeDisk: Disk = {
  exists: existsSync,
  async stat(path) {
    try {
      const stat = statSync(path, { throwIfNoEntry: false });
      return stat && { kind: stat.isDirectory() ? 'dir' : 'file', size: stat.size };
    } catch {
      return undefined;
    }
  },
  async list(dir) {
    try {
      return readdirSync(dir).sort();
    } catch {
      return [];
    }
  },
  realpath: async (path) => realpathSync.native(path),
  async read(path, limit) {
    const fd = openSync(path, 'r');
    try {
      const { size } = fstatSync(fd);
      return { size, bytes: size > limit ? undefined : readFileSync(fd) };
    } finally {
      closeSync(fd);
    }
  },
  packageDir(name) {
    try {
      return dirname(require.resolve(`${name}/package.json`));
    } catch {
      return undefined;
    }
  },
};

/** Files held in memory, by absolute path (text is stored as UTF-8). */
export function memoryDisk(files: Readonly<Record<string, string | Uint8Array>>): Disk {
  const entries = new Map(Object.entries(files).map(([path, value]) => [resolve(path), typeof value === 'string' ? new TextEncoder().encode(value) : value]));
  const isDir = (path: string) => [...entries.keys()].some((p) => p.startsWith(resolve(path) + sep));
  return {
    exists: (path) => entries.has(resolve(path)) || isDir(path),
    async stat(path) {
      const bytes = entries.get(resolve(path));
      if (bytes) return { kind: 'file', size: bytes.length };
      return isDir(path) ? { kind: 'dir', size: 0 } : undefined;
    },
    async list(dir) {
      const prefix = resolve(dir) + sep;
      const names = new Set<string>();
      for (const path of entries.keys()) if (path.startsWith(prefix)) names.add(path.slice(prefix.length).split(sep)[0] ?? '');
      return [...names].filter(Boolean).sort();
    },
    async realpath(path) {
      if (!entries.has(resolve(path)) && !isDir(path)) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return resolve(path);
    },
    async read(path, limit) {
      const bytes = entries.get(resolve(path));
      if (!bytes) throw Object.assign(new Error(`ENOENT: no such file ${path}`), { code: 'ENOENT', path: dirname(path) });
      return { size: bytes.length, bytes: bytes.length > limit ? undefined : bytes };
    },
    packageDir(name) {
      const manifest = join('node_modules', name, 'package.json');
      const found = [...entries.keys()].sort().find((path) => path.endsWith(sep + manifest));
      return found && dirname(found);
    },
  };
}

/**
 * Read one source file as a VFile. The value is strictly decoded UTF-8 with any byte-order
 * mark removed; a file that is not UTF-8, or too large, gets a fatal message and an empty value.
 */
export async function readSource(path: string, cwd: string, disk: Disk = nodeDisk): Promise<VFile> {
  const file = new VFile({ path, cwd });
  const { size, bytes } = await disk.read(path, MAX_SOURCE_BYTES);
  if (!bytes) {
    file.value = '';
    fatal(file, `File is ${(size / 1024 / 1024).toFixed(1)} MiB: a source may be at most ${MAX_SOURCE_BYTES / 1024 / 1024} MiB`, undefined, 'source-size');
    return file;
  }
  try {
    file.value = decoder.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    file.value = '';
    fatal(file, 'File is not valid UTF-8: save it with UTF-8 encoding', undefined, 'source-encoding');
  }
  return file;
}

/** A whole file's bytes, however large (a font file): not a source, so neither bounded nor decoded. */
export async function readBytes(path: string, disk: Disk = nodeDisk): Promise<Uint8Array> {
  return (await disk.read(path, Number.POSITIVE_INFINITY)).bytes as Uint8Array;
}

/** A whole file as text, decoded as Node's `readFile(path, 'utf8')` decodes (a template, a package's stylesheet): not a source, so neither bounded nor strict. */
export async function readText(path: string, disk: Disk = nodeDisk): Promise<string> {
  const bytes = await readBytes(path, disk);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}
