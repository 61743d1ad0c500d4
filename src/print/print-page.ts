/**
 * HTML → PDF bytes in Chromium, with CSS paged media. The page is loaded from its file://
 * address (local fonts load only there); every request that is not a local file is refused by
 * Chromium and reported, so rendering makes no network requests.
 */
import type { Browser, CDPSession, HTTPRequest, Page } from 'puppeteer-core';

export class PrintError extends Error {
  override name = 'PrintError';
  /** True when printing again would fail the same way (blocked requests, broken fonts). */
  constructor(message: string, readonly deterministic = false) {
    super(message);
  }
}

/** Milliseconds for loading and printing one edition: COMPENDIUM_PRINT_TIMEOUT, else 60 s. */
export function printTimeout(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env['COMPENDIUM_PRINT_TIMEOUT']);
  return Number.isFinite(value) && value > 0 ? value : 60_000;
}

/** Chromium's own PDF options for every edition (the floor of the benchmark prints with them too). */
export const PDF_OPTIONS = { preferCSSPageSize: true, printBackground: true, tagged: true, outline: true } as const;

export interface PrintOptions {
  /** Milliseconds for loading and printing one edition. */
  timeout?: number;
}

/** Print in a new tab, closed afterwards. */
export async function printPdf(browser: Browser, url: string, options: PrintOptions = {}): Promise<Uint8Array> {
  const page = await browser.newPage();
  try {
    return await printOnPage(page, url, options);
  } finally {
    await withTimeout(page.close(), 5_000, 'closing the page').catch(() => undefined);
  }
}

/** What a page may load: its own files and data: addresses. */
const LOCAL = ['file:', 'data:'];
/** Every scheme that reaches the network, refused by Chromium's network service. */
const NETWORK = ['http:*', 'https:*', 'ws:*', 'wss:*', 'ftp:*'];
const prepared = new WeakMap<Page, Promise<void>>();

/**
 * A tab made ready to print, once per tab (a warm tab is ready already): print media, and
 * Chromium refusing every network address itself (the DevTools protocol's blocked URLs). Not
 * request interception: that holds each of the page's requests (its style sheets, its fonts)
 * until this process answers, and while this process transforms the next edition it cannot
 * answer at once. The host resolver rules (browser.ts) and each edition's
 * Content-Security-Policy stand behind it.
 */
export function preparePage(page: Page): Promise<void> {
  let done = prepared.get(page);
  if (!done) {
    done = (async () => {
      // On Puppeteer's own session of the tab, whose network agent is enabled already. A
      // session of our own would need Network.enable, and a second enabled agent made the
      // renderer keep some 400 MB more at 1,000 pages, and print slower (measured). `_client`
      // is not public API: the fault tests check against a real server that nothing gets through.
      const client = (page as unknown as { _client(): CDPSession })._client();
      await client.send('Network.setBlockedURLs', { urls: NETWORK });
      // Lay the page out for print from the start: otherwise Chromium lays it out for the
      // screen on load and again for print (measured: about a third of the loading time).
      await page.emulateMediaType('print');
    })();
    prepared.set(page, done);
  }
  return done;
}

/**
 * Print in a given tab. A tab that printed successfully can print the next edition: its
 * renderer process and font caches are warm (measured: about 0.1 s of CPU saved per edition).
 */
export async function printOnPage(page: Page, url: string, options: PrintOptions = {}): Promise<Uint8Array> {
  const timeout = options.timeout ?? printTimeout();
  const blocked: string[] = [];
  // Only noted here: Chromium itself refuses them (preparePage), without asking us.
  const onRequest = (request: HTTPRequest): void => {
    const target = request.url();
    if (!LOCAL.some((scheme) => target.startsWith(scheme))) blocked.push(target);
  };
  page.on('request', onRequest);
  try {
    await preparePage(page);
    page.setDefaultTimeout(timeout);
    await page.goto(url, { waitUntil: 'load', timeout });
    await withTimeout(
      page.evaluate(async () => {
        await document.fonts.ready;
      }),
      timeout,
      'waiting for fonts',
    );
    const failedFonts = await page.evaluate(() => {
      const failed: string[] = [];
      document.fonts.forEach((f) => {
        if (f.status === 'error') failed.push(`${f.family} ${f.weight} ${f.style}`);
      });
      return failed;
    });
    if (failedFonts.length > 0) throw new PrintError(`Fonts failed to load: ${failedFonts.join(', ')}`, true);
    if (blocked.length > 0) throw new PrintError(`Blocked network requests while rendering (nothing may be fetched): ${blocked.join(', ')}`, true);
    const pdf = await withTimeout(page.pdf({ ...PDF_OPTIONS, timeout }), timeout, 'printing');
    return new Uint8Array(pdf);
  } finally {
    page.off('request', onRequest);
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PrintError(`Chromium did not answer within ${ms} ms (${what})`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
