/**
 * Opening and sending one file for `serve`, so that what is sent is the file that was checked:
 * the file is opened first (never blocking: a FIFO answers at once), then the opened file itself
 * is judged — where it really is (Linux names an open file's path under /proc/self/fd; elsewhere
 * its device and inode are compared with those of the checked path) and what it is — and it is
 * read only through that descriptor. A link swapped in after the check cannot change what is
 * sent. `Range` per RFC 9110 §14: one satisfiable byte range → 206; a byte-range set none of
 * whose ranges can be sent (past the end, `bytes=-0`, or invalid such as `bytes=5-1`) → 416
 * with a `Content-Range` of `bytes *` then `/` and the size; anything else (another unit,
 * what is not of the grammar such as `bytes=abc`, several satisfiable ranges) is ignored → 200
 * with the whole file.
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

/** Optional white space (RFC 9110 §5.6.3): spaces and tabs. */
const OWS = /^[ \t]+|[ \t]+$/gu;

/**
 * The `Range` of a request for a file of `size` bytes, per RFC 9110 §14.1–14.2: the one range
 * to send (206); 'unsatisfiable' (416) when the header is a byte-range set of which no range
 * can be sent — every first-pos at or past the end, a suffix of 0, or an invalid int-range
 * whose last-pos is before its first-pos (`bytes=5-1`); or undefined, the header ignored and
 * the whole file sent (200): another unit, anything not of the byte-range grammar
 * (`bytes=abc`, `bytes = 0-1`), or several satisfiable ranges (a server may ignore Range; this
 * one sends no multipart answer).
 */
export function byteRange(header: string | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | undefined {
  if (header === undefined) return undefined;
  const eq = header.indexOf('=');
  if (eq < 0 || header.slice(0, eq).toLowerCase() !== 'bytes') return undefined; // another unit, or none
  // range-set = 1#range-spec: commas with optional white space around, empty elements allowed.
  const specs = header
    .slice(eq + 1)
    .split(',')
    .map((spec) => spec.replace(OWS, ''))
    .filter((spec) => spec !== '');
  if (specs.length === 0) return undefined;
  const ranges: Array<{ start: number; end: number }> = [];
  for (const spec of specs) {
    const match = /^(\d*)-(\d*)$/u.exec(spec);
    const [, first = '', last = ''] = match ?? [];
    if (!match || (first === '' && last === '')) return undefined; // not a byte range: the header is ignored
    if (first === '') {
      // suffix-range: the last `suffix` bytes; none of 0, nor of an empty file.
      const suffix = Number(last);
      if (suffix > 0 && size > 0) ranges.push({ start: Math.max(0, size - suffix), end: size - 1 });
      continue;
    }
    const start = Number(first);
    const end = last === '' ? size - 1 : Number(last);
    if (last !== '' && end < start) continue; // an invalid int-range: none of it can be sent
    if (start < size) ranges.push({ start, end: Math.min(end, size - 1) });
  }
  if (ranges.length === 0) return 'unsatisfiable';
  return ranges.length === 1 ? ranges[0] : undefined;
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
    // If-Range (RFC 9110 §13.1.5): the range only if the file is the one the client has. Its
    // entity tag is weak, and a weak tag never matches there; a date matches Last-Modified exactly.
    const ifRange = request.headers['if-range'];
    // Range is defined for GET only (§14.2): a HEAD answers as its GET would without it.
    const asked = request.method === 'GET' && (ifRange === undefined || ifRange === common['last-modified']);
    const range = asked ? byteRange(request.headers.range, size) : undefined;
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
