/**
 * Saving Chromium's PDFs without parsing them whole (src/postprocess/rewrite.ts): the steps'
 * objects are parsed, every other object is copied byte for byte, and a new cross-reference
 * table is written. Read back by pdf-lib, pdfjs-dist and qpdf (a second, strict reader).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, type PDFRef } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { postprocess } from '../../src/postprocess/document.js';
import { metadataStep } from '../../src/postprocess/metadata.js';
import { outlineStep, readOutline } from '../../src/postprocess/outline.js';
import { openRewrite } from '../../src/postprocess/rewrite.js';

/** A PDF as Chromium writes them: one classic cross-reference table, one bookmark per page. */
async function chromiumLike(pages: number, options: { objectStreams?: boolean } = {}): Promise<Uint8Array> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const added = Array.from({ length: pages }, () => pdf.addPage([595, 842]));
  const context = pdf.context;
  added.forEach((page, i) => page.node.set(PDFName.of('Contents'), context.register(context.flateStream(`BT /F1 12 Tf 72 720 Td (Page ${i + 1}) Tj ET`))));
  const outlinesRef = context.nextRef();
  const refs: PDFRef[] = added.map(() => context.nextRef());
  refs.forEach((ref, i) => {
    const item = context.obj({}) as PDFDict;
    item.set(PDFName.of('Title'), PDFHexString.fromText(`Chromium title ${i}`));
    item.set(PDFName.of('Parent'), outlinesRef);
    item.set(PDFName.of('Dest'), context.obj([added[i]?.ref, 'XYZ', 0, 842, 0]));
    if (refs[i + 1]) item.set(PDFName.of('Next'), refs[i + 1] as PDFRef);
    if (refs[i - 1]) item.set(PDFName.of('Prev'), refs[i - 1] as PDFRef);
    context.assign(ref, item);
  });
  const outlines = context.obj({ Type: 'Outlines' }) as PDFDict;
  outlines.set(PDFName.of('First'), refs[0] as PDFRef);
  outlines.set(PDFName.of('Last'), refs.at(-1) as PDFRef);
  outlines.set(PDFName.of('Count'), PDFNumber.of(refs.length));
  context.assign(outlinesRef, outlines);
  pdf.catalog.set(PDFName.of('Outlines'), outlinesRef);
  pdf.setTitle('Chromium title');
  pdf.setCreationDate(new Date());
  return pdf.save({ useObjectStreams: options.objectStreams ?? false });
}

const meta = (title: string) => ({
  title,
  author: 'United Nations',
  subject: 'CTOC/COP/WG.4/2021/3',
  keywords: ['CTOC/COP/WG.4/2021/3', 'V.21-05275'],
  lang: 'ru',
  creator: 'test',
  producer: 'test',
  date: new Date('2021-07-12T00:00:00Z'),
});

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

/** Every in-use entry of the (last) cross-reference table points at "N G obj". */
function xrefPointsAtObjects(bytes: Uint8Array): number {
  const text = latin1(bytes);
  const start = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1]);
  const table = text.slice(start, text.indexOf('trailer', start));
  const [, first, count] = /^xref\s+(\d+) (\d+)/.exec(table) ?? [];
  const rows = [...table.matchAll(/(\d{10}) (\d{5}) ([nf])/g)];
  expect(rows).toHaveLength(Number(count));
  let used = 0;
  rows.forEach(([, offset, generation, kind], i) => {
    if (kind !== 'n') return;
    used++;
    expect(text.slice(Number(offset), Number(offset) + 20)).toMatch(new RegExp(`^${Number(first) + i} ${Number(generation)} obj`));
  });
  return used;
}

function qpdfCheck(bytes: Uint8Array): { status: number | null; out: string } {
  const file = join(mkdtempSync(join(tmpdir(), 'rewrite-')), 'out.pdf');
  writeFileSync(file, bytes);
  const r = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
  return { status: r.status, out: r.stdout + r.stderr };
}

describe('saving a Chromium PDF without parsing it whole', () => {
  it('takes this path for one classic table, and the whole-file path for anything else', async () => {
    expect(openRewrite(await chromiumLike(2))).toBeDefined();
    expect(openRewrite(await chromiumLike(2, { objectStreams: true }))).toBeUndefined();
    // An incremental update (a second table with /Prev) is not ours to flatten.
    const updated = Buffer.concat([Buffer.from(await chromiumLike(1)), Buffer.from('1 0 obj\n<<>>\nendobj\nxref\n1 1\n0000000009 00000 n\r\ntrailer\n<< /Size 9 /Root 2 0 R /Prev 9 >>\nstartxref\n0\n%%EOF\n')]);
    expect(openRewrite(updated)).toBeUndefined();
    expect(openRewrite(new Uint8Array([1, 2, 3]))).toBeUndefined();
  });

  it('copies every object the steps did not change byte for byte, and writes a table every reader accepts', async () => {
    const input = await chromiumLike(3);
    const out = await postprocess(input, [outlineStep([{ title: 'I. Введение', bookmark: 1 }, { title: 'Annexe', bookmark: 2 }, { title: 'hidden', bookmark: 0 }]), metadataStep(meta('Сборник (тематический) \\ 1'))]);
    const text = latin1(out);
    // Each page's content stream, untouched, is in the output exactly as it was.
    const streams = [...latin1(input).matchAll(/\d+ 0 obj\n<<\n\/Filter \/FlateDecode[\s\S]*?endstream/g)].map((m) => m[0]);
    expect(streams).toHaveLength(3);
    for (const stream of streams) expect(text).toContain(stream);
    // The print time of the input's information dictionary is gone with it; the old bookmarks too.
    expect(text).not.toContain('Chromium title');
    expect(xrefPointsAtObjects(out)).toBeGreaterThan(0);
    const whole = await PDFDocument.load(out, { updateMetadata: false });
    expect(readOutline(whole).map((i) => i.title)).toEqual(['I. Введение', 'Annexe']);
    expect(whole.getTitle()).toBe('Сборник (тематический) \\ 1');
    expect(whole.getCreationDate()?.toISOString()).toBe('2021-07-12T00:00:00.000Z');
    const doc = await getDocument({ data: new Uint8Array(out), verbosity: 0 }).promise;
    const { info } = await doc.getMetadata();
    expect(info).toMatchObject({ Title: 'Сборник (тематический) \\ 1', Language: 'ru' });
    expect((await doc.getOutline()).map((o) => o.title)).toEqual(['I. Введение']);
    const qpdf = qpdfCheck(out);
    expect(qpdf.out).toContain('No syntax or stream encoding errors');
    expect(qpdf.status).toBe(0);
  });

  it('gives the same meaning as parsing and saving the whole file', async () => {
    const steps = () => [outlineStep([{ title: 'A', bookmark: 1 }, { title: 'B', bookmark: 1 }]), metadataStep(meta('Title'))];
    const classic = await PDFDocument.load(await postprocess(await chromiumLike(2), steps()), { updateMetadata: false });
    const whole = await PDFDocument.load(await postprocess(await chromiumLike(2, { objectStreams: true }), steps()), { updateMetadata: false });
    for (const doc of [classic, whole]) {
      expect(readOutline(doc).map((i) => i.title)).toEqual(['A', 'B']);
      expect(doc.getTitle()).toBe('Title');
      expect(doc.getKeywords()).toBe('CTOC/COP/WG.4/2021/3 V.21-05275');
      expect(doc.catalog.get(PDFName.of('Lang'))?.toString()).toBe('(ru)');
      expect(doc.getPageCount()).toBe(2);
    }
  });

  it('leaves out what a step removes, marking it free', async () => {
    const input = await chromiumLike(2);
    const out = await postprocess(input, [
      (pdf) => {
        const contents = pdf.pages()[1]?.get(PDFName.of('Contents')) as PDFRef;
        pdf.pages()[1]?.delete(PDFName.of('Contents'));
        pdf.context.delete(contents);
      },
    ]);
    expect(latin1(out)).not.toContain('(Page 2)');
    expect(xrefPointsAtObjects(out)).toBeGreaterThan(0);
    expect(qpdfCheck(out).status).toBe(0);
  });

  it('holds for any titles and page counts (fast-check): readers see what the steps wrote, same bytes twice', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 6 }), fc.array(fc.string({ minLength: 1, maxLength: 40, unit: 'grapheme' }), { minLength: 1, maxLength: 6 }), async (pages, titles) => {
        const input = await chromiumLike(pages);
        const headings = Array.from({ length: pages }, (_, i) => ({ title: titles[i % titles.length] as string, bookmark: 1 }));
        const run = () => postprocess(input, [outlineStep(headings), metadataStep(meta(titles[0] as string))]);
        const out = await run();
        expect(Buffer.compare(Buffer.from(out), Buffer.from(await run()))).toBe(0);
        xrefPointsAtObjects(out);
        const doc = await PDFDocument.load(out, { updateMetadata: false });
        expect(readOutline(doc).map((i) => i.title)).toEqual(headings.map((h) => h.title));
        expect(doc.getTitle()).toBe(titles[0]);
        expect(doc.getPageCount()).toBe(pages);
      }),
      { numRuns: 40 },
    );
  });
});
