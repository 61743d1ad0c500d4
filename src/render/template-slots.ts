/** The slots of the edition template and the edition's stylesheet (no I/O). */
import type { ElementContent } from 'hast';
import type { EditionSource } from '../types.js';
import { ddmmyy, formatMeetingDates, mastheadDate } from './dates.js';
import { pageCss } from './page-css.js';
import { undocsUrl } from '../model/symbols.js';
import type { SlotValue } from './rehype-template.js';

export function pdfName(lang: string): string {
  return `compendium-${lang}.pdf`;
}

/** A translation's language line in the masthead ("Chinese", "Français"); none in the original. */
function versionLine(edition: EditionSource): ElementContent[] {
  const version = edition.locale.masthead?.version;
  if (!version || edition.lang === edition.meta.original) return [];
  return [{ type: 'element', tagName: 'p', properties: { className: ['version'] }, children: [{ type: 'text', value: version }] }];
}

export interface Language {
  lang: string;
  name: string;
  dir: 'ltr' | 'rtl';
}

export async function editionSlots(
  edition: EditionSource,
  css: { template: string; families: readonly string[] },
  languages: readonly Language[],
): Promise<Record<string, SlotValue>> {
  const { meta, locale } = edition;
  // The code generators are loaded only when an edition is rendered (not by `check`).
  const { barcodeValue, code39Svg, qrSvg, svgDataUrl } = await import('./codes.js');
  // This language version's own job number (sources/<lang>/document.yaml), and its barcode.
  const barcode = barcodeValue(meta.jobNumber);
  const page = pageCss({
    symbol: meta.symbol,
    jobNumber: meta.jobNumber,
    jobLanguageCode: locale.jobLanguageCode,
    // A duty station's extra code stands between the language letter and the dates: (C) GZ 080908.
    processingDates: [...(meta.footerCode ? [meta.footerCode] : []), ...meta.processingDates.map(ddmmyy)],
    barcodeText: `*${barcode}*`,
    barcodeUrl: svgDataUrl(code39Svg(barcode)),
    qrUrl: svgDataUrl(await qrSvg(undocsUrl(meta.symbol))),
    recyclingUrl: edition.images.recyclingMark,
    fontStack: locale.fontStack,
    dir: locale.dir,
  });
  // The locale's stack, then any family loaded only for the switcher's language names.
  const fontStack = [...new Set([...locale.fontStack, ...css.families])].map((f) => JSON.stringify(f)).join(', ');
  // A script without italics (Arabic, Chinese) sets upright what English sets in italics.
  const upright = locale.italics === false ? '\nem, i, h4, .masthead em { font-style: normal; }' : '';
  // The @font-face rules are not inline: the edition's fonts/fonts.css declares the faces it
  // ships (subset to the characters of its pages, when it is staged: src/fonts/fonts-stage.ts).
  const style = `:root { --font-stack: ${fontStack}, serif; }\n${css.template}\n${page}${upright}`;
  const languageName = locale.languageNames[meta.original] ?? meta.original;
  const link: ElementContent[] = [{ type: 'text', value: locale.web.pdfLink }];
  const others = languages.filter((l) => l.lang !== edition.lang);
  const alternates: ElementContent[] = others.map((l) => ({
    type: 'element',
    tagName: 'link',
    properties: { rel: ['alternate'], hrefLang: l.lang, href: `../${l.lang}/index.html` },
    children: [],
  }));
  const switcher: ElementContent[] = languages.map((l) => ({
    type: 'element',
    tagName: 'li',
    properties: {},
    children: [
      l.lang === edition.lang
        ? { type: 'element', tagName: 'span', properties: { lang: l.lang, dir: l.dir, ariaCurrent: 'page' }, children: [{ type: 'text', value: l.name }] }
        : { type: 'element', tagName: 'a', properties: { href: `../${l.lang}/index.html`, hrefLang: l.lang, lang: l.lang, dir: l.dir }, children: [{ type: 'text', value: l.name }] },
    ],
  }));
  return {
    title: meta.title,
    description: `${meta.symbol}: ${meta.title}. ${meta.subtitle}.`,
    style,
    unitedNations: locale.unitedNations,
    symbol: meta.symbol,
    distribution: locale.distribution[meta.distribution],
    date: mastheadDate(meta.date, locale),
    version: versionLine(edition),
    // The emblem left of "United Nations", when document.yaml names one (none is shipped: nothing is drawn instead).
    emblem: edition.images.emblem ? [{ type: 'element', tagName: 'img', properties: { className: ['emblem'], src: edition.images.emblem, alt: '' }, children: [] }] : [],
    original: locale.original.replace('{language}', languageName),
    body: meta.body,
    meetingLine: locale.meetingLine.replace('{place}', meta.meetingPlace).replace('{dates}', formatMeetingDates(meta.meetingDates, locale)),
    subtitle: meta.subtitle,
    pdfLink: link,
    alternates,
    languages: switcher,
    languagesLabel: locale.web.languages,
    skipLink: locale.web.skipLink,
    pdfHref: pdfName(edition.lang),
  };
}
