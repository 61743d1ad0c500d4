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

export function serve(root: string, port: number, host = '127.0.0.1'): Promise<Server> {
  const base = resolve(root);
  const server = createServer((request, response) => {
    void (async () => {
      try {
        const url = new URL(request.url ?? '/', 'http://localhost');
        let path = normalize(join(base, decodeURIComponent(url.pathname)));
        if (path !== base && !path.startsWith(base + sep)) throw Object.assign(new Error('outside'), { status: 403 });
        if ((await stat(path)).isDirectory()) path = join(path, 'index.html');
        const body = await readFile(path);
        response.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
        response.end(body);
      } catch (error) {
        const status = (error as { status?: number }).status ?? 404;
        response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
        response.end(status === 403 ? 'Forbidden\n' : 'Not found\n');
      }
    })();
  });
  return new Promise((resolveServer, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolveServer(server));
  });
}
