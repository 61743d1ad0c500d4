/**
 * `compendium serve`: the output folder on localhost, for reading the HTML editions as a
 * delegate would (and for the same links to work as on a web server). Local only.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface LiveReload {
  /** Tell every open page to reload. */
  reload(): void;
}

const RELOAD_SCRIPT = `<script>new EventSource('/__events').onmessage = function () { location.reload(); };</script>`;

/**
 * Serve `root` on localhost. With `live`, HTML pages get a small script that reloads them
 * when `live.reload()` is called (watch mode); the files on disk are not changed.
 */
export function serve(root: string, port: number, host = '127.0.0.1', live?: { onReady(reloader: LiveReload): void }): Promise<Server> {
  const base = resolve(root);
  const clients = new Set<import('node:http').ServerResponse>();
  live?.onReady({
    reload() {
      for (const client of clients) client.write('data: reload\n\n');
    },
  });
  const server = createServer((request, response) => {
    void (async () => {
      try {
        const url = new URL(request.url ?? '/', 'http://localhost');
        if (live && url.pathname === '/__events') {
          response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
          response.write(': connected\n\n');
          clients.add(response);
          request.on('close', () => clients.delete(response));
          return;
        }
        let path = normalize(join(base, decodeURIComponent(url.pathname)));
        if (path !== base && !path.startsWith(base + sep)) throw Object.assign(new Error('outside'), { status: 403 });
        if ((await stat(path)).isDirectory()) path = join(path, 'index.html');
        let body: Buffer | string = await readFile(path);
        if (live && extname(path) === '.html') body = body.toString('utf8').replace('</body>', `${RELOAD_SCRIPT}</body>`);
        response.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
        response.end(body);
      } catch (error) {
        const status = (error as { status?: number }).status ?? 404;
        response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
        response.end(status === 403 ? 'Forbidden\n' : 'Not found\n');
      }
    })();
  });
  // Closing the server ends the open event streams too (they would keep it open forever).
  const close = server.close.bind(server);
  server.close = ((callback?: (error?: Error) => void) => {
    for (const client of clients) client.end();
    clients.clear();
    server.closeAllConnections();
    return close(callback);
  }) as typeof server.close;
  return new Promise((resolveServer, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolveServer(server));
  });
}
