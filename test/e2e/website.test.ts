/**
 * The HTML editions as a delegate uses them, in real Chromium: accessibility (axe-core,
 * WCAG 2.1 A and AA), phone and desktop widths (screenshots under output/screenshots/ for
 * people), anchors, symbol links, the language switcher keeping the paragraph, the skip link.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedEditions } from '../helpers/shared-build.js';
import { mkdir } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { ROOT, sharedSession } from '../helpers/cli.js';
import { presentLangs } from '../helpers/sources.js';
import { loadProject } from '../../src/load/project.js';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const langs = presentLangs();
const shots = join(ROOT, 'output', 'screenshots');
let out: string;
/** The run's shared Chromium (its tabs are closed after this file). */
let browser: Browser;

async function open(path: string, width = 1280): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewport({ width, height: 900 });
  await page.goto(pathToFileURL(join(out, path)).href, { waitUntil: 'load' });
  return page;
}

async function axe(page: Page): Promise<string[]> {
  // Evaluated, not added as a <script>: the page's Content-Security-Policy allows no other inline script.
  await page.evaluate(readFileSync(AXE, 'utf8'));
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
  });
}

beforeAll(async () => {
  const built = await sharedEditions();
  out = built.out;
  expect(built.status, built.stderr).toBe(0);
  browser = await (await sharedSession()).browser();
  await mkdir(shots, { recursive: true });
});


it('the language chooser has no accessibility violations and links every edition', async () => {
  const page = await open('index.html');
  expect(await axe(page)).toEqual([]);
  const hrefs = await page.$$eval('a', (as) => as.map((a) => a.getAttribute('href')));
  for (const lang of langs) expect(hrefs).toContain(`${lang}/index.html`);
  await page.close();
});

describe.each(langs)('the %s HTML edition', (lang) => {
  // One tab per edition, loaded once: each test below reads it (the widths are set in turn).
  let page: Page;
  beforeAll(async () => {
    page = await open(`${lang}/index.html`);
  });
  afterAll(async () => {
    await page.close();
  });

  it('offers the PDF edition, the other languages, the Akoma Ntoso edition, and a skip link first in the tab order', async () => {
    expect(await page.$eval('a[type="application/pdf"]', (a) => a.getAttribute('href'))).toBe(`compendium-${lang}.pdf`);
    const alternates = await page.$$eval('link[rel="alternate"]', (ls) => ls.map((l) => l.getAttribute('hreflang') ?? `${l.getAttribute('type') ?? ''} ${l.getAttribute('href') ?? ''}`));
    expect(alternates.sort()).toEqual([...langs.filter((l) => l !== lang), `application/akn+xml compendium-${lang}.akn.xml`].sort());
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
  });

  it('has no WCAG 2.1 A/AA violations (axe-core)', async () => {
    expect(await axe(page)).toEqual([]);
  });

  it('resolves every internal anchor and links symbols to undocs.org in its language', async () => {
    const broken = await page.$$eval('a[href^="#"]', (as) => as.map((a) => a.getAttribute('href') ?? '').filter((h) => !document.getElementById(decodeURIComponent(h.slice(1)))));
    expect(broken).toEqual([]);
    const symbols = await page.$$eval('a.symbol', (as) => as.map((a) => [a.getAttribute('href'), a.textContent]));
    expect(symbols.length).toBeGreaterThanOrEqual(20);
    for (const [href, text] of symbols) expect(href).toBe(`https://undocs.org/${lang}/${text}`);
    for (const [href] of symbols) expect(href).toMatch(/^https:\/\/undocs\.org\/(ar|zh|en|fr|ru|es)\/[A-Z][A-Z0-9.]*(\/[A-Za-z0-9.]+)+\*?$/);
    const ids = await page.$$eval('[id^="para-"]', (els) => els.map((e) => e.id).filter((id) => /^para-\d+$/.test(id)));
    expect(ids).toHaveLength(89);
  });

  it('fits a 320 px phone without sideways scrolling; screenshots at 375 and 1280 px', async () => {
    for (const width of [320, 375, 1280]) {
      await page.setViewport({ width, height: 900 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${width} px`).toBeLessThanOrEqual(0);
      if (width !== 320) await page.screenshot({ path: join(shots, `${lang}-${width}.png`) as `${string}.png` });
    }
  });
});

it('prints every language name of the switcher with a real font (中文 in the Arabic edition)', async () => {
  const page = await open('ar/index.html');
  // A face loads only when rendered text needs its characters: the Noto Serif SC slice
  // holding 中文 must load, from the edition's own fonts folder.
  const result = await page.evaluate(async () => {
    await document.fonts.ready;
    const names = [...document.querySelectorAll('nav.languages [lang]')].map((e) => e.textContent ?? '');
    const loaded: string[] = [];
    document.fonts.forEach((f) => {
      if (f.status === 'loaded') loaded.push(f.family.replace(/"/g, ''));
    });
    return { names, loaded };
  });
  expect(result.names).toContain('中文');
  expect(result.loaded).toContain('Noto Serif SC');
  await page.close();
});

it('the language switcher leads to the same paragraph in another language', async () => {
  const page = await open('en/index.html');
  await page.goto(`${pathToFileURL(join(out, 'en', 'index.html')).href}#para-23`);
  // Each language numbers in its own form ("23.", the Arabic "23 -"): the locale pack's.
  const forms = new Map((await loadProject(ROOT)).editions.map((e) => [e.lang as string, (e.locale.paragraphNumber ?? '{number}.').replace('{number}', '23')]));
  for (const target of langs.filter((l) => l !== 'en')) {
    await page.goto(`${pathToFileURL(join(out, 'en', 'index.html')).href}#para-23`);
    await Promise.all([page.waitForNavigation(), page.click(`nav.languages a[hreflang="${target}"]`)]);
    expect(page.url()).toBe(`${pathToFileURL(join(out, target, 'index.html')).href}#para-23`);
    expect(await page.$eval('#para-23 .para-num', (e) => e.textContent)).toBe(forms.get(target));
  }
  await page.close();
});

// Serving the editions on localhost: test/cli/serve.test.ts.
