/**
 * The pdf-lib stage, bytes in → bytes out: the PDF is parsed once, each step edits the
 * parsed document in turn, and it is saved once. Parsing and saving run without yielding to
 * the event loop (pdf-lib's default pauses every 100 objects, which only adds wall time here).
 */
import { PDFDocument } from 'pdf-lib';

/** One post-processing step: edits the parsed PDF in place. */
export type PdfStep = (pdf: PDFDocument) => void | Promise<void>;

export async function postprocess(bytes: Uint8Array, steps: readonly PdfStep[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: Number.POSITIVE_INFINITY });
  for (const step of steps) await step(pdf);
  return pdf.save({ updateFieldAppearances: false, objectsPerTick: Number.POSITIVE_INFINITY });
}
