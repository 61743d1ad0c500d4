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

export interface TextItem {
  page: number;
  str: string;
  x: number;
  y: number;
  width: number;
  pageWidth: number;
}

/** Text items with their positions (x from the left edge, y from the bottom), all pages. */
export async function textItems(bytes: Uint8Array): Promise<TextItem[]> {
  const doc = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
  const items: TextItem[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const [, , pageWidth = 0] = page.view;
    const content = await page.getTextContent();
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      items.push({ page: i, str: item.str, x: item.transform[4] ?? 0, y: item.transform[5] ?? 0, width: item.width, pageWidth });
    }
  }
  await doc.destroy();
  return items;
}

/**
 * Paragraph numbers as printed: items that are only "12." (".12" in right-to-left order, or
 * the Arabic "12 -", "- 12")
 * standing in the hanging column, where most such items stand (a "9." that ends a line of
 * text is not one).
 */
export function paragraphNumbers(all: readonly TextItem[]): number[] {
  // pdf.js may give "12 -" as three items ("-", " ", "12"): join short neighbours on a line.
  const items: TextItem[] = [];
  for (const item of all) {
    const last = items[items.length - 1];
    if (last && last.page === item.page && Math.abs(last.y - item.y) < 0.5 && Math.abs(last.x + last.width - item.x) < 4 && last.str.length <= 4 && item.str.length <= 4) {
      items[items.length - 1] = { ...last, str: last.str + item.str, width: item.x + item.width - last.x };
    } else items.push(item);
  }
  const candidates = items.flatMap((item) => {
    const m = /^\s*(?:(\d{1,3})\.|\.(\d{1,3})|(\d{1,3})[\s\u00a0]*-|-[\s\u00a0]*(\d{1,3}))\s*$/.exec(item.str);
    return m ? [{ item, n: Number(m[1] ?? m[2] ?? m[3] ?? m[4]) }] : [];
  });
  const mode = (values: number[]): number => {
    const counts = new Map<number, number>();
    for (const v of values) counts.set(Math.round(v), (counts.get(Math.round(v)) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
  };
  const left = mode(candidates.map((c) => c.item.x));
  const right = mode(candidates.map((c) => c.item.x + c.item.width));
  return candidates
    .filter((c) => Math.abs(c.item.x - left) < 1.5 || Math.abs(c.item.x + c.item.width - right) < 1.5)
    .map((c) => c.n);
}
