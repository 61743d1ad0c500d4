/**
 * Job numbers (un-conventions.md, "Job numbers and the first-page footer"): a duty-station
 * prefix (V. Vienna, GE. Geneva; New York prints none), a two-digit year, a hyphen, a
 * five-digit serial, and a reissue mark after the number when the document was reissued:
 * V.21-05275, GE.25-02819, 15-06250*, 12-27711***. Each language version has its own.
 * The first page's Code 39 barcode carries year + serial: V.21-05275 → *2105275*.
 */
export const DUTY_STATIONS: Readonly<Record<string, string>> = { V: 'Vienna', GE: 'Geneva' };

const JOB_NUMBER = /^(?:([A-Z]{1,2})\.)?(\d{2})-(\d{5})(\**)$/;

export interface JobNumber {
  /** The duty-station prefix without its dot (V, GE), or undefined for New York. */
  station: string | undefined;
  year: string;
  serial: string;
  /** Reissue marks printed after the number: '', '*', '**' … */
  reissue: string;
}

export function parseJobNumber(job: string): JobNumber | undefined {
  const m = JOB_NUMBER.exec(job);
  if (!m || (m[1] !== undefined && !(m[1] in DUTY_STATIONS)) || (m[4] ?? '').length > 3) return undefined;
  return { station: m[1], year: m[2] ?? '', serial: m[3] ?? '', reissue: m[4] ?? '' };
}

/** What a problem-free job number looks like, for messages. */
export const JOB_NUMBER_FORM =
  'a duty-station prefix (V. or GE., none for New York), a two-digit year, a hyphen and a five-digit serial, and a reissue mark (*) if any, e.g. V.21-05275';

/** The Code 39 barcode's value: year + serial (V.21-05275 → 2105275, printed *2105275*). */
export function barcodeValue(job: string): string {
  const parsed = parseJobNumber(job);
  if (!parsed) throw new Error(`Job number ${job} is not ${JOB_NUMBER_FORM}`);
  return `${parsed.year}${parsed.serial}`;
}

/** The number itself, for comparing languages: the same year and serial are the same number. */
export function jobNumberKey(job: string): string | undefined {
  const parsed = parseJobNumber(job);
  return parsed ? `${parsed.year}-${parsed.serial}` : undefined;
}
