/**
 * HTML → PDF bytes in Chromium, with CSS paged media. The page is loaded from its file://
 * address (local fonts load only there); every request that is not a local file is blocked
 * and reported, so rendering makes no network requests.
 */
import type { Browser, HTTPRequest, Page } from 'puppeteer-core';

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

/**
 * Print in a given tab. A tab that printed successfully can print the next edition: its
 * renderer process and font caches are warm (measured: about 0.1 s of CPU saved per edition).
 */
export async function printOnPage(page: Page, url: string, options: PrintOptions = {}): Promise<Uint8Array> {
  const timeout = options.timeout ?? printTimeout();
  const blocked: string[] = [];
  const onRequest = (request: HTTPRequest): void => {
    const target = request.url();
    if (target.startsWith('file:') || target.startsWith('data:')) void request.continue();
    else {
      blocked.push(target);
      void request.abort('blockedbyclient');
    }
  };
  page.on('request', onRequest);
  try {
    await page.setRequestInterception(true);
    page.setDefaultTimeout(timeout);
    // Lay the page out for print from the start: otherwise Chromium lays it out for the
    // screen on load and again for print (measured: about a third of the loading time).
    await page.emulateMediaType('print');
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
