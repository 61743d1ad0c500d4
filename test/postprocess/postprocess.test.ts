/**
 * The pdf-lib stage: the PDF is parsed once, the steps run in order, and it is saved once;
 * each step also works alone, bytes in → bytes out.
 */
import { fixedDate } from '../../src/postprocess/fixed-date.js';
import { describe, expect, it } from 'vitest';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, type PDFRef } from 'pdf-lib';
import { postprocess } from '../../src/postprocess/document.js';
import { metadataStep, setMetadata } from '../../src/postprocess/metadata.js';
import { outlineStep, readOutline } from '../../src/postprocess/outline.js';

/** A two-page PDF with two bookmarks, as Chromium writes them (one per heading). */
async function chromiumLike(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const pages = [pdf.addPage([595, 842]), pdf.addPage([595, 842])];
  const context = pdf.context;
  const outlinesRef = context.nextRef();
  const refs: PDFRef[] = [context.nextRef(), context.nextRef()];
  refs.forEach((ref, i) => {
    const item = context.obj({}) as PDFDict;
    item.set(PDFName.of('Title'), PDFHexString.fromText(`Chromium title ${i}`));
    item.set(PDFName.of('Parent'), outlinesRef);
    item.set(PDFName.of('Dest'), context.obj([pages[i]?.ref, 'XYZ', 0, 842, 0]));
    if (i === 0) item.set(PDFName.of('Next'), refs[1] as PDFRef);
    else item.set(PDFName.of('Prev'), refs[0] as PDFRef);
    context.assign(ref, item);
  });
  const outlines = context.obj({ Type: 'Outlines' }) as PDFDict;
  outlines.set(PDFName.of('First'), refs[0] as PDFRef);
  outlines.set(PDFName.of('Last'), refs[1] as PDFRef);
  outlines.set(PDFName.of('Count'), PDFNumber.of(2));
  context.assign(outlinesRef, outlines);
  pdf.catalog.set(PDFName.of('Outlines'), outlinesRef);
  return pdf.save();
}

const meta = {
  title: 'Thematic compendium',
  author: 'United Nations',
  subject: 'CTOC/COP/WG.4/2021/3',
  keywords: ['CTOC/COP/WG.4/2021/3', 'V.21-05275'],
  lang: 'fr',
  creator: 'test',
  producer: 'test',
  date: new Date('2021-07-12T00:00:00Z'),
};

describe('postprocess', () => {
  it('applies every step in one pass: bookmarks with the heading text, metadata, fixed dates', async () => {
    const out = await postprocess(await chromiumLike(), [
      outlineStep([
        { title: 'I. Introduction', bookmark: 1 },
        { title: 'Annexe', bookmark: 2 },
      ]),
      metadataStep(meta),
    ]);
    const pdf = await PDFDocument.load(out, { updateMetadata: false });
    expect(readOutline(pdf).map((item) => item.title)).toEqual(['I. Introduction', 'Annexe']);
    expect(pdf.getTitle()).toBe(meta.title);
    expect(pdf.getSubject()).toBe(meta.subject);
    expect(pdf.getCreationDate()?.toISOString()).toBe('2021-07-12T00:00:00.000Z');
    expect(pdf.getModificationDate()?.toISOString()).toBe('2021-07-12T00:00:00.000Z');
    expect(pdf.catalog.get(PDFName.of('Lang'))?.toString()).toContain('fr');
  });

  it('gives the same bytes for the same input (no clock, no random ids)', async () => {
    const input = await chromiumLike();
    const a = await setMetadata(input, meta);
    const b = await setMetadata(input, meta);
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
  });

  it('refuses a PDF whose bookmarks do not match the headings', async () => {
    await expect(postprocess(await chromiumLike(), [outlineStep([{ title: 'Only one', bookmark: 1 }])])).rejects.toThrow(/2 bookmarks for 1 headings/);
  });
});

describe('fixed dates', () => {
  it('are SOURCE_DATE_EPOCH when set, else the document date at 00:00 UTC', () => {
    expect(fixedDate('2021-07-12', {}).toISOString()).toBe('2021-07-12T00:00:00.000Z');
    expect(fixedDate('2021-07-12', { SOURCE_DATE_EPOCH: '' }).toISOString()).toBe('2021-07-12T00:00:00.000Z');
    expect(fixedDate('2021-07-12', { SOURCE_DATE_EPOCH: '1700000000' }).toISOString()).toBe('2023-11-14T22:13:20.000Z');
    expect(() => fixedDate('2021-07-12', { SOURCE_DATE_EPOCH: 'yesterday' })).toThrow(/whole number of seconds/);
  });
});
