/** Reading a produced PDF back: text per page (pdfjs-dist) and structure (pdf-lib). */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PDFDict, PDFDocument, PDFName, PDFRef } from 'pdf-lib';

export async function pageTexts(bytes: Uint8Array): Promise<string[]> {
  const doc = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
  }
  await doc.destroy();
  return pages;
}

/** Every font used on every page, with whether its program is embedded. */
export async function fonts(bytes: Uint8Array): Promise<Array<{ name: string; embedded: boolean }>> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const out = new Map<string, boolean>();
  const visitFont = (font: PDFDict): void => {
    const name = font.get(PDFName.of('BaseFont'))?.toString() ?? '?';
    const descendants = font.lookup(PDFName.of('DescendantFonts'));
    let descriptor = font.lookupMaybe(PDFName.of('FontDescriptor'), PDFDict);
    if (!descriptor && descendants && 'get' in descendants) {
      const first = (descendants as unknown as { lookup(i: number): PDFDict }).lookup(0);
      descriptor = first.lookupMaybe(PDFName.of('FontDescriptor'), PDFDict);
    }
    const embedded = ['FontFile', 'FontFile2', 'FontFile3'].some((k) => descriptor?.get(PDFName.of(k)) instanceof PDFRef);
    out.set(name, embedded);
  };
  for (const page of pdf.getPages()) {
    const fontsDict = page.node.Resources()?.lookupMaybe(PDFName.of('Font'), PDFDict);
    for (const [, ref] of fontsDict?.entries() ?? []) {
      const font = pdf.context.lookup(ref);
      if (font instanceof PDFDict) visitFont(font);
    }
  }
  return [...out].map(([name, embedded]) => ({ name, embedded }));
}

/** Collapse all white space: PDF text extraction breaks lines where the layout does. */
export function squash(text: string): string {
  return text.replace(/\s+/g, '');
}
