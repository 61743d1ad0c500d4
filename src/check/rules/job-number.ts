/**
 * job-number: each language version's job number — a duty-station prefix (V. Vienna, GE.
 * Geneva, none for New York), a two-digit year, a hyphen, a five-digit serial and a reissue
 * mark if any (src/model/job-numbers.ts) — is of the document date's year, is its own (a
 * language printing the original's number, or a placeholder, is a warning naming the file to
 * edit), is shared with no other language, and its processing dates are in order and not
 * before the document date less a margin. The barcode is computed from it (year + serial).
 */
import { lintRule } from '../rule.js';
import { JOB_NUMBER_FORM, jobNumberKey, parseJobNumber } from '../../model/job-numbers.js';

/** How long before the document's date a processing date may be (documents are processed ahead of the date they bear). */
export const PROCESSING_MARGIN_DAYS = 90;

export function jobNumberProblems(job: string, date: string): string[] {
  const parsed = parseJobNumber(job);
  if (!parsed) return [`Job number ${job} is malformed: expected ${JOB_NUMBER_FORM}`];
  const year = date.slice(2, 4);
  return parsed.year === year ? [] : [`Job number ${job} is of 20${parsed.year}, but the document is dated ${date}: expected ${job.replace(/\d{2}(?=-)/, year)}`];
}

function days(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
}

export function processingDateProblems(dates: readonly string[], date: string): string[] {
  const problems: string[] = [];
  for (const d of dates) {
    if (days(d) < days(date) - PROCESSING_MARGIN_DAYS) {
      problems.push(`Processing date ${d} is more than ${PROCESSING_MARGIN_DAYS} days before the document's date ${date}`);
    }
  }
  const [first, second] = dates;
  if (first && second && days(second) < days(first)) problems.push(`Processing dates ${first} and ${second} are out of order: the second is the later`);
  return problems;
}

export default lintRule(
  {
    id: 'job-number',
    description:
      "Each language's job number (its own document.yaml) has a duty-station prefix, a two-digit year of the document date, a hyphen and a five-digit serial, is no other language's, and is confirmed; processing dates are in order and not long before the document date.",
    example: 'en/document.yaml:11:1 Job number V.21-5275 is malformed: expected … e.g. V.21-05275',
    fixable: false,
  },
  (context, report) => {
    const originalLang = context.project.original;
    const seen = new Map<string, string>();
    // The original first (checked whichever languages were asked for: the others depend on it):
    // a translation that repeats its number is the one reported.
    const editions = [...new Set([...(context.original ? [context.original] : []), ...context.editions])].sort((a, b) => Number(b.lang === originalLang) - Number(a.lang === originalLang));
    for (const edition of editions) {
      const { meta, document, structure, lang } = edition;
      const own = meta.jobNumberSource === 'own';
      const at = own ? document : structure;
      const path = `sources/${lang}/document.yaml`;
      for (const problem of jobNumberProblems(meta.jobNumber, meta.date)) report(at.file, at.points['jobNumber'], problem);
      if (!own) {
        report(document.file, { line: 1, column: 1 }, `${lang}: no job number of its own, so the original's ${meta.jobNumber} is printed: set jobNumber (and processingDates) in ${path}`, undefined, { warning: true });
      } else if (!meta.jobNumberConfirmed) {
        report(at.file, at.points['jobNumber'], `Job number ${meta.jobNumber} is a placeholder, not confirmed: replace it with this language version's real one in ${path} and set jobNumberConfirmed: true`, undefined, { warning: true });
      }
      const key = jobNumberKey(meta.jobNumber);
      if (own && key !== undefined) {
        const other = seen.get(key);
        if (other) report(at.file, at.points['jobNumber'], `Job number ${meta.jobNumber} is also the ${other} version's: each language version has its own`);
        else seen.set(key, lang);
      }
      // Dates are reported where they are written: the original's once, a translation's own.
      const datesPoint = document.points['processingDates'];
      if (lang === originalLang || datesPoint) {
        for (const problem of processingDateProblems(meta.processingDates, meta.date)) report(document.file, datesPoint, problem);
      }
    }
  },
);
