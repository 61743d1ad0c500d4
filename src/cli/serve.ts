/**
 * `compendium serve` (and watch's preview): the output folder over HTTP, for reading the HTML
 * editions as a delegate would. Files are opened, then judged, then sent from what was opened
 * (src/cli/serve-file.ts: no window for a link swapped in; Range per RFC 9110); before that:
 *  - 127.0.0.1 by default (`--host` to choose); the `Host:` header must name the bound address or
 *    localhost (or the --host given), so a page elsewhere cannot reach it by DNS rebinding;
 *  - GET and HEAD only (405 otherwise); no path outside the folder, no symlink leading out of it,
 *    no dot-file or dot-folder (the cache, a build's staging folder, the lock, the marker);
 *  - a folder without its trailing slash is redirected (`/en` → `/en/`: relative links work);
 *  - every answer says `X-Content-Type-Options: nosniff`; HTML pages carry the editions'
 *    Content-Security-Policy as a header too (src/render/csp.ts), the inline script by its hash.
 * The port is bound before anything else happens; a busy port is a clear error.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { contentType, openInside, sendFile } from './serve-file.js';
import { contentSecurityPolicy, inlineOf } from '../render/csp.js';

export const DEFAULT_PORT = 8080;
export const DEFAULT_HOST = '127.0.0.1';
const WILDCARD = new Set(['0.0.0.0', '::', '[::]']);

/** A problem the command line reports in one line: `exitCode` 2 for bad usage, 1 otherwise. */
export class ServeError extends Error {
  override name = 'ServeError';
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
  }
}

/** `--port`: a whole number 0–65535 (0: any free port), or bad usage. */
export function parsePort(value: string | undefined): number {
  if (value === undefined) return DEFAULT_PORT;
  const port = /^\d{1,5}$/u.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isInteger(port) || port > 65535) throw new ServeError(`--port takes a port number (0–65535), not "${value}"`, 2);
  return port;
}

/** The address a listening server is reached at, for people. */
export function serverUrl(server: Server, host: string | undefined = DEFAULT_HOST): string {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : DEFAULT_PORT;
  const name = WILDCARD.has(host) ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${name}:${port}/`;
}

export interface LiveReload {
  /** Tell every open page to reload. */
  reload(): void;
}

/** Served at this path in watch mode: the pages load it (an inline script would break their CSP). */
const RELOAD_PATH = '/__live-reload.js';
const EVENTS_PATH = '/__events';
const RELOAD_SCRIPT = `new EventSource('${EVENTS_PATH}').onmessage = function () { location.reload(); };\n`;
const RELOAD_TAG = `<script src="${RELOAD_PATH}"></script>`;


/** The host name of a `Host:` header, without its port, lower case. */
function hostName(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const value = header.trim().toLowerCase();
  if (value.startsWith('[')) return value.slice(1, value.indexOf(']') > 0 ? value.indexOf(']') : undefined);
  return value.split(':')[0];
}

/**
 * Serve `root` on `host:port`. With `live`, HTML pages load a small script that reloads them
 * when `live.reload()` is called (watch mode); the files on disk are not changed. Without it,
 * `root` must hold a build (or: "run build first").
 */
export async function serve(root: string, port: number, host = DEFAULT_HOST, live?: { onReady(reloader: LiveReload): void }): Promise<Server> {
  const base = resolve(root);
  if (!live && !(existsSync(base) && statSync(base).isDirectory() && existsSync(join(base, 'index.html')))) {
    throw new ServeError(`Nothing to serve: ${root} ${existsSync(base) ? 'holds no build' : 'does not exist'}: run build first (compendium build${root === resolve('output') ? '' : ` --out ${root}`})`);
  }
  const allowed = new Set(['localhost', '127.0.0.1', '::1', host.toLowerCase().replace(/^\[|\]$/gu, '')]);
  const anyHost = WILDCARD.has(host);
  const clients = new Set<ServerResponse>();
  live?.onReady({
    reload() {
      for (const client of clients) client.write('data: reload\n\n');
    },
  });
  const pagePolicy = (html: string) => contentSecurityPolicy(inlineOf(html));
  const otherPolicy = contentSecurityPolicy({ scripts: [], styles: [] });

  const fail = (response: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void => {
    response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
    response.end(`${text}\n`);
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Referrer-Policy', 'no-referrer');
    response.setHeader('Cache-Control', 'no-cache');
    const name = hostName(request.headers.host);
    if (!name) return fail(response, 400, 'Bad request: no Host header');
    if (!anyHost && !allowed.has(name)) return fail(response, 403, `Forbidden: this server answers to ${[...allowed].join(', ')} only (start it with --host ${name} to allow that name)`);
    if (request.method !== 'GET' && request.method !== 'HEAD') return fail(response, 405, 'Method not allowed: GET and HEAD only', { allow: 'GET, HEAD' });
    const raw = request.url ?? '/';
    if (!raw.startsWith('/')) return fail(response, 400, 'Bad request');
    const url = new URL(`http://localhost${raw}`);
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      return fail(response, 400, 'Bad request: malformed address');
    }
    if (live && path === EVENTS_PATH) {
      response.writeHead(200, { 'content-type': 'text/event-stream', connection: 'keep-alive' });
      response.write(': connected\n\n');
      clients.add(response);
      request.on('close', () => clients.delete(response));
      return;
    }
    if (live && path === RELOAD_PATH) {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'content-security-policy': otherPolicy });
      response.end(request.method === 'HEAD' ? undefined : RELOAD_SCRIPT);
      return;
    }
    const segments = path.split('/').filter((s) => s !== '');
    // No dot-file or dot-folder (nor `..`), no backslash or NUL (other ways to name a parent).
    if (segments.some((s) => s.startsWith('.') || /[\\\0]/u.test(s))) return fail(response, 404, 'Not found');
    // The file is opened, then judged: what is sent is what was checked (src/cli/serve-file.ts).
    let opened = await openInside(base, join(base, ...segments));
    if (!opened) return fail(response, 404, existsSync(base) ? 'Not found' : 'Not built yet: the first build is running');
    if (opened.stat.isDirectory()) {
      await opened.handle.close();
      if (!url.pathname.endsWith('/')) {
        response.writeHead(301, { location: `${url.pathname}/${url.search}`, 'content-type': 'text/plain; charset=utf-8' });
        response.end('Moved\n');
        return;
      }
      opened = await openInside(base, join(opened.real, 'index.html'));
      if (!opened) return fail(response, 404, 'Not found');
    }
    if (!opened.stat.isFile()) {
      await opened.handle.close();
      return fail(response, 404, 'Not found');
    }
    if (opened.real.endsWith('.html')) {
      let html: string;
      try {
        html = await opened.handle.readFile('utf8');
      } finally {
        await opened.handle.close();
      }
      const policy = pagePolicy(html);
      if (live) html = html.replace('</body>', `${RELOAD_TAG}</body>`);
      const body = Buffer.from(html);
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length, 'content-security-policy': policy });
      response.end(request.method === 'HEAD' ? undefined : body);
      return;
    }
    await sendFile(request, response, opened, { 'content-type': contentType(opened.real), 'content-security-policy': otherPolicy });
  };

  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) fail(response, 500, 'Internal error');
      else response.destroy();
    });
  });
  // Closing the server ends the open event streams too (they would keep it open forever).
  const close = server.close.bind(server);
  server.close = ((callback?: (error?: Error) => void) => {
    for (const client of clients) client.end();
    clients.clear();
    server.closeAllConnections();
    return close(callback);
  }) as typeof server.close;
  await new Promise<void>((done, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new ServeError(`port ${port} is in use: try --port ${port + 1 > 65535 ? 0 : port + 1}`));
      else if (error.code === 'EACCES') reject(new ServeError(`port ${port} needs more privileges: try --port ${DEFAULT_PORT}`));
      else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN') reject(new ServeError(`cannot listen on --host ${host}: no such address on this machine`, 2));
      else reject(error);
    });
    server.listen(port, host, () => done());
  });
  return server;
}
