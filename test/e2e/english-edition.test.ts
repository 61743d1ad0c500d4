/**
 * End to end in real Chromium: build the English edition with the CLI, read the PDF back
 * and check what a documents officer would check.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { sharedEditions, type SharedEditions } from '../helpers/shared-build.js';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { toString } from 'mdast-util-to-string';
import { ROOT, unexpectedOutput } from '../helpers/cli.js';
import { fonts, pageTexts, squash } from '../helpers/pdf.js';
import { loadProject } from '../../src/load/project.js';
import { readOutline } from '../../src/postprocess/outline.js';
import { lines, pageEnds, readGlyphs } from '../helpers/layout.js';

let out: string;
let pdf: Uint8Array;
let html: string;
let pages: string[];

let built: SharedEditions;

beforeAll(async () => {
  built = await sharedEditions();
  out = built.out;
  expect(unexpectedOutput(built.stderr)).toEqual([]);
  expect(built.status).toBe(0);
  pdf = new Uint8Array(await readFile(join(out, 'en', 'compendium-en.pdf')));
  html = await readFile(join(out, 'en', 'index.html'), 'utf8');
  pages = await pageTexts(pdf);
});

describe('the English PDF edition', () => {
  it('has 14 A4 pages, as the real document', async () => {
    expect(pages.length).toBe(14);
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    for (const page of doc.getPages()) {
      expect(Math.round(page.getWidth())).toBe(595);
      expect(Math.round(page.getHeight())).toBe(842);
    }
  });

  it('breaks its odd pages within one paragraph of the real document\'s', async () => {
    // The real CTOC/COP/WG.4/2021/3 (the seed): page 1 ends inside paragraph 4, 3 inside 16,
    // 5 inside 28, 7 after 43, 9 after 57, 11 after 71, 13 inside 89 (after its (c)).
    // A break inside paragraph n stands at n - 0.5, after n at n.
    const real: Record<number, number> = { 1: 3.5, 3: 15.5, 5: 27.5, 7: 43, 9: 57, 11: 71, 13: 88.5 };
    const ends = pageEnds(await readGlyphs(pdf));
    const report = Object.entries(real).map(([page, at]) => {
      const end = ends[Number(page) - 1];
      const here = end ? end.paragraph - (end.inside ? 0.5 : 0) : Number.NaN;
      return { page: Number(page), real: at, edition: here, distance: here - at };
    });
    console.log(report.map((r) => `p.${r.page}: real ${r.real}, edition ${r.edition}, distance ${r.distance}`).join('\n'));
    for (const r of report) expect(Math.abs(r.distance), `page ${r.page}`).toBeLessThanOrEqual(1);
  });

  it('sets the UN text block: line 2 of paragraph 4 ends at "tools for", as in the real document', async () => {
    const first = (await readGlyphs(pdf))[0];
    if (!first) throw new Error('no page 1');
    const body = lines(first).map((l) => l.text);
    const at = body.findIndex((l) => l.startsWith('4.'));
    expect(at).toBeGreaterThan(0);
    expect(body[at + 1]?.trimEnd().endsWith('tools for')).toBe(true);
  });

  it('numbers paragraphs 1 to 89 in order, each exactly once', () => {
    const text = pages.join('\n');
    const numbers = [...text.matchAll(/(?:^|\n)\s*(\d{1,3})\.\s/g)].map((m) => Number(m[1]));
    expect(numbers).toEqual(Array.from({ length: 89 }, (_, i) => i + 1));
  });

  it('holds the text of every source paragraph and subparagraph', async () => {
    const project = await loadProject(ROOT, { langs: ['en'] });
    const edition = project.editions[0];
    if (!edition) throw new Error('no English edition');
    // Page furniture interrupts a paragraph that runs over a page break: leave it out.
    const all = pages.map((text, i) => squash(text).replace(`${i + 1}/${pages.length}`, '').replaceAll('V.21-05275', '').replaceAll('CTOC/COP/WG.4/2021/3', '')).join('');
    const blocks = [edition.introduction.tree, ...edition.papers.map((p) => p.tree)].flatMap((tree) =>
      tree.children.flatMap((node) => (node.type === 'list' ? node.children.map((item) => toString(item)) : node.type === 'paragraph' ? [toString(node)] : [])),
    );
    expect(blocks.length).toBeGreaterThan(89);
    const missing = blocks.filter((block) => !all.includes(squash(block)));
    expect(missing).toEqual([]);
  });

  it('prints the first-page furniture', () => {
    const first = pages[0] ?? '';
    for (const s of ['United Nations', 'CTOC/COP/WG.4/2021/3', 'Distr.: General', '12 July 2021', 'Original: English', 'Vienna, 12 and 13 October 2021', 'V.21-05275 (E)', '120721', '*2105275*']) {
      expect(first).toContain(s);
    }
  });

  it('has the symbol as running header on pages 2 and after, and job number with n/N on every page', () => {
    const n = pages.length;
    pages.forEach((text, i) => {
      if (i > 0) expect(text).toContain(`${i + 1}/${n}`);
      else expect(text).not.toContain(`1/${n}`);
      expect(text).toContain('V.21-05275');
      if (i > 0) expect(text.split('\n').slice(0, 2).join(' ')).toContain('CTOC/COP/WG.4/2021/3');
    });
  });

  it('embeds every font it uses, and only Tinos', async () => {
    const used = await fonts(pdf);
    expect(used.length).toBeGreaterThan(0);
    for (const font of used) {
      expect(font.embedded, font.name).toBe(true);
      expect(font.name).toMatch(/^\/[A-Z]{6}\+Tinos-/);
    }
  });

  it('carries the metadata', async () => {
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    expect(doc.getTitle()).toBe('Background papers of the Working Group on Trafficking in Persons since its first meeting: Thematic compendium prepared by the Secretariat');
    expect(doc.getAuthor()).toBe('United Nations');
    expect(doc.getSubject()).toBe('CTOC/COP/WG.4/2021/3');
    expect(doc.getKeywords()).toContain('V.21-05275');
    expect(doc.getCreator()).toContain('un-compendium-pipeline');
    expect(doc.getProducer()).toContain('un-compendium-pipeline');
    // The dates are fixed (fixedDate: SOURCE_DATE_EPOCH, which the shared build sets; see 'fixed dates').
    expect(doc.catalog.get(doc.catalog.context.obj('Lang') as never)?.toString()).toBe('(en)');
    expect(doc.catalog.get(doc.catalog.context.obj('StructTreeRoot') as never)).toBeDefined();
  });

  it('has bookmarks for the chapters and themes whose titles equal the headings', async () => {
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    const titles = readOutline(doc).map((item) => item.title);
    const headings = [...html.matchAll(/<h([23])[^>]*>(.*?)<\/h\1>/g)].map((m) => (m[2] ?? '').replace(/<[^>]+>/g, '').replace(/&#x26;/g, '&'));
    expect(titles).toHaveLength(2 + 13);
    expect(titles).toEqual(headings);
    expect(titles[0]).toBe('I. Introduction');
    expect(titles).toContain('Interpretation and implementation of the Trafficking in Persons Protocol and the Organized Crime Convention');
  });
});

describe('the English HTML edition', () => {
  it('gives every paragraph a stable id, in order', () => {
    const ids = [...html.matchAll(/id="para-(\d+)"/g)].map((m) => Number(m[1]));
    expect(ids).toEqual(Array.from({ length: 89 }, (_, i) => i + 1));
    expect(html).toContain('id="para-10-f"');
    expect(html).toMatch(/<html lang="en" dir="ltr">/);
  });

  it('ships its fonts beside it, declared in fonts/fonts.css, and links the PDF', async () => {
    const files = (await readdir(join(out, 'en', 'fonts'))).filter((f) => f !== 'fonts.css');
    expect(files.length).toBeGreaterThan(0);
    expect(html).toContain('<link rel="stylesheet" href="fonts/fonts.css">');
    const css = await readFile(join(out, 'en', 'fonts', 'fonts.css'), 'utf8');
    for (const f of files) expect(css).toContain(`src: url(${f}) format('woff2')`);
    expect(html).toContain('href="compendium-en.pdf"');
    expect(await readFile(join(out, 'index.html'), 'utf8')).toContain('href="en/index.html"');
  });
});

// Byte-identical builds: test/e2e/all-editions.test.ts builds again from a second checkout.
describe('fixed dates', () => {
  it('honours SOURCE_DATE_EPOCH (the shared build sets one that is not the document date)', async () => {
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    expect(Number(built.epoch) * 1000).not.toBe(Date.parse('2021-07-12T00:00:00Z'));
    expect(doc.getCreationDate()?.getTime()).toBe(Number(built.epoch) * 1000);
    expect(doc.getModificationDate()?.getTime()).toBe(Number(built.epoch) * 1000);
  });
});
