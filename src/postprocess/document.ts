/**
 * The pdf-lib stage, bytes in → bytes out. The steps edit a few objects of the PDF through
 * pdf-lib's object model (`PdfEdit`); how the PDF is opened and saved is chosen here, once:
 *
 *  - Chromium's PDFs (one classic cross-reference table): only the objects the steps can
 *    touch are parsed; every other object is copied as it is, byte for byte (./rewrite.ts).
 *  - Any other PDF (cross-reference streams, earlier updates, encryption): pdf-lib parses the
 *    whole file and saves it again.
 */
import { PDFDocument } from 'pdf-lib';
import { openRewrite } from './rewrite.js';
import { infoOf, pagesOf, type OpenedPdf, type PdfStep } from './pdf-edit.js';

export type { PdfEdit, PdfStep } from './pdf-edit.js';

export async function postprocess(bytes: Uint8Array, steps: readonly PdfStep[]): Promise<Uint8Array> {
  const pdf = openRewrite(bytes) ?? (await openWhole(bytes));
  for (const step of steps) await step(pdf);
  return pdf.save();
}

/**
 * The whole file parsed by pdf-lib and saved again. Parsing and saving run without yielding
 * to the event loop (pdf-lib's default pauses every 100 objects, which only adds wall time).
 */
export async function openWhole(bytes: Uint8Array): Promise<OpenedPdf> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: Number.POSITIVE_INFINITY });
  return {
    context: doc.context,
    catalog: doc.catalog,
    pages: () => pagesOf(doc.catalog),
    info: () => infoOf(doc.context),
    save: () => doc.save({ updateFieldAppearances: false, objectsPerTick: Number.POSITIVE_INFINITY }),
  };
}

