/**
 * The browser's own thread (worker_threads): Puppeteer and the DevTools connection live here,
 * so that launching Chromium, opening its tabs and answering it never wait for the main
 * thread, which is busy reading and transforming the sources meanwhile. The main thread's side
 * is browser-thread-client.ts; what they say to each other is `PrintRequest` / `PrintReply`.
 */
import { parentPort } from 'node:worker_threads';
import { BrowserSession, printWithRetry } from './browser-session.js';
import type { PrintReply, PrintRequest } from './browser-thread-client.js';

const port = parentPort;
if (!port) throw new Error('browser-thread.js runs as a worker thread (src/print/browser-thread-client.ts starts it)');
const session = new BrowserSession();
let announced: number | undefined;

/** Tell the main thread which Chromium runs (it kills it itself on Ctrl-C). */
function announce(): void {
  const pid = session.pid();
  if (pid === announced) return;
  announced = pid;
  port?.postMessage({ op: 'launched', pid, dataDir: session.dataDir() } satisfies PrintReply);
}

port.on('message', (request: PrintRequest) => {
  if (request.op === 'warm') {
    session.warm(request.tabs);
    session.browser().then(announce, () => undefined);
  } else if (request.op === 'print') {
    printWithRetry(session, request.url).then(
      (pdf) => {
        announce();
        port.postMessage({ op: 'printed', id: request.id, pdf } satisfies PrintReply, [pdf.buffer as ArrayBuffer]);
      },
      (error: unknown) => {
        announce();
        const e = error instanceof Error ? error : new Error(String(error));
        port.postMessage({ op: 'failed', id: request.id, name: e.name, message: e.message, deterministic: (e as { deterministic?: boolean }).deterministic === true } satisfies PrintReply);
      },
    );
  } else if (request.op === 'kill') {
    session.kill();
    void session.settled().then(() => port.postMessage({ op: 'killed' } satisfies PrintReply));
  } else {
    session.close().finally(() => {
      port.postMessage({ op: 'closed' } satisfies PrintReply);
      port.close();
    });
  }
});
