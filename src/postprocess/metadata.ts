/**
 * pdf-lib step: document information, language and fixed dates. The information dictionary
 * is written anew (Chromium's holds its own name and the time of printing), as pdf-lib's
 * setters write it: text as UTF-16 hex strings, dates as PDF date strings.
 */
import { PDFHexString, PDFName, PDFString } from 'pdf-lib';
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
  return (pdf) => {
    const info = pdf.info();
    for (const key of info.keys()) info.delete(key);
    const text = (key: string, value: string) => info.set(PDFName.of(key), PDFHexString.fromText(value));
    text('Title', meta.title);
    text('Author', meta.author);
    text('Subject', meta.subject);
    text('Keywords', meta.keywords.join(' '));
    text('Creator', meta.creator);
    text('Producer', meta.producer);
    info.set(PDFName.of('CreationDate'), PDFString.fromDate(meta.date));
    info.set(PDFName.of('ModDate'), PDFString.fromDate(meta.date));
    pdf.catalog.set(PDFName.of('Lang'), PDFString.of(meta.lang));
    // Viewers show the title, not the file name.
    pdf.catalog.getOrCreateViewerPreferences().setDisplayDocTitle(true);
  };
}

/** The step alone, bytes in → bytes out. */
export function setMetadata(bytes: Uint8Array, meta: PdfMetadata): Promise<Uint8Array> {
  return postprocess(bytes, [metadataStep(meta)]);
}
