/** The first page's machine-readable codes, as SVG text (no I/O). */
// The encoder by name (not toSVG's lookup of every symbology): the bundle keeps only Code 39.
import { code39, drawingSVG } from 'bwip-js';
import QRCode from 'qrcode';

/** Code 39 carries the job number as year + serial: V.21-05275 → 2105275 (printed *2105275*). */
export { barcodeValue } from '../model/job-numbers.js';

function sized(svg: string, width: string, height: string): string {
  return svg.replace(/^<svg /, `<svg width="${width}" height="${height}" preserveAspectRatio="none" `);
}

export function code39Svg(value: string, width = '38mm', height = '7mm'): string {
  return sized(code39({ bcid: 'code39', text: value, height: 7, includetext: false }, drawingSVG()), width, height);
}

export async function qrSvg(url: string, size = '18mm'): Promise<string> {
  const svg = await QRCode.toString(url, { type: 'svg', margin: 0, errorCorrectionLevel: 'M' });
  return sized(svg.trim(), size, size);
}

export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
}
