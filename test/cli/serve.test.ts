/**
 * `serve`: requests that try to leave the root (symlinks, `..` in every spelling, dot-files),
 * other methods, foreign Host headers; the headers every answer carries; `/en` → `/en/`; a
 * missing output folder; and, in Chromium, the edition under its Content-Security-Policy (header
 * and <meta>): no violation, the fonts load, the switcher's script runs, the PDF link answers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Server } from 'node:http';
import { rawRequest } from '../helpers/http.js';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { cp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cli } from '../helpers/cli.js';
import { sharedEditions } from '../helpers/shared-build.js';
import { serve } from '../../src/cli/serve.js';
import { cspHash } from '../../src/render/csp.js';
import puppeteer, { type Browser } from 'puppeteer-core';
import { CHROMIUM_ARGS, findChromium } from '../../src/print/launch-chromium.js';

let out: string;
let server: Server;
let port: number;
let browser: Browser | undefined;

/** A raw request: the path is sent as written (fetch would normalize `..`). */
const raw = (path: string, options: { method?: string; host?: string } = {}) => rawRequest(port, path, options);

beforeAll(async () => {
  // A copy of the run's shared build (test/helpers/shared-build.ts), to leave traps in.
  out = join(mkdtempSync(join(tmpdir(), 'serve-')), 'output');
  const shared = await sharedEditions();
  expect(shared.status, shared.stderr).toBe(0);
  await cp(shared.out, out, { recursive: true });
  // Ways out of the root an attacker (or an accident) could leave in it.
  symlinkSync('/etc', join(out, 'etc'));
  symlinkSync('/etc/passwd', join(out, 'en', 'passwd.html'));
  symlinkSync('/', join(out, 'root'));
  mkdirSync(join(out, '.staging-x', 'en'), { recursive: true });
  writeFileSync(join(out, '.staging-x', 'en', 'index.html'), 'half-written');
  writeFileSync(join(out, '.env'), 'SECRET=1');
  server = await serve(out, 0);
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;
}, 120_000);

afterAll(async () => {
  server?.close();
  await browser?.close();
});

describe('stays inside its root', () => {
  it.each([
    '/etc/passwd',
    '/etc/',
    '/root/etc/passwd',
    '/en/passwd.html',
    '/../../../../etc/passwd',
    '/en/../../../etc/passwd',
    '/..%2f..%2f..%2fetc%2fpasswd',
    '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
    '/en/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '/..%5c..%5cetc%5cpasswd',
    '/en/index.html%00.pdf',
    '/.cache/state.json',
    '/.compendium-output.json',
    '/.staging-x/en/index.html',
    '/.env',
    '/%2eenv',
  ])('%s is not served', async (path) => {
    const r = await raw(path);
    expect([400, 403, 404], `${path}: ${r.status}`).toContain(r.status);
    expect(r.body).not.toMatch(/root:|SECRET|half-written|"editions"/);
  });

  it('a malformed address is a 400', async () => {
    expect((await raw('/%E0%A4%A')).status).toBe(400);
  });
});

describe('answers', () => {
  it('GET and HEAD only', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const r = await raw('/en/', { method });
      expect(r.status, method).toBe(405);
      expect(r.headers['allow']).toBe('GET, HEAD');
    }
    const head = await raw('/en/', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(Number(head.headers['content-length'])).toBeGreaterThan(1000);
  });

  it('to the bound address and localhost only (no DNS rebinding)', async () => {
    expect((await raw('/en/', { host: 'evil.example' })).status).toBe(403);
    expect((await raw('/en/', { host: `evil.example:${port}` })).status).toBe(403);
    expect((await raw('/en/', { host: `localhost:${port}` })).status).toBe(200);
    expect((await raw('/en/', { host: `127.0.0.1:${port}` })).status).toBe(200);
  });

  it('redirects a folder to its slash; nosniff and the page\'s policy on every answer', async () => {
    const r = await raw('/en?x=1');
    expect(r.status).toBe(301);
    expect(r.headers['location']).toBe('/en/?x=1');
    const page = await raw('/en/');
    expect(page.status).toBe(200);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    const html = await readFile(join(out, 'en', 'index.html'), 'utf8');
    const script = /<script>([\s\S]*?)<\/script>/u.exec(html)?.[1] ?? '';
    const policy = String(page.headers['content-security-policy']);
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain(cspHash(script));
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/u.exec(html)?.[1]?.replace(/&#x27;/gu, "'");
    expect(meta).toBe(policy);
    const index = await raw('/');
    const indexMeta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/u.exec(index.body)?.[1]?.replace(/&#x27;/gu, "'");
    expect(indexMeta).toBe(String(index.headers['content-security-policy']));
    expect(indexMeta).toContain("script-src 'self'; style-src 'self'");
    const pdf = await raw('/en/compendium-en.pdf', { method: 'HEAD' });
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['x-content-type-options']).toBe('nosniff');
    expect(pdf.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('a missing output folder: "run build first", exit 1', async () => {
    const r = await cli(['serve', '--out', join(out, 'nowhere'), '--port', '0']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/does not exist: run build first/);
  });
});

describe('the edition under its Content-Security-Policy, in Chromium', () => {
  it.each(['served', 'opened from disk'])('%s: no violation, fonts loaded, the switcher runs, the PDF link answers', async (how) => {
    // The printing flags, but 127.0.0.1 reachable (the printer resolves no host at all).
    browser ??= await puppeteer.launch({
      executablePath: findChromium(),
      headless: true,
      args: [...CHROMIUM_ARGS.filter((a) => !a.startsWith('--host-resolver-rules')), '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
      userDataDir: mkdtempSync(join(tmpdir(), 'un-compendium-chromium-serve-')),
    });
    const page = await browser.newPage();
    const console: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') console.push(m.text());
    });
    await page.evaluateOnNewDocument(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        ((window as unknown as { violations?: string[] }).violations ??= []).push(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    const url = how === 'served' ? `http://127.0.0.1:${port}/en/#para-23` : `${pathToFileURL(join(out, 'en', 'index.html')).href}#para-23`;
    await page.goto(url, { waitUntil: 'load' });
    const result = await page.evaluate(async () => {
      await document.fonts.ready;
      const loaded: string[] = [];
      document.fonts.forEach((f) => {
        if (f.status === 'loaded') loaded.push(f.family.replace(/"/gu, ''));
      });
      // The page's inline script moves the reader's paragraph onto a switcher link when clicked.
      const link = document.querySelector<HTMLAnchorElement>('nav.languages a[hreflang]');
      link?.addEventListener('click', (e) => e.preventDefault());
      link?.click();
      const pdf = document.querySelector<HTMLAnchorElement>('a[type="application/pdf"]')?.href ?? '';
      return { violations: (window as unknown as { violations?: string[] }).violations ?? [], loaded, hash: link ? new URL(link.href).hash : '', pdf };
    });
    expect(result.violations).toEqual([]);
    expect(console.filter((m) => /Content Security Policy/iu.test(m))).toEqual([]);
    expect(result.loaded).toContain('Tinos');
    expect(result.hash).toBe('#para-23');
    expect(result.pdf).toMatch(/compendium-en\.pdf$/u);
    if (how === 'served') expect((await raw(new URL(result.pdf).pathname, { method: 'HEAD' })).status).toBe(200);
    await page.close();
  }, 60_000);
});
