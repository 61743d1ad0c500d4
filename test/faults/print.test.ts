/**
 * Faults of the browser, with real Chromium: a page that asks for the network, a page that
 * hangs, a browser killed mid-print. Each ends in a clear error or a successful retry, never
 * a partial PDF, and leaves no Chromium behind.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserSession, printWithRetry } from '../../src/print/session.js';
import { PrintError } from '../../src/print/print.js';

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

function running(pid: number | undefined): boolean {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('printing', () => {
  it('blocks and reports a remote reference, without retrying', async () => {
    session = new BrowserSession();
    const url = await page('<p>Text</p><img src="http://example.org/logo.png" alt="">');
    const error = await printWithRetry(session, url, { timeout: 20_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrintError);
    expect((error as Error).message).toContain('Blocked network requests');
    expect((error as Error).message).toContain('http://example.org/logo.png');
  });

  it('reuses a warm tab for the next print without carrying anything over from the last one', async () => {
    session = new BrowserSession();
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
    const browser = await session.browser();
    // One tab stays open for the next edition; the failed one was closed.
    expect((await browser.pages()).filter((p) => p.url().startsWith('file:')).length).toBe(1);
  });

  it('gives up on a hung page after a timeout and one retry, with a clear error', async () => {
    session = new BrowserSession();
    const url = await page('<p>Text</p><script>for (;;) {}</script>');
    const started = Date.now();
    const error = await printWithRetry(session, url, { timeout: 2_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrintError);
    expect((error as Error).message).toMatch(/failed twice/);
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('retries in a fresh browser when Chromium is killed mid-print', async () => {
    session = new BrowserSession();
    await session.browser();
    const victim = session.pid();
    expect(running(victim)).toBe(true);
    const url = await page('<p>Slow</p><script>const t = Date.now(); while (Date.now() - t < 1500) {}</script>');
    const printing = printWithRetry(session, url, { timeout: 20_000 });
    setTimeout(() => process.kill(victim as number, 'SIGKILL'), 400);
    const pdf = await printing;
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    expect(session.pid()).not.toBe(victim);
    expect(running(victim)).toBe(false);
  });
});
