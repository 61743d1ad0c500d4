/**
 * Faults of the browser, with real Chromium: a page that asks for the network, a page that
 * hangs, a browser killed mid-print. Each ends in a clear error or a successful retry, never
 * a partial PDF, and leaves no Chromium behind.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BrowserSession, printWithRetry } from '../../src/print/browser-session.js';
import { PrintError, printOnPage } from '../../src/print/print-page.js';
import { WorkerPrinter } from '../../src/print/browser-thread-client.js';
import { CHROMIUM_ARGS, findChromium } from '../../src/print/launch-chromium.js';
import puppeteer from 'puppeteer-core';
import { connectedSession, sharedSession } from '../helpers/shared-browser.js';

/**
 * A Chromium of a test's own (not the run's shared one) where the test kills it or starts it
 * in the browser's thread; elsewhere a session on the shared one (connectedSession: its own
 * tabs, closed with it).
 */
let session: BrowserSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

async function page(html: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'fault-'));
  const path = join(dir, 'index.html');
  await writeFile(path, `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body>${html}</body></html>`);
  return pathToFileURL(path).href;
}

/** Alive, and not a zombie waiting to be reaped (a killed child of a stopped worker thread is one until this process exits). */
function running(pid: number | undefined): boolean {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    const state = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0];
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

/** Whether the process has ended within two seconds (a SIGKILL takes effect soon, not at once). */
async function ends(pid: number | undefined): Promise<boolean> {
  for (let i = 0; i < 40 && running(pid); i++) await new Promise((resolve) => setTimeout(resolve, 50));
  return !running(pid);
}

describe('printing', () => {
  it('blocks and reports a remote reference, without retrying', async () => {
    const url = await page('<p>Text</p><img src="http://example.org/logo.png" alt="">');
    const error = await printWithRetry(await sharedSession(), url, { timeout: 20_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrintError);
    expect((error as Error).message).toContain('Blocked network requests');
    expect((error as Error).message).toContain('http://example.org/logo.png');
  });

  it('never lets a request reach a server, even one at an IP address the host rules do not cover', async () => {
    const hits: string[] = [];
    const server = createServer((request, response) => {
      hits.push(request.url ?? '');
      response.end('x');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const base = `http://127.0.0.1:${port}`;
      const url = await page(`<link rel="stylesheet" href="${base}/style.css"><p>Text</p><img src="${base}/logo.png" alt=""><script>fetch('${base}/fetch').catch(() => {}); new WebSocket('ws://127.0.0.1:${port}/socket');</script>`);
      const error = await printWithRetry(await sharedSession(), url, { timeout: 20_000 }).catch((e: unknown) => e);
      expect((error as Error).message).toContain(`${base}/logo.png`);
      expect((error as Error).message).toContain(`${base}/style.css`);
      expect(hits).toEqual([]);
      // The tab's own blocking alone, in a Chromium without the host resolver rules (which
      // cover IP addresses too): still refused, still reported. (Not WebSockets: neither the
      // DevTools blocking nor request interception sees them; the host rules, tested above,
      // and each edition's Content-Security-Policy do.)
      const plain = await page(`<link rel="stylesheet" href="${base}/style.css"><p>Text</p><img src="${base}/logo.png" alt=""><script>fetch('${base}/fetch').catch(() => {});</script>`);
      const bare = await puppeteer.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS.filter((a) => !a.startsWith('--host-resolver-rules')) });
      try {
        const tab = await bare.newPage();
        await expect(printOnPage(tab, plain, { timeout: 20_000 })).rejects.toThrow(`${base}/logo.png`);
        expect(hits).toEqual([]);
        // And that Chromium does reach the server when the page is not ours to print.
        await (await bare.newPage()).goto(`${base}/direct`);
        expect(hits).toContain('/direct');
      } finally {
        await bare.close();
      }
    } finally {
      server.close();
    }
  });

  it('reuses a warm tab for the next print without carrying anything over from the last one', async () => {
    const connected = await connectedSession();
    session = connected.session;
    const clean = await page('<p>Text</p>');
    const first = await printWithRetry(session, clean, { timeout: 20_000 });
    // A print that fails in between: its tab is closed, and its blocked request is not
    // reported by the prints that follow.
    const remote = await page('<img src="http://example.org/x.png" alt="">');
    await expect(printWithRetry(session, remote, { timeout: 20_000 })).rejects.toThrow(/Blocked network requests/);
    const second = await printWithRetry(session, clean, { timeout: 20_000 });
    const third = await printWithRetry(session, clean, { timeout: 20_000 });
    // Chromium stamps the time of printing; apart from that, the bytes are the same.
    const undated = (pdf: Uint8Array) => Buffer.from(pdf).toString('latin1').replace(/\/(CreationDate|ModDate) \(D:[^)]*\)/g, '');
    expect(undated(second).startsWith('%PDF-')).toBe(true);
    expect(undated(second)).toBe(undated(first));
    expect(undated(third)).toBe(undated(second));
    // One tab stays open for the next edition; the failed one was closed.
    expect(connected.openTabs().map((p) => p.url().startsWith('file:'))).toEqual([true]);
  });

  it('gives up on a hung page after a timeout and one retry, with a clear error', async () => {
    // In the shared browser: a restart is a new connection there, and the hung tabs are closed.
    session = (await connectedSession()).session;
    const url = await page('<p>Text</p><script>for (;;) {}</script>');
    const started = Date.now();
    const error = await printWithRetry(session, url, { timeout: 500 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrintError);
    expect((error as Error).message).toMatch(/failed twice/);
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('retries in a fresh browser when Chromium is killed mid-print', async () => {
    session = new BrowserSession();
    await session.browser();
    const victim = session.pid();
    expect(running(victim)).toBe(true);
    const url = await page('<p>Slow</p><script>const t = Date.now(); while (Date.now() - t < 800) {}</script>');
    const browser = await session.browser();
    const printing = printWithRetry(session, url, { timeout: 20_000 });
    // Killed mid-print: once the tab is loading the page (not while the tab is being opened, a
    // moment in which Puppeteer waits 30 s for the target of a browser that is gone).
    for (let i = 0; i < 250 && !(await browser.pages()).some((p) => p.url() === url); i++) await new Promise((resolve) => setTimeout(resolve, 20));
    process.kill(victim as number, 'SIGKILL');
    const pdf = await printing;
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    expect(session.pid()).not.toBe(victim);
    expect(running(victim)).toBe(false);
  });
});

describe('printing in the browser’s own thread (the compiled worker the command line uses)', () => {
  const script = pathToFileURL(join(import.meta.dirname, '..', '..', 'dist', 'bin', 'browser-thread.js'));

  it('prints, reports a blocked request as the same PrintError, and kills Chromium from the main thread', async () => {
    const printer = new WorkerPrinter(script);
    try {
      printer.warm(2);
      const pdf = await printer.print(await page('<p>Text</p>'));
      expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
      const error = await printer.print(await page('<img src="http://example.org/logo.png" alt="">')).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PrintError);
      expect((error as PrintError).deterministic).toBe(true);
      expect((error as Error).message).toContain('http://example.org/logo.png');
      const pid = (printer as unknown as { browser: { pid?: number } }).browser.pid;
      expect(running(pid)).toBe(true);
      await printer.kill();
      expect(await ends(pid)).toBe(true);
      await expect(printer.print(await page('<p>Text</p>'))).rejects.toThrow('The browser was stopped');
    } finally {
      await printer.close();
    }
  });

  it('closes Chromium with the thread', async () => {
    const printer = new WorkerPrinter(script);
    await printer.print(await page('<p>Text</p>'));
    const pid = (printer as unknown as { browser: { pid?: number } }).browser.pid;
    expect(running(pid)).toBe(true);
    await printer.close();
    expect(await ends(pid)).toBe(true);
  });
});
