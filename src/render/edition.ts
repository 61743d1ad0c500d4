/** The slots of the edition template and the edition's stylesheet (no I/O). */
import type { ElementContent } from 'hast';
import type { EditionSource } from '../types.js';
import { barcodeValue, code39Svg, qrSvg, svgDataUrl } from './codes.js';
import { ddmmyy, formatDate, formatMeetingDates } from './dates.js';
import { pageCss } from './page-css.js';
import type { SlotValue } from './rehype-template.js';

export function pdfName(lang: string): string {
  return `compendium-${lang}.pdf`;
}

export function undocsUrl(symbol: string): string {
  return `https://undocs.org/${symbol}`;
}

export async function editionSlots(edition: EditionSource, css: { template: string; fonts: string }): Promise<Record<string, SlotValue>> {
  const { meta, locale } = edition;
  const barcode = barcodeValue(meta.jobNumber);
  const page = pageCss({
    symbol: meta.symbol,
    jobNumber: meta.jobNumber,
    jobLanguageCode: locale.jobLanguageCode,
    processingDates: meta.processingDates.map(ddmmyy),
    barcodeText: `*${barcode}*`,
    barcodeUrl: svgDataUrl(code39Svg(barcode)),
    qrUrl: svgDataUrl(await qrSvg(undocsUrl(meta.symbol))),
    fontStack: locale.fontStack,
    dir: locale.dir,
  });
  const fontStack = locale.fontStack.map((f) => JSON.stringify(f)).join(', ');
  const style = `${css.fonts}\n:root { --font-stack: ${fontStack}, serif; }\n${css.template}\n${page}`;
  const languageName = locale.languageNames[meta.original] ?? meta.original;
  const link: ElementContent[] = [{ type: 'text', value: `PDF (A4): ${meta.symbol}` }];
  return {
    title: meta.title,
    description: `${meta.symbol}: ${meta.title}. ${meta.subtitle}.`,
    style,
    unitedNations: locale.unitedNations,
    symbol: meta.symbol,
    distribution: locale.distribution[meta.distribution],
    date: formatDate(meta.date, locale),
    original: locale.original.replace('{language}', languageName),
    body: meta.body,
    meetingLine: locale.meetingLine.replace('{place}', meta.meetingPlace).replace('{dates}', formatMeetingDates(meta.meetingDates, locale)),
    subtitle: meta.subtitle,
    pdfLink: link,
    pdfHref: pdfName(edition.lang),
  };
}
