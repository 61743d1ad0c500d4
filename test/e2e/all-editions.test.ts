/**
 * Every language edition, end to end in real Chromium: built together with the CLI, each PDF
 * read back. PNG renders of pages 1 and 2 of every edition are written under
 * output/previews/ for people to look at.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { sharedEditions } from '../helpers/shared-build.js';
import { mkdir, readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { PDFDocument } from 'pdf-lib';
import { ROOT, unexpectedOutput } from '../helpers/cli.js';
import { fonts, paragraphNumbers, textItems, type TextItem } from '../helpers/pdf.js';
import { lines, pageEnds, paragraphStarts, readGlyphs, spacing, widowsAndOrphans, type Page } from '../helpers/layout.js';
import { presentLangs } from '../helpers/sources.js';
import { decodeCode39 } from '../helpers/barcode.js';
import { loadProject } from '../../src/load/project.js';
import { localeFonts, readFontFile } from '../../src/load/assets.js';
import { editionFonts } from '../../src/model/fonts.js';
import { characterMap, characterMapOf, declaredFaces, pageCodePoints } from '../helpers/font-files.js';
import { LANGS, type Lang, type Locale } from '../../src/types.js';

const langs = presentLangs() as Lang[];
let out: string;
const pdfs = new Map<string, Uint8Array>();
const htmls = new Map<string, string>();
const items = new Map<string, TextItem[]>();
const locales = new Map<string, Locale>();
/** Each language version's own job number, as its document.yaml states it. */
const jobs = new Map<string, string>();
const dates = new Map<string, string[]>();
const glyphs = new Map<string, Page[]>();

beforeAll(async () => {
  const built = await sharedEditions();
  out = built.out;
  // Nothing on stderr but the warnings about the translations' placeholder job numbers.
  expect(unexpectedOutput(built.stderr)).toEqual([]);
  expect(built.status).toBe(0);
  const project = await loadProject(ROOT);
  for (const edition of project.editions) {
    locales.set(edition.lang, edition.locale);
    jobs.set(edition.lang, edition.meta.jobNumber);
    dates.set(edition.lang, edition.meta.processingDates);
  }
  for (const lang of langs) {
    const pdf = new Uint8Array(await readFile(join(out, lang, `compendium-${lang}.pdf`)));
    pdfs.set(lang, pdf);
    htmls.set(lang, await readFile(join(out, lang, 'index.html'), 'utf8'));
    items.set(lang, await textItems(pdf));
    glyphs.set(lang, await readGlyphs(pdf));
  }
  // Pictures for people: pages 1 and 2 of every edition.
  const previews = join(ROOT, 'output', 'previews');
  await mkdir(previews, { recursive: true });
  for (const lang of langs) {
    const r = spawnSync('pdftoppm', ['-r', '80', '-png', '-f', '1', '-l', '2', join(out, lang, `compendium-${lang}.pdf`), join(previews, lang)]);
    expect(r.status, 'pdftoppm (poppler-utils, installed by scripts/setup.mjs)').toBe(0);
  }
});

it('has sources for all six languages or says which are missing', () => {
  expect(langs).toEqual(LANGS);
});

describe.each(langs)('the %s edition', (lang) => {
  it('prints paragraph numbers 1 to 89 in order, each once', () => {
    // pdf.js splits the Arabic "12 -" into runs of its own: read right-to-left numbers glyph by glyph only.
    if (locales.get(lang)?.dir !== 'rtl') expect(paragraphNumbers(items.get(lang) ?? [])).toEqual(Array.from({ length: 89 }, (_, i) => i + 1));
    // And glyph by glyph, at the start of their lines ("12." or the Arabic "12 -").
    expect(paragraphStarts(glyphs.get(lang) ?? [], locales.get(lang)?.dir === 'rtl').map((s) => s.n)).toEqual(Array.from({ length: 89 }, (_, i) => i + 1));
  });

  it('has its furniture on every page: n/N, its own job number, the symbol on pages 2 and after', async () => {
    const doc = await PDFDocument.load(pdfs.get(lang) as Uint8Array, { updateMetadata: false });
    const n = doc.getPageCount();
    const all = items.get(lang) ?? [];
    const job = jobs.get(lang) ?? '';
    for (let page = 1; page <= n; page++) {
      const on = all.filter((i) => i.page === page).map((i) => i.str);
      // Page 1 carries no page number; numbering shows from page 2.
      if (page === 1) expect(on.some((s) => /^\d+\/\d+$/.test(s.trim())), 'page 1').toBe(false);
      else expect(on, `page ${page}`).toContain(`${page}/${n}`);
      expect(on.some((s) => s.includes(job)), `page ${page}`).toBe(true);
      if (page > 1) expect(on, `page ${page}`).toContain('CTOC/COP/WG.4/2021/3');
    }
  });

  it('prints on page 1 its own job number with its language letter and a barcode of its year and serial', () => {
    const job = jobs.get(lang) ?? '';
    const code = locales.get(lang)?.jobLanguageCode;
    // Page 1 as poppler's pdftotext reads it (a second reader beside pdfjs).
    const raw = spawnSync('pdftotext', ['-f', '1', '-l', '1', '-layout', join(out, lang, `compendium-${lang}.pdf`), '-'], { encoding: 'utf8' }).stdout;
    // pdftotext marks right-to-left runs with bidi controls (and mirrors the parentheses).
    const text = raw.replace(/[\u202a-\u202e\u2066-\u2069]/g, '');
    const footer = new RegExp(`((?:[A-Z]{1,2}\\.)?\\d{2}-\\d{5}\\**) \\(${code}`).exec(text);
    expect(footer?.[1], text.slice(-400)).toBe(job);
    for (const date of dates.get(lang) ?? []) expect(text).toContain(`${date.slice(8, 10)}${date.slice(5, 7)}${date.slice(2, 4)}`);
    const serial = /(\d{2})-(\d{5})/.exec(footer?.[1] ?? '');
    const decoded = decodeCode39(join(out, lang, `compendium-${lang}.pdf`));
    expect(decoded).toBe(`${serial?.[1]}${serial?.[2]}`);
    // The human-readable line under the bars (in a right-to-left page pdftotext moves the last *).
    expect(text).toMatch(new RegExp(`\\*${decoded}\\*|\\*\\*${decoded}`));
    // No two editions print the same job number or barcode.
    expect([...jobs].filter(([other, j]) => other !== lang && j === job)).toEqual([]);
  });

  it('sets the PDF language and embeds only the declared fonts', async () => {
    const doc = await PDFDocument.load(pdfs.get(lang) as Uint8Array, { updateMetadata: false });
    expect(doc.catalog.get(doc.context.obj('Lang') as never)?.toString()).toBe(`(${lang})`);
    const declared = (locales.get(lang)?.fonts ?? []).map((f) => f.family.replace(/\s+/g, ''));
    const used = await fonts(pdfs.get(lang) as Uint8Array);
    expect(used.length).toBeGreaterThan(0);
    for (const font of used) {
      expect(font.embedded, font.name).toBe(true);
      const family = font.name.replace(/^\/[A-Z]{6}\+/, '').split('-')[0] ?? '';
      expect(declared.some((d) => family.startsWith(d)), `${font.name} is not one of ${declared.join(', ')}`).toBe(true);
    }
  });

  it('ships only the faces its pages need, each cut down but with every character of its range they show that its font has', async () => {
    const dir = join(out, lang, 'fonts');
    const declared = declaredFaces(await readFile(join(dir, 'fonts.css'), 'utf8'));
    const files = (await readdir(dir)).filter((f) => f !== 'fonts.css').sort();
    expect(declared.map((d) => d.file).sort()).toEqual(files);
    // What the pages show, as an HTML parser reads them (the web edition and print.html).
    const shown = new Set([...pageCodePoints(htmls.get(lang) ?? ''), ...pageCodePoints(await readFile(join(out, lang, 'print.html'), 'utf8'))]);
    // The faces the edition could use, full (the locale's fonts and those of the switcher's names).
    const project = await loadProject(ROOT);
    const own = await localeFonts(locales.get(lang) as Locale);
    const others = await Promise.all(project.languages.filter((l) => l.lang !== lang).map(async (l) => ({ name: l.name, fonts: await localeFonts(l) })));
    for (const face of editionFonts(own, others).faces) {
      // The characters the pages show that this face is declared for and its font has.
      const full = characterMap((await readFontFile(face.file.from)).bytes);
      const drawn = [...shown].filter((cp) => (face.ranges ?? [[0, 0x10ffff]]).some(([a, b]) => cp >= a && cp <= b) && full.has(cp));
      if (!files.includes(face.file.name)) {
        expect(drawn.map((cp) => String.fromCodePoint(cp)), `${face.file.name} has characters of the pages but is not shipped`).toEqual([]);
        continue;
      }
      const subset = await characterMapOf(join(dir, face.file.name));
      expect(subset.size, `${face.file.name} is shipped with none of the characters`).toBeGreaterThan(0);
      expect(drawn.filter((cp) => !subset.has(cp)).map((cp) => String.fromCodePoint(cp)), face.file.name).toEqual([]);
      // Cut down to what it is declared for (no more than the pages use), and the mirrored
      // forms of brackets HarfBuzz keeps for right-to-left text (">" drawn as "<").
      const range = declared.find((d) => d.file === face.file.name)?.ranges ?? [];
      const more = [...subset].filter((cp) => !range.some(([a, b]) => cp >= a && cp <= b) && !/\p{Bidi_Mirrored}/u.test(String.fromCodePoint(cp)));
      expect(more.map((cp) => String.fromCodePoint(cp)), face.file.name).toEqual([]);
    }
  });

  it('writes the HTML with its language and direction', () => {
    const dir = locales.get(lang)?.dir;
    expect(htmls.get(lang)).toMatch(new RegExp(`<html lang="${lang}" dir="${dir}">`));
  });
});

describe('fonts', () => {
  it('keeps the Chinese web edition within 2 MB of fonts (its 206 full faces were 6.8 MB)', async () => {
    const dir = join(out, 'zh', 'fonts');
    const sizes = await Promise.all((await readdir(dir)).map(async (f) => (await stat(join(dir, f))).size));
    expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(2_000_000);
  });
});

// Byte-identical rebuilds: test/cli/ci-workflow.test.ts (editions built apart against the shared build).

describe('right to left', () => {
  it('mirrors the Arabic first-page footer: job number on the right, QR code on the left', () => {
    const page1 = (items.get('ar') ?? []).filter((i) => i.page === 1);
    const job = page1.find((i) => i.str.includes(jobs.get('ar') ?? '?'));
    expect(job).toBeDefined();
    expect((job?.x ?? 0) + (job?.width ?? 0) / 2).toBeGreaterThan((job?.pageWidth ?? 0) / 2);
    const en = (items.get('en') ?? []).filter((i) => i.page === 1).find((i) => i.str.includes(jobs.get('en') ?? '?'));
    expect((en?.x ?? 0) + (en?.width ?? 0) / 2).toBeLessThan((en?.pageWidth ?? 0) / 2);
  });
});

/**
 * The print layout, read back glyph by glyph (test/helpers/layout.ts). The numbers measured
 * are printed for the report: `npx vitest run test/e2e/all-editions.test.ts`.
 */
describe.each(langs)('the printed %s edition', (lang) => {
  const pagesOf = (): Page[] => glyphs.get(lang) ?? [];
  const locale = (): Locale => locales.get(lang) as Locale;

  it('prints the masthead as real UN versions do: the Distr. block with the language line', () => {
    const first = pagesOf()[0] as Page;
    const text = lines(first, 9.5).map((l) => (locale().dir === 'rtl' ? l.glyphs.map((g) => g.unicode).join('') : l.text).trim());
    const block = text.join('\n');
    // The Distr. block in the language the locale pack states (English for zh, ru, ar).
    expect(block).toContain(locale().distribution.general);
    expect(block).toContain(locale().original.replace('{language}', locale().languageNames.en ?? ''));
    if (lang !== 'en') expect(text).toContain(locale().masthead?.version);
    else expect(text).not.toContain('English');
    const date = { zh: '12 July 2021', ru: '12 July 2021', ar: '12 July 2021', fr: '12 juillet 2021', es: '12 de julio de 2021', en: '12 July 2021' }[lang];
    // RTL glyph order puts the Latin date's words in visual order: compare without order.
    const words = (s: string): string => s.split(/\s+/).sort().join(' ');
    expect(text.map(words)).toContain(words(date));
  });

  it('has no glyph outside the page\'s text area but the page furniture', () => {
    // The @page margins (src/render/page-css.ts): 27 mm top, 29 mm bottom, 45 mm bottom on page 1.
    const mm = 72 / 25.4;
    const outside = pagesOf().flatMap((page) =>
      page.glyphs
        .filter((g) => g.size >= 9.5) // the furniture is set at 8 and 9 pt
        .filter((g) => g.y < (page.number === 1 ? 45 : 29) * mm - 0.5 || g.y > page.height - 27 * mm + 0.5)
        .map((g) => `p.${page.number} y=${g.y.toFixed(1)} ${JSON.stringify(g.unicode)}`),
    );
    expect(outside).toEqual([]);
  });

  it('sets no loose lines beyond the threshold (word spaces over 0.6 em; Chinese letter spacing over 0.15 em)', () => {
    const perPage = pagesOf().map((page) => lines(page).map(spacing));
    const loose = perPage.map((ls) => ls.filter((s) => s.word > 0.6 || s.letter > 0.15).length);
    const worst = Math.max(...perPage.flat().map((s) => s.word));
    const total = loose.reduce((a, b) => a + b, 0);
    const all = perPage.flat().length;
    console.log(`${lang}: ${pagesOf().length} pages, ${total} of ${all} lines loose, per page ${JSON.stringify(loose)}, widest word space ${worst.toFixed(2)} em`);
    // No letter-spaced Chinese line and no more than one line in eight loose in any edition.
    // English, French and Spanish UN documents are not hyphenated (as the real document is
    // not), so at the UN measure a long word after a line can leave one loose line now and then;
    // a hyphenated edition (Russian) has few loose lines and no word space of an em.
    expect(perPage.flat().filter((s) => s.letter > 0.15)).toEqual([]);
    expect(total / all).toBeLessThan(1 / 8);
    if (locale().hyphenation) {
      expect(total).toBeLessThan(pagesOf().length * 2);
      expect(worst).toBeLessThan(1);
    }
  });

  it('keeps at least two lines of a paragraph on each side of a page break', () => {
    const pages = pagesOf();
    const found = widowsAndOrphans(pages, pageEnds(pages, locale().dir === 'rtl'));
    console.log(`${lang}: widows on pages ${JSON.stringify(found.widows)}, orphans on pages ${JSON.stringify(found.orphans)}`);
    // Known and not yet solved: Chromium leaves a single line at the top of these pages (the
    // last line of a three-line paragraph, or of one that ends with a symbol) although `widows: 2`
    // is set; every other edition has none. The lists are exact, so a change either way shows.
    const known: Partial<Record<Lang, { widows: number[]; orphans: number[] }>> = { ar: { widows: [7], orphans: [] }, zh: { widows: [2, 11], orphans: [10] } };
    expect(found).toEqual(known[lang] ?? { widows: [], orphans: [] });
  });
});

describe('hyphenation and symbols in print', () => {
  const text = (lang: string): string => {
    const r = spawnSync('pdftotext', ['-layout', join(out, lang, `compendium-${lang}.pdf`), '-'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    return r.stdout;
  };

  it('hyphenates Russian, and copying text out of the PDF brings no soft hyphen', () => {
    const ru = text('ru');
    expect(ru).not.toContain('\u00ad');
    // Lines broken inside a word end with a hyphen after a Cyrillic letter.
    expect(ru.split('\n').filter((l) => /\p{Script=Cyrillic}-$/u.test(l.trimEnd())).length).toBeGreaterThan(20);
    for (const lang of langs) expect(text(lang), lang).not.toMatch(/[\u00ad\u200b]/);
  });

  it('keeps the web edition unhyphenated and prints from print.html', async () => {
    expect(htmls.get('ru')).not.toContain('\u00ad');
    const print = await readFile(join(out, 'ru', 'print.html'), 'utf8');
    expect(print).toContain('\u00ad');
    expect(print).toMatch(/CTOC\/<wbr>COP\/<wbr>WG\.4\//);
    expect(htmls.get('ru')).not.toContain('<wbr>');
  });

  it('copies a symbol broken at a slash without anything added', () => {
    // Page by page, without the furniture (which interrupts a symbol broken across pages).
    const pages = text('zh').split('\f');
    const zh = pages.map((page, i) => page.replace(/\s+/g, '').replaceAll('CTOC/COP/WG.4/2021/3', '').replaceAll(jobs.get('zh') ?? 'V.21-05275', '').replace(`${i + 1}/${pages.length - 1}`, '')).join('');
    const symbols = [...(htmls.get('zh') ?? '').matchAll(/<a [^>]*class="symbol"[^>]*>([^<]+)</g)].map((m) => m[1] ?? '');
    expect(symbols.length).toBeGreaterThan(10);
    for (const symbol of symbols) expect(zh).toContain(symbol);
  });
});

describe('Arabic and Russian conventions', () => {
  it('numbers Arabic paragraphs "1 -" and pairs the month names', () => {
    expect(htmls.get('ar')).toContain('<span class="para-num">1\u00a0-</span>');
    expect(htmls.get('ar')).toContain('تشرين الأول/أكتوبر');
    expect(htmls.get('ru')).toMatch(/октября 2021 года/);
  });

  it('sets the Chinese and Arabic key topics upright', () => {
    for (const lang of ['zh', 'ar']) expect(htmls.get(lang)).toMatch(/h4, \.masthead em \{ font-style: normal; \}/);
    expect(htmls.get('en')).not.toMatch(/h4, \.masthead em \{ font-style: normal; \}/);
  });
});
