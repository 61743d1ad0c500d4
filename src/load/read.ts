/**
 * Reading one source: strictly decoded UTF-8, size-bounded, from a `Disk` — the file system,
 * or (for rule fixtures and tests) a set of files held in memory. Every file loading reads
 * (sources, templates, configuration, font packages, exchange files) comes from a `Disk`.
 */
import { closeSync, constants, existsSync, fstatSync, openSync, readFileSync, readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve, sep } from 'node:path';
import { VFile } from 'vfile';
import { fatal } from './report.js';

const decoder = new TextDecoder('utf-8', { fatal: true });

/** A source larger than this is refused unread: the whole compendium is ~100 KB. */
export const MAX_SOURCE_BYTES = 1024 * 1024;

/**
 * What is at a path (links followed): a regular file and its size, a folder, or something that
 * is neither and is never opened — a named pipe (opening one waits for a writer: a build would
 * hang), a device or a socket.
 */
export type Kind = 'file' | 'dir' | 'fifo' | 'device' | 'socket';
export interface Stat {
  kind: Kind;
  size: number;
}

/** What each kind is, in words. */
const KIND_WORDS: Record<Kind, string> = {
  file: 'a file',
  dir: 'a folder',
  fifo: 'a named pipe (FIFO)',
  device: 'a device',
  socket: 'a socket',
};

/** `a named pipe (FIFO)`, `a folder`, … */
export const kindWords = (kind: Kind): string => KIND_WORDS[kind];

function kindOf(stat: Stats): Kind {
  if (stat.isFile()) return 'file';
  if (stat.isDirectory()) return 'dir';
  if (stat.isFIFO()) return 'fifo';
  if (stat.isSocket()) return 'socket';
  return 'device';
}

/** A path where a file is expected holds something else: refused before it is opened. */
export class NotAFileError extends Error {
  override name = 'NotAFileError';
  readonly code = 'ENOTFILE';
  constructor(
    readonly path: string,
    readonly kind: Exclude<Kind, 'file'>,
  ) {
    super(`${path} is ${KIND_WORDS[kind]}, not a file`);
  }
}

/** Why a path could not be read, in words (never a bare error code): "it is a folder, not a file". */
export function unreadableReason(error: unknown): string {
  if (error instanceof NotAFileError) return `it is ${KIND_WORDS[error.kind]}, not a file`;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'it does not exist';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'ENOTDIR':
      return 'a part of its path is a file, not a folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission to read it is denied';
    case 'ENAMETOOLONG':
      return 'its name is too long for the file system';
    case 'ELOOP':
      return 'its symbolic links lead round in a loop';
    case 'ENXIO':
      return 'it is a socket or a device that is not there, not a file';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many files are open at once: try again';
    case 'EIO':
      return 'the disk could not read it (an input/output error)';
    case 'EBUSY':
    case 'EAGAIN':
      return 'it is busy: try again';
    default:
      return 'the system could not read it';
  }
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
      return stat && { kind: kindOf(stat), size: stat.size };
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
    // Only a regular file is opened: a named pipe would block the open (and the whole process
    // with it) until something writes to it, a device may never end.
    const kind = kindOf(statSync(path));
    if (kind !== 'file') throw new NotAFileError(path, kind);
    // Non-blocking, and looked at again once open: what was swapped in meanwhile is refused too.
    const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const stat = fstatSync(fd);
      const opened = kindOf(stat);
      if (opened !== 'file') throw new NotAFileError(path, opened);
      return { size: stat.size, bytes: stat.size > limit ? undefined : readFileSync(fd) };
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
      if (!bytes && isDir(path)) throw new NotAFileError(path, 'dir');
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
 * mark removed; a file that is not UTF-8, too large, or not a file at all (a folder, a named
 * pipe, a device) or unreadable gets a fatal message in words at 1:1 and an empty value.
 */
export async function readSource(path: string, cwd: string, disk: Disk = nodeDisk): Promise<VFile> {
  const file = new VFile({ path, cwd });
  let read: Awaited<ReturnType<Disk['read']>>;
  try {
    read = await disk.read(path, MAX_SOURCE_BYTES);
  } catch (error) {
    file.value = '';
    const gone = (error as NodeJS.ErrnoException).code === 'ENOENT';
    fatal(file, `Cannot read this source: ${unreadableReason(error)}`, undefined, gone ? 'missing-source' : 'source-unreadable');
    return file;
  }
  const { size, bytes } = read;
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
