/** Per-edition stage: the edition's Akoma Ntoso XML, from its transformed tree (no browser, no I/O: `stage` writes it). */
import { fixedDate } from '../postprocess/fixed-date.js';
import { required, worldOf, type BuildState, type EditionJob } from '../run-stages.js';
import { aknXml } from './akn.js';

export function akn(job: EditionJob, state: BuildState): void {
  const edition = required(job.edition, 'the transformed edition');
  const markupDate = fixedDate(edition.source.meta.date, worldOf(state).env).toISOString().slice(0, 10);
  job.akn = aknXml(edition.source, edition.tree, { yearSeries: required(state.config, 'the configuration').yearSeries, markupDate });
}
