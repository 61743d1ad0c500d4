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
  const [{ connectTracked }, { BrowserSession: Session }] = await Promise.all([import('./connect-browser.mjs'), import('../../src/print/browser-session.js')]);
  let tabs: () => Page[] = () => [];
  const session = new Session(async () => {
    const connection = await connectTracked(inject('browserEndpoint'));
    tabs = connection.openTabs;
    return connection;
  });
  return { session, openTabs: () => tabs() };
}

/** Close this file's connection to the shared browser (test/setup-file.ts, after each file). */
export async function closeSharedSession(): Promise<void> {
  const session = await shared;
  shared = undefined;
  await session?.close();
}
