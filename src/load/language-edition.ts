/**
 * One language edition from the loaded sources (no I/O): structure from the original —
 * symbols, years, meetings, the order of themes — and text from the language. What does not
 * match the original is kept for the parity rule to report, not judged here.
 */
import type { DocumentMeta, EditionSource, Locale, Meeting, PaperSource, ThemeSource } from '../types.js';
import type { LanguageSources } from './language.js';
import { languageJob } from './language-job.js';

export function mergeEdition(src: LanguageSources, orig: LanguageSources, locale: Locale, meetings: Meeting[], images: EditionSource['images'] = {}): EditionSource | undefined {
  const structure = orig.structure;
  if (!structure || !src.doc || !src.themes || !orig.themes || !src.introduction || !src.themesFile) return undefined;

  // Themes in the original's order, with this language's text.
  const themes: ThemeSource[] = [];
  for (const t of orig.themes) {
    const own = src.themes.find((x) => x.id === t.id);
    if (own && !themes.includes(own)) themes.push(own);
  }

  const bySymbol = new Map(src.papers.map((p) => [p.front.symbol, p]));
  const papers: PaperSource[] = [];
  const placed = new Set<string>();
  for (const p of orig.papers) {
    const own = bySymbol.get(p.front.symbol);
    if (!own || !('theme' in p.front)) continue;
    // Two original papers with one symbol (document-symbol reports it): a translation's text goes to the first.
    if (src !== orig && placed.has(p.front.symbol)) continue;
    placed.add(p.front.symbol);
    const { symbol, year, meeting, theme } = p.front;
    papers.push({ symbol, year, meeting, theme, tree: own.tree, file: own.file, points: p.points, structureFile: p.file });
  }

  const meta: DocumentMeta = {
    symbol: structure.symbol,
    symbolConfirmed: structure.symbolConfirmed,
    distribution: structure.distribution,
    date: structure.date,
    ...languageJob(structure, src.doc, src === orig),
    original: structure.original,
    meetingDates: structure.meeting.dates,
    body: src.doc.body,
    meetingPlace: src.doc.meeting.place,
    title: src.doc.title,
    subtitle: src.doc.subtitle,
    chapters: src.doc.chapters,
    keywords: src.doc.keywords,
  };
  return {
    lang: src.lang,
    meta,
    locale,
    themes,
    introduction: src.introduction,
    papers,
    meetings,
    files: src.files,
    document: { file: src.docFile, points: src.docPoints },
    structure: { file: orig.docFile, points: orig.docPoints },
    themesFile: { file: src.themesFile, points: src.themePoints },
    own: { themes: src.themes.map((theme, i) => ({ theme, point: src.themeEntryPoints[i] })), papers: src.papers.map((p) => ({ symbol: p.front.symbol, file: p.file, point: p.points['symbol'] })) },
    unreadable: src.unreadable,
    images,
  };
}
