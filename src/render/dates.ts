/** Dates in each language's form, through Intl and the locale pack's date rules (no I/O). */
import type { Locale } from '../types.js';
import { memoize } from '../memoize.js';

const utc = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

/** One formatter per language and form (building one costs more than formatting). */
const formatters = memoize((key: string) => {
  const [intl, form] = key.split(' ');
  return new Intl.DateTimeFormat(intl, form === 'date' ? { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' } : { day: 'numeric', timeZone: 'UTC' });
});
const formatter = (intl: string, form: 'date' | 'day'): Intl.DateTimeFormat => formatters(`${intl} ${form}`);

export type DateRules = Pick<Locale, 'intl' | 'dates'>;

/** The day number as the language writes it ("1er" in French). */
function dayOf(date: Date, rules: DateRules): string {
  const day = formatter(rules.intl, 'day').format(date);
  return date.getUTCDate() === 1 && rules.dates?.firstDay ? rules.dates.firstDay : day;
}

/**
 * "12 July 2021", "12 juillet 2021", "12 июля 2021 года", "12 تموز/يوليه 2021": Intl's parts
 * (the month in the case a full date needs), then the locale's month names and pattern.
 */
export function formatDate(iso: string, rules: DateRules): string {
  const date = utc(iso);
  const own = rules.dates;
  if (!own) return formatter(rules.intl, 'date').format(date);
  const parts = formatter(rules.intl, 'date').formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  const month = own.months?.[date.getUTCMonth()] ?? part('month');
  if (!own.pattern) return parts.map((p) => (p.type === 'month' ? month : p.type === 'day' ? dayOf(date, rules) : p.value)).join('');
  return own.pattern.replace('{day}', dayOf(date, rules)).replace('{month}', month).replace('{year}', part('year'));
}

/**
 * "12 and 13 October 2021": two days of one month joined by the locale's pattern, which may
 * use {day1}, {day2} (day numbers) and {date1}, {date2} (full dates, so the month is in the
 * grammatical case the language needs).
 */
export function formatMeetingDates(dates: readonly string[], locale: DateRules & Pick<Locale, 'meetingDates'>): string {
  const [first, second] = dates;
  if (!first) return '';
  if (!second) return formatDate(first, locale);
  const a = utc(first);
  const b = utc(second);
  if (a.getUTCFullYear() === b.getUTCFullYear() && a.getUTCMonth() === b.getUTCMonth()) {
    return locale.meetingDates
      .replace('{day1}', dayOf(a, locale))
      .replace('{day2}', dayOf(b, locale))
      .replace('{date1}', formatDate(first, locale))
      .replace('{date2}', formatDate(second, locale));
  }
  return `${formatDate(first, locale)}\u2013${formatDate(second, locale)}`;
}

/** The masthead's date: in the language the Distr. block is printed in (locale pack `masthead.intl`). */
export function mastheadDate(iso: string, locale: DateRules & Pick<Locale, 'masthead'>): string {
  const intl = locale.masthead?.intl;
  return intl ? formatDate(iso, { intl }) : formatDate(iso, locale);
}

/** ddmmyy, as printed beside the job number. */
export function ddmmyy(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}${m}${(y ?? '').slice(2)}`;
}
