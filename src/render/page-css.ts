/**
 * The paged-media furniture of the PDF edition as CSS (no I/O): running header (the symbol)
 * on the outer side, footer with the job number on the inner side and n/N on the outer side,
 * and the first page's footer (job number, language, processing dates, Code 39, QR code).
 * `:left`/`:right` follow the writing direction, so an RTL edition is mirrored by itself.
 */
export interface PageFurniture {
  symbol: string;
  jobNumber: string;
  jobLanguageCode: string;
  processingDates: string[]; // ddmmyy
  barcodeText: string; // *2105275*
  barcodeUrl: string; // data: URL
  qrUrl: string; // data: URL
  /** The recycling mark beside the QR code on page 1 (document.yaml's recyclingMark), if any. */
  recyclingUrl?: string | undefined; // data: URL
  fontStack: string[];
  /** Right to left: the first page's footer is mirrored (job number and barcode on the right). */
  dir: 'ltr' | 'rtl';
}

/**
 * A CSS string literal, safe where the stylesheet is inline too: a quote and a backslash are
 * escaped, a line break is CSS's `\A`, and every other character that could end the string,
 * the `<style>` element (`</style>`, `<!--`) or confuse a reader (controls) is written as a
 * hexadecimal escape — the value never leaves the string, whatever it holds.
 */
export function cssString(value: string): string {
  const escaped = value.replace(/[\\"]|[\u0000-\u001f\u007f-\u009f<>&\u2028\u2029]/g, (c) => {
    if (c === '\\' || c === '"') return `\\${c}`;
    if (c === '\n') return '\\A ';
    // NUL may not be escaped in CSS (it reads as U+FFFD): it is written as that.
    const code = c === '\u0000' ? 0xfffd : (c.codePointAt(0) ?? 0xfffd);
    return `\\${code.toString(16).toUpperCase()} `;
  });
  return `"${escaped}"`;
}

/** A CSS `url()` of a string literal (data: addresses included). */
export function cssUrl(url: string): string {
  return `url(${cssString(url)})`;
}

export function pageCss(f: PageFurniture): string {
  const font = f.fontStack.map((name) => cssString(name)).join(', ');
  const counter = 'counter(page) "/" counter(pages)';
  const job = cssString(f.jobNumber);
  const symbol = cssString(f.symbol);
  const [start, end] = f.dir === 'rtl' ? ['right', 'left'] : ['left', 'right'];
  const firstFooter = `${cssString(`${f.jobNumber} (${f.jobLanguageCode})\u2003\u2003${f.processingDates.join('\u2003')}\n`)} ${cssUrl(f.barcodeUrl)} ${cssString(`\n${f.barcodeText}`)}`;
  return `@page {
  size: A4;
  margin: 27mm 32mm 29mm 32mm;
  @top-left { font-family: ${font}; font-size: 9pt; vertical-align: bottom; padding-bottom: 3mm; }
  @top-right { font-family: ${font}; font-size: 9pt; vertical-align: bottom; padding-bottom: 3mm; }
  @bottom-left { font-family: ${font}; font-size: 8pt; vertical-align: top; padding-top: 4mm; }
  @bottom-right { font-family: ${font}; font-size: 8pt; vertical-align: top; padding-top: 4mm; }
  @bottom-center { font-family: ${font}; font-size: 8pt; vertical-align: top; padding-top: 4mm; }
}
@page :right {
  @top-right { content: ${symbol}; }
  @bottom-left { content: ${job}; }
  @bottom-right { content: ${counter}; font-weight: bold; }
}
@page :left {
  @top-left { content: ${symbol}; }
  @bottom-left { content: ${counter}; font-weight: bold; }
  @bottom-right { content: ${job}; }
}
@page :first {
  margin-bottom: 45mm;
  @top-left { content: none; }
  @top-right { content: none; }
  @bottom-${start} { content: ${firstFooter}; white-space: pre; font-weight: normal; vertical-align: top; text-align: ${start}; }
  @bottom-center { content: none; }
  @bottom-${end} { content: ${f.recyclingUrl ? `${cssUrl(f.recyclingUrl)} " " ` : ''}${cssUrl(f.qrUrl)}; vertical-align: top; font-weight: normal; text-align: ${end}; }
}
`;
}
