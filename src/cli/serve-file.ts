/**
 * Opening and sending one file for `serve`, so that what is sent is the file that was checked:
 * the file is opened first (never blocking: a FIFO answers at once), then the opened file itself
 * is judged — where it really is (Linux names an open file's path under /proc/self/fd; elsewhere
 * its device and inode are compared with those of the checked path) and what it is — and it is
 * read only through that descriptor. A link swapped in after the check cannot change what is
 * sent. `Range` per RFC 9110 §14: one byte range, satisfiable → 206; unsatisfiable → 416 with
 * a `Content-Range` of `bytes *` then `/` and the size; anything else (several ranges, another unit, a malformed or
 * invalid spec such as `bytes=abc` or `bytes=5-1`) is ignored → 200 with the whole file.
 */
import { constants, existsSync, readlinkSync, realpathSync, statSync, type Stats } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, sep } from 'node:path';

export interface OpenedFile {
  handle: FileHandle;
  stat: Stats;
  /** Where the opened file really is. */
  real: string;
}

const inside = (parent: string, child: string) => child === parent || child.startsWith(parent.endsWith(sep) ? parent : parent + sep);

/** Open `path` if the file opened lies, links followed, inside `root`; otherwise undefined (nothing left open). */
export async function openInside(root: string, path: string): Promise<OpenedFile | undefined> {
  let handle: FileHandle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    const stat = await handle.stat();
    const real = whereOpened(handle, path, stat);
    if (real !== undefined && inside(realpathSync(root), real)) return { handle, stat, real };
  } catch {
    // fall through: not servable
  }
  await handle.close();
  return undefined;
}

/** The real path of an open file: from the descriptor where the system says it, else by its identity. */
function whereOpened(handle: FileHandle, path: string, stat: Stats): string | undefined {
  const proc = `/proc/self/fd/${handle.fd}`;
  if (existsSync(proc)) return readlinkSync(proc);
  const real = realpathSync(path);
  const there = statSync(real);
  return there.dev === stat.dev && there.ino === stat.ino ? real : undefined;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.pdf': 'application/pdf',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.xlf': 'application/xliff+xml',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentType(path: string): string {
  if (path.endsWith('.akn.xml')) return 'application/akn+xml';
  return TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** One byte range of a file of `size` bytes, per RFC 9110 §14.1.2: the range, 'unsatisfiable', or undefined (ignore the header). */
export function byteRange(header: string | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | undefined {
  if (header === undefined) return undefined;
  const match = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!match) return undefined; // another unit, several ranges, or not a range at all
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return undefined;
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0) return 'unsatisfiable';
    return size === 0 ? 'unsatisfiable' : { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Number(last);
  if (last !== '' && end < start) return undefined; // an invalid range-spec: ignored
  if (start >= size) return 'unsatisfiable';
  return { start, end: Math.min(end, size - 1) };
}

/** Send an opened file (and close it): ETag and If-None-Match, Range, HEAD. */
export async function sendFile(request: IncomingMessage, response: ServerResponse, file: OpenedFile, headers: Record<string, string>): Promise<void> {
  const { handle, stat } = file;
  const size = stat.size;
  const etag = `W/"${size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
  const common = { ...headers, etag, 'last-modified': stat.mtime.toUTCString(), 'accept-ranges': 'bytes' };
  try {
    if (request.headers['if-none-match'] === etag) {
      response.writeHead(304, common);
      response.end();
      return;
    }
    const ifRange = request.headers['if-range'];
    const range = ifRange !== undefined && ifRange !== etag ? undefined : byteRange(request.headers.range, size);
    if (range === 'unsatisfiable') {
      response.writeHead(416, { ...common, 'content-range': `bytes */${size}`, 'content-type': 'text/plain; charset=utf-8' });
      response.end('Range not satisfiable\n');
      return;
    }
    const { start, end } = range ?? { start: 0, end: size - 1 };
    const length = size === 0 ? 0 : end - start + 1;
    response.writeHead(range ? 206 : 200, { ...common, 'content-length': String(length), ...(range ? { 'content-range': `bytes ${start}-${end}/${size}` } : {}) });
    if (request.method === 'HEAD' || length === 0) {
      response.end();
      return;
    }
    await new Promise<void>((done, fail) => {
      const stream = handle.createReadStream({ start, end, autoClose: false });
      stream.on('error', fail);
      response.on('close', () => done());
      stream.pipe(response).on('finish', () => done());
    });
  } finally {
    await handle.close().catch(() => undefined);
  }
}
