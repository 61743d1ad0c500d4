/** What a post-processing step sees of a PDF: pdf-lib objects, however the PDF was opened. */
import { PDFDict, PDFPageLeaf, type PDFCatalog, type PDFContext } from 'pdf-lib';

/** What a step may read and edit: pdf-lib objects of the one opened PDF. */
export interface PdfEdit {
  /** pdf-lib's context: lookups of the opened objects, and new objects (`obj`, `register`). */
  readonly context: PDFContext;
  readonly catalog: PDFCatalog;
  /** The page dictionaries in page order. */
  pages(): PDFPageLeaf[];
  /** The document information dictionary (created when there is none). */
  info(): PDFDict;
}

/** One post-processing step: edits the opened PDF in place. */
export type PdfStep = (pdf: PdfEdit) => void | Promise<void>;

/** An opened PDF: the steps' view, and how to save it. */
export interface OpenedPdf extends PdfEdit {
  save(): Uint8Array | Promise<Uint8Array>;
}

/** The page leaves under a catalog's page tree, in order. */
export function pagesOf(catalog: PDFCatalog): PDFPageLeaf[] {
  const pages: PDFPageLeaf[] = [];
  catalog.Pages().traverse((node) => {
    if (node instanceof PDFPageLeaf) pages.push(node);
  });
  return pages;
}

/** The information dictionary of a context's trailer, created and registered when missing. */
export function infoOf(context: PDFContext): PDFDict {
  const existing = context.lookup(context.trailerInfo.Info);
  if (existing instanceof PDFDict) return existing;
  const created = context.obj({});
  context.trailerInfo.Info = context.register(created);
  return created;
}

