/** pdf-lib step: document information, language and fixed dates. */
import type { PDFDocument } from 'pdf-lib';
import { postprocess, type PdfStep } from './document.js';

export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  lang: string;
  creator: string;
  producer: string;
  /** Creation and modification date (fixed, for byte-identical builds). */
  date: Date;
}

export function metadataStep(meta: PdfMetadata): PdfStep {
  return (pdf: PDFDocument) => {
    pdf.setTitle(meta.title, { showInWindowTitleBar: true });
    pdf.setAuthor(meta.author);
    pdf.setSubject(meta.subject);
    pdf.setKeywords(meta.keywords);
    pdf.setLanguage(meta.lang);
    pdf.setCreator(meta.creator);
    pdf.setProducer(meta.producer);
    pdf.setCreationDate(meta.date);
    pdf.setModificationDate(meta.date);
  };
}

/** The step alone, bytes in → bytes out. */
export function setMetadata(bytes: Uint8Array, meta: PdfMetadata): Promise<Uint8Array> {
  return postprocess(bytes, [metadataStep(meta)]);
}
