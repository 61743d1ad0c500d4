/**
 * pdf-lib step: soft hyphens out of the PDF's text. Chromium draws each soft hyphen it does
 * not break at as an invisible glyph wrapped in a marked-content span whose ActualText is
 * U+00AD, so text copied from the PDF (pdftotext, viewers) would carry a soft hyphen inside
 * every hyphenated word. The step removes those spans' glyph-showing operators and the span
 * itself, keeping every positioning operator, so nothing visible moves. A soft hyphen where a
 * line is broken is printed as the stylesheet's hyphenate-character, an ordinary glyph.
 */
import { PDFArray, PDFName, PDFRawStream, decodePDFRawStream, type PDFDocument, type PDFRef } from 'pdf-lib';
import type { PdfStep } from './document.js';

const SPAN = /\/Span\s*<<\s*\/ActualText\s*<FEFF00AD>\s*>>\s*BDC([\s\S]*?)EMC/g;
const SHOW = /(?:<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\)|\[[^\]]*\])\s*(?:Tj|TJ|'|")/g;

/** The content stream without its soft-hyphen spans (unchanged when it has none). */
export function withoutSoftHyphens(content: string): string {
  return content.replace(SPAN, (span, inner: string) => (/\bB[DM]C\b/.test(inner) ? span : inner.replace(SHOW, '')));
}

export function softHyphenStep(): PdfStep {
  return (pdf: PDFDocument) => {
    for (const page of pdf.getPages()) {
      const contents = page.node.get(PDFName.of('Contents'));
      const refs = contents instanceof PDFArray ? contents.asArray() : [contents];
      const rewritten = refs.map((ref) => {
        const stream = pdf.context.lookup(ref as PDFRef);
        if (!(stream instanceof PDFRawStream)) return ref;
        const text = Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
        if (!text.includes('<FEFF00AD>')) return ref;
        return pdf.context.register(pdf.context.flateStream(Buffer.from(withoutSoftHyphens(text), 'latin1')));
      });
      if (rewritten.some((ref, i) => ref !== refs[i])) page.node.set(PDFName.of('Contents'), rewritten.length === 1 ? (rewritten[0] as PDFRef) : pdf.context.obj(rewritten));
    }
  };
}
