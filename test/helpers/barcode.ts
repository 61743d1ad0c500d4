/**
 * Reading the Code 39 barcode printed on a PDF page back: the page rendered by poppler's
 * pdftoppm (grey, 300 dpi), decoded by ZXing (@zxing/library) — a second, independent reader
 * of what bwip-js drew.
 */
import { spawnSync } from 'node:child_process';
import { BarcodeFormat, BinaryBitmap, DecodeHintType, HybridBinarizer, MultiFormatReader, RGBLuminanceSource } from '@zxing/library';

/** The page as grey pixels (a binary PGM from pdftoppm). */
function greyPage(pdfPath: string, page: number): { width: number; height: number; pixels: Uint8ClampedArray } {
  const run = spawnSync('pdftoppm', ['-r', '300', '-gray', '-f', String(page), '-l', String(page), pdfPath], { maxBuffer: 256 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`pdftoppm failed: ${String(run.stderr)}`);
  const bytes = run.stdout as Buffer;
  // P5 <width> <height> <maxval> then one byte a pixel.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not write a PGM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  const pixels = new Uint8ClampedArray(bytes.subarray(header[0].length, header[0].length + width * height));
  return { width, height, pixels };
}

/** The text of the Code 39 barcode in the bottom fifth of a page (the first-page footer). */
export function decodeCode39(pdfPath: string, page = 1): string {
  const { width, height, pixels } = greyPage(pdfPath, page);
  const top = Math.floor(height * 0.8);
  const source = new RGBLuminanceSource(pixels.slice(top * width), width, height - top);
  const hints = new Map<DecodeHintType, unknown>([
    [DecodeHintType.POSSIBLE_FORMATS, [BarcodeFormat.CODE_39]],
    [DecodeHintType.TRY_HARDER, true],
  ]);
  const reader = new MultiFormatReader();
  return reader.decode(new BinaryBitmap(new HybridBinarizer(source)), hints).getText();
}
