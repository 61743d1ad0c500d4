/**
 * Finding and launching the system Chromium. The project never downloads a browser: it uses
 * Debian's `chromium` package (scripts/setup.mjs installs it when missing and allowed).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { findChromium } from './find-chromium.js';

// Where Chromium is looked for lives in ./find-chromium.ts (no Puppeteer: setup reads it too).
export { BrowserNotFoundError, CANDIDATES, findChromium } from './find-chromium.js';

/** Flags for a headless Chromium run as root on a machine with no network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--font-render-hinting=none',
  // No network at all: every host name fails to resolve (the page also blocks requests).
  '--host-resolver-rules=MAP * ~NOTFOUND',
];

export class BrowserLaunchError extends Error {
  override name = 'BrowserLaunchError';
}

export interface LaunchedBrowser {
  browser: Browser;
  userDataDir: string;
  close(): Promise<void>;
}

export async function launchBrowser(executablePath = findChromium()): Promise<LaunchedBrowser> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'un-compendium-chromium-'));
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      executablePath,
      headless: true,
      args: CHROMIUM_ARGS,
      userDataDir,
      dumpio: false,
      timeout: 30_000,
      // The CLI handles Ctrl-C itself (kill Chromium, remove partial files, release the
      // lock); Puppeteer's own handlers would exit before that cleanup.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
  } catch (error) {
    await rm(userDataDir, { recursive: true, force: true });
    const first = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new BrowserLaunchError(`Chromium at ${executablePath} failed to start: ${first}`);
  }
  return {
    browser,
    userDataDir,
    async close() {
      await browser.close().catch(() => undefined);
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
