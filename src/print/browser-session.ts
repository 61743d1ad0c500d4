/**
 * One warm Chromium for a whole build, restarted when it dies, and printing with a timeout
 * and one retry: a crash or hang mid-print costs one more attempt in a fresh browser, then a
 * clear error — never a partial PDF (nothing is written until the bytes are complete).
 */
import type { Browser, Page } from 'puppeteer-core';
import { launchBrowser, type LaunchedBrowser } from './launch-chromium.js';
import { killBrowser } from './kill-chromium.js';
import { preparePage, printOnPage, PrintError, type PrintOptions } from './print-page.js';

export class BrowserSession {
  private current: LaunchedBrowser | undefined;
  private launching: Promise<LaunchedBrowser> | undefined;
  private killed = false;
  /** Tabs that printed successfully, ready for the next edition. */
  private idle: Page[] = [];
  /** Tabs being opened ahead of the first prints (warm). */
  private opening: Array<Promise<Page>> = [];
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
  warm(tabs = 0): void {
    const browser = this.browser();
    browser.catch(() => undefined);
    // Tabs opened now start their renderer processes while the sources are read, as a bare
    // Puppeteer script opens its tabs before it prints (the benchmark's floor does).
    for (let i = 0; i < tabs; i++) {
      const tab = browser.then(async (b) => {
        const page = await b.newPage();
        await preparePage(page);
        return page;
      });
      tab.catch(() => undefined);
      this.opening.push(tab);
    }
  }

  /** The running browser's process id, if any (for tests and for killing on interrupt). */
  pid(): number | undefined {
    return this.current?.browser.process()?.pid;
  }

  /** Resolves once no launch is under way (a browser launched after `kill` kills itself). */
  async settled(): Promise<void> {
    await this.launching?.catch(() => undefined);
  }

  /** The running browser's profile folder, if any (removed when it is killed). */
  dataDir(): string | undefined {
    return this.current?.userDataDir;
  }

  /** Print in a warm tab of `browser` (or a new one); a tab that failed is closed. */
  async print(browser: Browser, url: string, options: PrintOptions = {}): Promise<Uint8Array> {
    let page: Page | undefined;
    while (!page) {
      const idle = this.idle.pop() ?? (await this.opening.shift()?.catch(() => null));
      if (idle === undefined) page = await browser.newPage();
      else if (idle && !idle.isClosed() && idle.browser() === browser) page = idle;
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
    this.opening = [];
    const old = this.current;
    this.current = undefined;
    await old?.close();
  }

  /** Close a browser that died or hung (another print may have done so already). */
  async restartIf(browser: Browser): Promise<void> {
    if (this.current?.browser === browser) await this.restart();
  }

  async close(): Promise<void> {
    // A browser still starting (see `warm`) is waited for and closed too, and so are the tabs
    // still opening in it: a tab whose browser closes under it leaves Puppeteer waiting 30 s
    // for its target, and the process with it (a build refused at its lock took 31 s). A
    // browser that hangs while opening them is closed after 5 s all the same.
    await this.launching?.catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.allSettled(this.opening), new Promise((resolve) => (timer = setTimeout(resolve, 5_000)))]);
    clearTimeout(timer);
    await this.restart();
  }

  /** Stop at once (Ctrl-C): no graceful close, the process tree is killed. */
  kill(): void {
    this.killed = true;
    killBrowser(this.current?.browser.process()?.pid, this.current?.userDataDir);
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
