/**
 * Per-edition stage: finish Chromium's PDF with pdf-lib — bookmarks with the headings' exact
 * text, document information and fixed dates — in one parse and one save, bytes in → bytes
 * out. pdf-lib is loaded only when something is printed.
 */
import { required, worldOf, type BuildState, type EditionJob } from '../run-stages.js';
import { fixedDate } from './fixed-date.js';

export const PRODUCER = 'un-compendium-pipeline (unified, Chromium, pdf-lib)';

export async function postprocessStage(job: EditionJob, state: BuildState): Promise<void> {
  const [{ postprocess }, { outlineStep }, { metadataStep }, { softHyphenStep }] = await Promise.all([import('./document.js'), import('./outline.js'), import('./metadata.js'), import('./soft-hyphens.js')]);
  state.options.onProgress?.(job.lang, 'postprocess');
  const edition = required(job.edition, 'the transformed edition');
  const { lang, meta, locale } = edition.source;
  job.pdf = await postprocess(required(job.pdf, 'the printed PDF'), [
    softHyphenStep(),
    outlineStep(edition.file.data.headings ?? []),
    metadataStep({
      title: `${meta.title}: ${meta.subtitle}`,
      author: locale.unitedNations,
      subject: meta.symbol,
      keywords: [meta.symbol, meta.jobNumber, ...meta.keywords],
      lang,
      creator: PRODUCER,
      producer: PRODUCER,
      date: fixedDate(meta.date, worldOf(state).env),
    }),
  ]);
}
