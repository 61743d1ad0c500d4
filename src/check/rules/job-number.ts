/**
 * job-number: a duty-station prefix (V. Vienna, GE. Geneva, none for New York), a two-digit
 * year, a hyphen and a five-digit serial — V.21-05275 — whose year is the document date's.
 */
import { lintRule } from '../rule.js';

const JOB = /^(?:(V|GE)\.)?(\d{2})-(\d{5})$/;

export function jobNumberProblems(job: string, date: string): string[] {
  const match = JOB.exec(job);
  if (!match) {
    return [`Job number ${job} is malformed: expected a duty-station prefix (V. or GE., none for New York), a two-digit year, a hyphen and a five-digit serial, e.g. V.21-05275`];
  }
  const year = date.slice(2, 4);
  return match[2] === year ? [] : [`Job number ${job} is of 20${match[2]}, but the document is dated ${date}: expected ${job.replace(/\d{2}(?=-)/, year)}`];
}

export default lintRule(
  {
    id: 'job-number',
    description: "The job number has a duty-station prefix, a two-digit year, a hyphen and a five-digit serial, and its year is the document date's.",
    example: 'en/document.yaml:9:1 Job number V.21-5275 is malformed: expected … e.g. V.21-05275',
    fixable: false,
  },
  (context, report) => {
    const original = context.original;
    if (!original) return;
    for (const problem of jobNumberProblems(original.meta.jobNumber, original.meta.date)) {
      report(original.structure.file, original.structure.points['jobNumber'], problem);
    }
  },
);
