/**
 * HTML → PDF bytes in Chromium, with CSS paged media. The page is loaded from its file://
 * address (local fonts load only there); every request that is not a local file is blocked
 * and reported, so rendering makes no network requests.
 */
import type { Browser } from 'puppeteer-core';

export class PrintError extends Error {
  override name = 'PrintError';
}

export interface PrintOptions {
  /** Milliseconds for loading and printing one edition. */
  timeout?: number;
}

export async function printPdf(browser: Browser, url: string, options: PrintOptions = {}): Promise<Uint8Array> {
  const timeout = options.timeout ?? 60_000;
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
    await page.evaluate(async () => {
      await document.fonts.ready;
    });
    const failedFonts = await page.evaluate(() => {
      const failed: string[] = [];
      document.fonts.forEach((f) => {
        if (f.status === 'error') failed.push(`${f.family} ${f.weight} ${f.style}`);
      });
      return failed;
    });
    if (failedFonts.length > 0) throw new PrintError(`Fonts failed to load: ${failedFonts.join(', ')}`);
    if (blocked.length > 0) throw new PrintError(`Blocked network requests while rendering: ${blocked.join(', ')}`);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true, timeout });
    return new Uint8Array(pdf);
  } finally {
    await page.close().catch(() => undefined);
  }
}
