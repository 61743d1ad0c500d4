/**
 * pdf-lib step: soft hyphens out of the PDF's text. Chromium draws each soft hyphen it does
 * not break at as an invisible glyph wrapped in a marked-content span whose ActualText is
 * U+00AD, so text copied from the PDF (pdftotext, viewers) would carry a soft hyphen inside
 * every hyphenated word. The step removes those spans' glyph-showing operators and the span
 * itself, keeping every positioning operator, so nothing visible moves. A soft hyphen where a
 * line is broken is printed as the stylesheet's hyphenate-character, an ordinary glyph.
 */
import { inflateSync, deflateSync } from 'node:zlib';
import { PDFArray, PDFName, PDFRawStream, PDFRef, decodePDFRawStream } from 'pdf-lib';
import type { PdfStep } from './document.js';

const SPAN = /\/Span\s*<<\s*\/ActualText\s*<FEFF00AD>\s*>>\s*BDC([\s\S]*?)EMC/g;
const SHOW = /(?:<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\)|\[[^\]]*\])\s*(?:Tj|TJ|'|")/g;

/** The content stream without its soft-hyphen spans (unchanged when it has none). */
export function withoutSoftHyphens(content: string): string {
  return content.replace(SPAN, (span, inner: string) => (/\bB[DM]C\b/.test(inner) ? span : inner.replace(SHOW, '')));
}

/** A stream's decoded bytes: zlib's own inflate for Flate streams (Chromium's), else pdf-lib's decoders. */
function decoded(stream: PDFRawStream): Buffer {
  const filter = stream.dict.get(PDFName.of('Filter'));
  if (filter === PDFName.of('FlateDecode') && !stream.dict.has(PDFName.of('DecodeParms'))) return inflateSync(stream.contents);
  return Buffer.from(decodePDFRawStream(stream).decode());
}

export function softHyphenStep(): PdfStep {
  return (pdf) => {
    for (const page of pdf.pages()) {
      const contents = page.get(PDFName.of('Contents'));
      const refs = contents instanceof PDFArray ? contents.asArray() : [contents];
      const rewritten = refs.map((ref) => {
        const stream = pdf.context.lookup(ref as PDFRef);
        if (!(stream instanceof PDFRawStream)) return ref;
        const text = decoded(stream).toString('latin1');
        if (!text.includes('<FEFF00AD>')) return ref;
        const fresh = pdf.context.stream(deflateSync(Buffer.from(withoutSoftHyphens(text), 'latin1')), { Filter: 'FlateDecode' });
        // The same object number: the page keeps pointing at it, only the stream changes.
        if (ref instanceof PDFRef) {
          pdf.context.assign(ref, fresh);
          return ref;
        }
        return pdf.context.register(fresh);
      });
      if (rewritten.some((ref, i) => ref !== refs[i])) page.set(PDFName.of('Contents'), rewritten.length === 1 ? (rewritten[0] as PDFRef) : pdf.context.obj(rewritten));
    }
  };
}
