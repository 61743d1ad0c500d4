/** Dates in each language's form, through Intl (no I/O). */
import type { Locale } from '../types.js';

const utc = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

export function formatDate(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale.intl, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(utc(iso));
}

/**
 * "12 and 13 October 2021": two days of one month joined by the locale's pattern, which may
 * use {day1}, {day2} (day numbers) and {date1}, {date2} (full dates, so the month is in the
 * grammatical case the language needs).
 */
export function formatMeetingDates(dates: readonly string[], locale: Locale): string {
  const [first, second] = dates;
  if (!first) return '';
  if (!second) return formatDate(first, locale);
  const a = utc(first);
  const b = utc(second);
  if (a.getUTCFullYear() === b.getUTCFullYear() && a.getUTCMonth() === b.getUTCMonth()) {
    const day = new Intl.DateTimeFormat(locale.intl, { day: 'numeric', timeZone: 'UTC' });
    return locale.meetingDates
      .replace('{day1}', day.format(a))
      .replace('{day2}', day.format(b))
      .replace('{date1}', formatDate(first, locale))
      .replace('{date2}', formatDate(second, locale));
  }
  return `${formatDate(first, locale)}\u2013${formatDate(second, locale)}`;
}

/** ddmmyy, as printed beside the job number. */
export function ddmmyy(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}${m}${(y ?? '').slice(2)}`;
}
