/** pdf-lib step: document information, language and fixed dates. Bytes in, bytes out. */
import { PDFDocument } from 'pdf-lib';

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

export async function setMetadata(bytes: Uint8Array, meta: PdfMetadata): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  pdf.setTitle(meta.title, { showInWindowTitleBar: true });
  pdf.setAuthor(meta.author);
  pdf.setSubject(meta.subject);
  pdf.setKeywords(meta.keywords);
  pdf.setLanguage(meta.lang);
  pdf.setCreator(meta.creator);
  pdf.setProducer(meta.producer);
  pdf.setCreationDate(meta.date);
  pdf.setModificationDate(meta.date);
  return pdf.save({ updateFieldAppearances: false });
}

/** SOURCE_DATE_EPOCH (seconds) when set, else the document's date at 00:00 UTC. */
export function fixedDate(documentDate: string, env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env['SOURCE_DATE_EPOCH'];
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d+$/.test(epoch)) throw new Error(`SOURCE_DATE_EPOCH must be a whole number of seconds, not "${epoch}"`);
    return new Date(Number(epoch) * 1000);
  }
  return new Date(`${documentDate}T00:00:00Z`);
}
