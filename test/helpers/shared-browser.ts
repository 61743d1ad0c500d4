/**
 * The test run's one warm Chromium (started by test/global-setup.ts), as a BrowserSession of
 * this test file: it connects on the first print, and its close closes the tabs it opened
 * and disconnects, leaving the browser to the other files. Puppeteer is loaded only by a file
 * that prints (this module is loaded by every file: test/setup-file.ts closes the session).
 */
import { inject } from 'vitest';
import type { Page } from 'puppeteer-core';
import type { BrowserSession } from '../../src/print/browser-session.js';

let shared: Promise<BrowserSession> | undefined;

export function sharedSession(): Promise<BrowserSession> {
  return (shared ??= connectedSession().then(({ session }) => session));
}

/**
 * A new BrowserSession on the run's shared Chromium, and the tabs it has open (the browser
 * holds other files' tabs too). Its close closes its tabs and disconnects.
 */
export async function connectedSession(): Promise<{ session: BrowserSession; openTabs(): Page[] }> {
  const [{ default: puppeteer }, { BrowserSession: Session }] = await Promise.all([import('puppeteer-core'), import('../../src/print/browser-session.js')]);
  const mine = new Set<Page>();
  const session = new Session(async () => {
    const browser = await puppeteer.connect({ browserWSEndpoint: inject('browserEndpoint') });
    const newPage = browser.newPage.bind(browser);
    browser.newPage = async (...args: Parameters<typeof newPage>) => {
      const page = await newPage(...args);
      mine.add(page);
      return page;
    };
    return {
      browser,
      userDataDir: '',
      async close() {
        await Promise.all([...mine].map((page) => page.close().catch(() => undefined)));
        await browser.disconnect().catch(() => undefined);
      },
    };
  });
  return { session, openTabs: () => [...mine].filter((page) => !page.isClosed()) };
}

/** Close this file's connection to the shared browser (test/setup-file.ts, after each file). */
export async function closeSharedSession(): Promise<void> {
  const session = await shared;
  shared = undefined;
  await session?.close();
}
