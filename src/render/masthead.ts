/**
 * The words of the first page's masthead and meeting lines, written once for the HTML
 * edition's template slots and the Akoma Ntoso edition's cover page and preface: a line that
 * the XML marks up in parts ("Original: {language}", "{place}, {dates}") comes as its parts.
 * No I/O.
 */
import type { EditionSource } from '../types.js';
import { formatMeetingDates, mastheadDate } from './dates.js';

/** A line as its parts: plain text, and the named values a locale pattern puts in it. */
export type Part<Slot extends string> = string | { slot: Slot; text: string };

/** `pattern` with each `{slot}` replaced by its value, as parts (empty texts left out). */
export function parts<Slot extends string>(pattern: string, values: Readonly<Record<Slot, string>>): Array<Part<Slot>> {
  return pattern
    .split(/(\{[a-z]+\})/)
    .filter((piece) => piece !== '')
    .map((piece) => {
      const slot = piece.slice(1, -1) as Slot;
      return piece.startsWith('{') && slot in values ? { slot, text: values[slot] } : piece;
    });
}

/** The text of a line given as parts. */
export function lineText(line: ReadonlyArray<Part<string>>): string {
  return line.map((p) => (typeof p === 'string' ? p : p.text)).join('');
}

export interface Masthead {
  unitedNations: string;
  symbol: string;
  distribution: string;
  date: string;
  /** The language of this version in its own words ("Français"); printed by translations only. */
  language: string;
  /** Whether the masthead prints the language line (translations do, the original does not). */
  printsLanguage: boolean;
  original: Array<Part<'language'>>;
  /** The language version's own job number and language letter: "V.21-05275 (E)". */
  jobNumber: string;
  body: string;
  meeting: Array<Part<'place' | 'dates'>>;
  title: string;
  subtitle: string;
}

export function masthead(edition: EditionSource): Masthead {
  const { meta, locale } = edition;
  return {
    unitedNations: locale.unitedNations,
    symbol: meta.symbol,
    distribution: locale.distribution[meta.distribution],
    date: mastheadDate(meta.date, locale),
    language: locale.masthead?.version ?? locale.languageNames[edition.lang] ?? locale.name,
    printsLanguage: Boolean(locale.masthead?.version) && edition.lang !== meta.original,
    original: parts(locale.original, { language: locale.languageNames[meta.original] ?? meta.original }),
    jobNumber: `${meta.jobNumber} (${locale.jobLanguageCode})`,
    body: meta.body,
    meeting: parts(locale.meetingLine, { place: meta.meetingPlace, dates: formatMeetingDates(meta.meetingDates, locale) }),
    title: meta.title,
    subtitle: meta.subtitle,
  };
}
