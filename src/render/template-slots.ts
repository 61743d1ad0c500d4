/** The slots of the edition template and the edition's stylesheet (no I/O). */
import type { ElementContent } from 'hast';
import type { EditionSource } from '../types.js';
import { ddmmyy } from './dates.js';
import { lineText, masthead, type Masthead } from './masthead.js';
import { cssString, pageCss } from './page-css.js';
import { undocsUrl } from '../model/symbols.js';
import type { SlotValue } from './rehype-template.js';

export function pdfName(lang: string): string {
  return `compendium-${lang}.pdf`;
}

/** The Akoma Ntoso edition's file name, beside the PDF. */
export function aknName(lang: string): string {
  return `compendium-${lang}.akn.xml`;
}

/** A translation's language line in the masthead ("Chinese", "Français"); none in the original. */
function versionLine(words: Masthead): ElementContent[] {
  if (!words.printsLanguage) return [];
  return [{ type: 'element', tagName: 'p', properties: { className: ['version'] }, children: [{ type: 'text', value: words.language }] }];
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
  const fontStack = [...new Set([...locale.fontStack, ...css.families])].map((f) => cssString(f)).join(', ');
  // A script without italics (Arabic, Chinese) sets upright what English sets in italics.
  const upright = locale.italics === false ? '\nem, i, h4, .masthead em { font-style: normal; }' : '';
  // The @font-face rules are not inline: the edition's fonts/fonts.css declares the faces it
  // ships (subset to the characters of its pages, when it is staged: src/fonts/fonts-stage.ts).
  const style = `:root { --font-stack: ${fontStack}, serif; }\n${css.template}\n${page}${upright}`;
  const words = masthead(edition);
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
    unitedNations: words.unitedNations,
    symbol: words.symbol,
    distribution: words.distribution,
    date: words.date,
    version: versionLine(words),
    // The emblem left of "United Nations", when document.yaml names one (none is shipped: nothing is drawn instead).
    emblem: edition.images.emblem ? [{ type: 'element', tagName: 'img', properties: { className: ['emblem'], src: edition.images.emblem, alt: '' }, children: [] }] : [],
    original: lineText(words.original),
    body: words.body,
    meetingLine: lineText(words.meeting),
    subtitle: words.subtitle,
    pdfLink: link,
    alternates,
    languages: switcher,
    languagesLabel: locale.web.languages,
    skipLink: locale.web.skipLink,
    pdfHref: pdfName(edition.lang),
    aknHref: aknName(edition.lang),
  };
}
