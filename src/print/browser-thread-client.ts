/**
 * The main thread's side of the browser's thread (browser-thread.ts): prints are sent there by
 * file address and come back as PDF bytes (moved, not copied). Errors come back by name and
 * message, as PrintError when printing failed. On Ctrl-C, Chromium is killed from here at once,
 * by the process id the worker announced, without waiting for the worker.
 */
import { Worker } from 'node:worker_threads';
import { PrintError } from './print-page.js';
import { killBrowser } from './kill-chromium.js';

export type PrintRequest = { op: 'warm'; tabs: number } | { op: 'print'; id: number; url: string } | { op: 'close' } | { op: 'kill' };
export type PrintReply =
  | { op: 'launched'; pid: number | undefined; dataDir: string | undefined }
  | { op: 'printed'; id: number; pdf: Uint8Array }
  | { op: 'failed'; id: number; name: string; message: string; deterministic: boolean }
  | { op: 'closed' }
  | { op: 'killed' };

/** The error as thrown in the browser's thread: its class when it is PrintError, else its name and message. */
function rebuilt(reply: Extract<PrintReply, { op: 'failed' }>): Error {
  const error = reply.name === 'PrintError' ? new PrintError(reply.message, reply.deterministic) : new Error(reply.message);
  error.name = reply.name;
  return error;
}

export class WorkerPrinter {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve: (pdf: Uint8Array) => void; reject: (error: Error) => void }>();
  private next = 0;
  private browser: { pid: number | undefined; dataDir: string | undefined } = { pid: undefined, dataDir: undefined };
  private readonly ended: Promise<void>;
  private gone: Error | undefined;

  /** `env`: the thread's environment (CHROMIUM_PATH, COMPENDIUM_PRINT_TIMEOUT). */
  constructor(script: URL, env: NodeJS.ProcessEnv = process.env) {
    this.worker = new Worker(script, { env });
    this.worker.on('message', (reply: PrintReply) => {
      if (reply.op === 'launched') this.browser = { pid: reply.pid, dataDir: reply.dataDir };
      else if (reply.op === 'printed') this.settle(reply.id)?.resolve(reply.pdf);
      else if (reply.op === 'failed') this.settle(reply.id)?.reject(rebuilt(reply));
    });
    this.ended = new Promise((resolve) => {
      const stop = (error: Error) => {
        this.gone ??= error;
        for (const { reject } of this.waiting.values()) reject(this.gone);
        this.waiting.clear();
        resolve();
      };
      this.worker.on('error', (error) => stop(new PrintError(`The browser's thread failed: ${error.message}`)));
      this.worker.on('exit', () => stop(new PrintError("The browser's thread has ended")));
    });
  }

  private settle(id: number) {
    const found = this.waiting.get(id);
    this.waiting.delete(id);
    return found;
  }

  private send(request: PrintRequest): void {
    if (!this.gone) this.worker.postMessage(request);
  }

  /** Launch Chromium now (if not yet), with `tabs` tabs opened and made ready. */
  warm(tabs = 0): void {
    this.send({ op: 'warm', tabs });
  }

  print(url: string): Promise<Uint8Array> {
    if (this.gone) return Promise.reject(this.gone);
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.send({ op: 'print', id, url });
    });
  }

  /** Close Chromium gracefully, and the thread with it. */
  async close(): Promise<void> {
    this.send({ op: 'close' });
    await this.ended;
  }

  /**
   * Ctrl-C: Chromium's process tree killed from here at once; the thread is told too (a
   * launch under way there kills what it launches) and stopped once it has said so, or after
   * two seconds.
   */
  async kill(): Promise<void> {
    killBrowser(this.browser.pid, this.browser.dataDir);
    const told = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 2_000);
      this.worker.on('message', (reply: PrintReply) => {
        if (reply.op === 'killed') (clearTimeout(timer), resolve());
      });
      this.ended.then(() => (clearTimeout(timer), resolve()));
    });
    this.send({ op: 'kill' });
    this.gone ??= new PrintError('The browser was stopped');
    await told;
    await this.worker.terminate();
  }
}
