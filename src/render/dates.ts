/** Dates in each language's form, through Intl (no I/O). */
import type { Locale } from '../types.js';
import { memoize } from '../memo.js';

const utc = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

/** One formatter per language and form (building one costs more than formatting). */
const formatters = memoize((key: string) => {
  const [intl, form] = key.split(' ');
  return new Intl.DateTimeFormat(intl, form === 'date' ? { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' } : { day: 'numeric', timeZone: 'UTC' });
});
const formatter = (intl: string, form: 'date' | 'day'): Intl.DateTimeFormat => formatters(`${intl} ${form}`);

export function formatDate(iso: string, locale: Locale): string {
  return formatter(locale.intl, 'date').format(utc(iso));
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
    const day = formatter(locale.intl, 'day');
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
