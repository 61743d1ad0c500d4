/**
 * A language version's job number, processing dates and footer code: its own document.yaml's
 * when it states them, else the original's standing in (reported by the job-number check).
 */
import type { LanguageJob } from '../types.js';

interface JobFields {
  jobNumber?: string | undefined;
  jobNumberConfirmed?: boolean | undefined;
  processingDates?: string[] | undefined;
  footerCode?: string | undefined;
}

export function languageJob(
  original: JobFields & { jobNumber: string; processingDates: string[] },
  own: JobFields,
  isOriginal: boolean,
): LanguageJob {
  const from = isOriginal ? original : own;
  const footerCode = from.footerCode;
  return {
    jobNumber: from.jobNumber ?? original.jobNumber,
    jobNumberSource: isOriginal || from.jobNumber !== undefined ? 'own' : 'original',
    jobNumberConfirmed: from.jobNumber !== undefined ? (from.jobNumberConfirmed ?? true) : (original.jobNumberConfirmed ?? true),
    processingDates: from.processingDates ?? original.processingDates,
    ...(footerCode !== undefined ? { footerCode } : {}),
  };
}
