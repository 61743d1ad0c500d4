/**
 * One warm Chromium for a whole build, restarted when it dies, and printing with a timeout
 * and one retry: a crash or hang mid-print costs one more attempt in a fresh browser, then a
 * clear error — never a partial PDF (nothing is written until the bytes are complete).
 */
import { rmSync } from 'node:fs';
import type { Browser, Page } from 'puppeteer-core';
import { launchBrowser, type LaunchedBrowser } from './browser.js';
import { printOnPage, PrintError, type PrintOptions } from './print.js';

export class BrowserSession {
  private current: LaunchedBrowser | undefined;
  private launching: Promise<LaunchedBrowser> | undefined;
  private killed = false;
  /** Tabs that printed successfully, ready for the next edition. */
  private idle: Page[] = [];
  constructor(private readonly launch: () => Promise<LaunchedBrowser> = () => launchBrowser()) {}

  /** The warm browser, launched once even when several prints ask at the same time. */
  async browser(): Promise<Browser> {
    if (this.killed) throw new PrintError('The browser was stopped');
    if (this.current?.browser.connected) return this.current.browser;
    if (!this.launching) {
      const old = this.current;
      this.current = undefined;
      this.launching = (async () => {
        await old?.close();
        return this.launch();
      })();
      this.launching.then(
        (launched) => {
          this.current = launched;
          this.launching = undefined;
          // Killed (Ctrl-C) while it was starting: it must not outlive the process.
          if (this.killed) this.kill();
        },
        () => {
          this.launching = undefined;
        },
      );
    }
    const launched = await this.launching;
    this.current = launched;
    return launched.browser;
  }

  /**
   * Start the browser now, without waiting, so that it starts while the sources are checked
   * and transformed. A launch failure is reported by the next `browser()`, which tries again.
   */
  warm(): void {
    this.browser().catch(() => undefined);
  }

  /** The running browser's process id, if any (for tests and for killing on interrupt). */
  pid(): number | undefined {
    return this.current?.browser.process()?.pid;
  }

  /** Print in a warm tab of `browser` (or a new one); a tab that failed is closed. */
  async print(browser: Browser, url: string, options: PrintOptions = {}): Promise<Uint8Array> {
    let page: Page | undefined;
    while (!page) {
      const idle = this.idle.pop();
      if (!idle) page = await browser.newPage();
      else if (!idle.isClosed() && idle.browser() === browser) page = idle;
    }
    try {
      const pdf = await printOnPage(page, url, options);
      this.idle.push(page);
      return pdf;
    } catch (error) {
      await page.close().catch(() => undefined);
      throw error;
    }
  }

  async restart(): Promise<void> {
    this.idle = [];
    const old = this.current;
    this.current = undefined;
    await old?.close();
  }

  /** Close a browser that died or hung (another print may have done so already). */
  async restartIf(browser: Browser): Promise<void> {
    if (this.current?.browser === browser) await this.restart();
  }

  async close(): Promise<void> {
    // A browser still starting (see `warm`) is waited for and closed too.
    await this.launching?.catch(() => undefined);
    await this.restart();
  }

  /** Stop at once (Ctrl-C): no graceful close, the process tree is killed. */
  kill(): void {
    this.killed = true;
    const dir = this.current?.userDataDir;
    const proc = this.current?.browser.process();
    if (proc?.pid) {
      try {
        process.kill(-proc.pid, 'SIGKILL');
      } catch {
        proc.kill('SIGKILL');
      }
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

/** Errors that another attempt cannot fix (the page itself asks for the network, a font is broken). */
function deterministic(error: unknown): boolean {
  return error instanceof PrintError && error.deterministic;
}

export async function printWithRetry(session: BrowserSession, url: string, options: PrintOptions = {}): Promise<Uint8Array> {
  let first: unknown;
  for (let attempt = 1; attempt <= 2; attempt++) {
    let browser: Browser | undefined;
    try {
      browser = await session.browser();
      return await session.print(browser, url, options);
    } catch (error) {
      if (deterministic(error)) throw error;
      if (attempt === 2) {
        const reason = (e: unknown) => (e instanceof Error ? e.message.split('\n')[0] : String(e));
        throw new PrintError(`Printing ${url} failed twice (${reason(first)}; then ${reason(error)})`);
      }
      first = error;
      if (browser) await session.restartIf(browser);
    }
  }
  throw new PrintError(`Printing ${url} failed`);
}
