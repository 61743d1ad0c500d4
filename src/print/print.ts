/**
 * HTML → PDF bytes in Chromium, with CSS paged media. The page is loaded from its file://
 * address (local fonts load only there); every request that is not a local file is blocked
 * and reported, so rendering makes no network requests.
 */
import type { Browser } from 'puppeteer-core';

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

export interface PrintOptions {
  /** Milliseconds for loading and printing one edition. */
  timeout?: number;
}

export async function printPdf(browser: Browser, url: string, options: PrintOptions = {}): Promise<Uint8Array> {
  const timeout = options.timeout ?? printTimeout();
  const page = await browser.newPage();
  const blocked: string[] = [];
  try {
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const target = request.url();
      if (target.startsWith('file:') || target.startsWith('data:')) void request.continue();
      else {
        blocked.push(target);
        void request.abort('blockedbyclient');
      }
    });
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
    const pdf = await withTimeout(page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true, timeout }), timeout, 'printing');
    return new Uint8Array(pdf);
  } finally {
    await withTimeout(page.close(), 5_000, 'closing the page').catch(() => undefined);
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PrintError(`Chromium did not answer within ${ms} ms (${what})`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
