/**
 * Every language edition, end to end in real Chromium: built together with the CLI, each PDF
 * read back. PNG renders of pages 1 and 2 of every edition are written under
 * output/previews/ for people to look at.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { cp, mkdtemp, mkdir, readFile, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { PDFDocument } from 'pdf-lib';
import { ROOT, unexpectedOutput } from '../helpers/cli.js';
import { fonts, paragraphNumbers, textItems, type TextItem } from '../helpers/pdf.js';
import { presentLangs } from '../helpers/sources.js';
import { decodeCode39 } from '../helpers/barcode.js';
import { loadProject } from '../../src/load/project.js';
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

const built = inject('editions');
const EPOCH = { SOURCE_DATE_EPOCH: built.epoch };

beforeAll(async () => {
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
    expect(paragraphNumbers(items.get(lang) ?? [])).toEqual(Array.from({ length: 89 }, (_, i) => i + 1));
  });

  it('has its furniture on every page: n/N, its own job number, the symbol on pages 2 and after', async () => {
    const doc = await PDFDocument.load(pdfs.get(lang) as Uint8Array, { updateMetadata: false });
    const n = doc.getPageCount();
    const all = items.get(lang) ?? [];
    const job = jobs.get(lang) ?? '';
    for (let page = 1; page <= n; page++) {
      const on = all.filter((i) => i.page === page).map((i) => i.str);
      expect(on, `page ${page}`).toContain(`${page}/${n}`);
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

  it('writes the HTML with its language and direction', () => {
    const dir = locales.get(lang)?.dir;
    expect(htmls.get(lang)).toMatch(new RegExp(`<html lang="${lang}" dir="${dir}">`));
  });
});

describe('reproducibility', () => {
  it('a second checkout elsewhere builds byte-identical PDF and HTML for every language', async () => {
    // A second checkout in another folder: its own copy of the project, the same packages.
    const clone = await mkdtemp(join(tmpdir(), 'second-checkout-'));
    for (const entry of ['dist', 'templates', 'sources', 'package.json', 'compendium.config.yaml']) {
      await cp(join(ROOT, entry), join(clone, entry), { recursive: true });
    }
    await symlink(join(ROOT, 'node_modules'), join(clone, 'node_modules'));
    const again = join(clone, 'output');
    const run = spawnSync(process.execPath, [join(clone, 'dist', 'bin', 'compendium.js'), 'build', '--out', again, '--quiet'], {
      cwd: clone,
      encoding: 'utf8',
      env: { ...process.env, ...EPOCH },
    });
    expect(run.status, run.stderr).toBe(0);
    for (const lang of langs) {
      for (const name of ['index.html', `compendium-${lang}.pdf`]) {
        const a = await readFile(join(out, lang, name));
        const b = await readFile(join(again, lang, name));
        expect(Buffer.compare(a, b), `${lang}/${name}`).toBe(0);
      }
    }
  });
});

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
