/**
 * The writing stages of a build, in the order `src/pipeline.ts` gives them: take the output
 * folder (lock, staging folder), skip unchanged editions (cache), stage each edition's HTML
 * and fonts, save its PDF, then — only when every edition printed — swap them into place,
 * write the index page, and record the cache and the renumbering report.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rmdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Lang } from '../types.js';
import { required, worldOf, type BuildState, type EditionJob } from '../run-stages.js';
import { fixedDate } from '../postprocess/fixed-date.js';
import { aknName, pdfName } from '../render/template-slots.js';
import { paragraphKeys, renumbering } from '../render/renumbering.js';
import { acquireLock } from './lock.js';
import { checkOutputFolder, checkReplaceable, markOutputFolder, OutputFolderError, type OutputFolder } from './output-folder.js';
import { writeIndexPage } from './write-index.js';
import { buildKey, codeHash, editionKey, outputFiles, readCache, restoreFindings, sameOutputs, saveFindings, writeCache } from './cache.js';
import { inputsDigest } from '../load/inputs.js';
import { pruneFontCache, writeCachedFonts } from './font-cache.js';
import { commitEdition, createStaging, foreignInEdition, removeStaging, stageEdition, stageFile, writeFileAtomic } from './output.js';

/**
 * Stage, before the sources are parsed: when the code, everything the build reads and the
 * options are those of the last complete build, and the output folder holds exactly what it
 * left there (same files, sizes and times), there is nothing to do — its findings are reported
 * again, as they were, and the editions are listed as unchanged. Otherwise the key is kept for
 * the record stage. (`--force` always builds; watch, which builds on a change, skips this.)
 */
export async function unchanged(state: BuildState): Promise<'stop' | void> {
  const { outDir, force, langs, memo } = state.options;
  // watch builds on a change only, and keeps its own memo of what did not change.
  if (memo) return;
  const world = worldOf(state);
  const [cacheState, code, inputs] = await Promise.all([readCache(outDir), codeHash(state.options.root), inputsDigest(world)]);
  state.cache = cacheState;
  state.buildKey = buildKey({ code, inputs, langs, sourceDateEpoch: world.env['SOURCE_DATE_EPOCH'] });
  const last = cacheState.last;
  if (force || !last || last.key !== state.buildKey) return;
  if (!sameOutputs(last.outputs, await outputFiles(outDir, outputEntries(last.langs)))) return;
  state.files = restoreFindings(last.findings);
  for (const lang of last.langs as Lang[]) {
    state.options.onProgress?.(lang, 'unchanged (cached, not printed)');
    state.outputs.push({ lang, html: join(outDir, lang, 'index.html'), pdf: join(outDir, lang, pdfName(lang)), cached: true });
  }
  state.ok = true;
  return 'stop';
}

const outputEntries = (langs: readonly string[]): string[] => [...langs, 'index.html', 'renumbering.json'];

/** The entries of the output folder a build writes besides the editions. */
const OUTPUT_ENTRIES = ['index.html', 'renumbering.json', '.cache'];

/**
 * Stage, before anything else: the output folder must be one the tool may write — never the
 * sources, the templates or the project, never a folder someone else filled (output-folder.ts).
 */
export function outputFolder(state: BuildState): void {
  const { root, sourcesDir, outDir } = state.options;
  state.folder = checkOutputFolder(outDir, { root, sources: sourcesDir ?? join(root, 'sources'), templates: join(root, 'templates') });
}

async function removeEmptyUpTo(dir: string, top: string): Promise<void> {
  for (let current = dir; ; current = dirname(current)) {
    if (!(await rmdir(current).then(() => true, () => false)) || current === top || dirname(current) === current) return;
  }
}

/**
 * The entries a build replaces must be ones it wrote (output-folder.ts), and an edition's
 * folder, replaced whole, must hold only what a build puts there.
 */
function checkReplacing(folder: OutputFolder, langs: readonly string[]): void {
  checkReplaceable(folder, [...langs, ...OUTPUT_ENTRIES]);
  for (const lang of langs) {
    const foreign = foreignInEdition(join(folder.dir, lang), [pdfName(lang), aknName(lang)]);
    if (foreign.length > 0) {
      throw new OutputFolderError(`Refusing to replace ${join(folder.dir, lang)}: it holds ${foreign.join(', ')}, which no build of this tool writes there (move ${foreign.length === 1 ? 'it' : 'them'} away, or choose another --out)`);
    }
  }
}

/** Stage: one build at a time per output folder, and a private staging folder in it. */
export async function lock(state: BuildState): Promise<void> {
  const langs = required(state.project, 'the project').editions.map((e) => e.lang);
  checkReplacing(required(state.folder, 'the output folder'), langs);
  // A folder this build makes is removed again if the build leaves nothing in it (a build
  // stopped by the checks); rmdir never removes a folder with anything in it.
  const made = await mkdir(state.options.outDir, { recursive: true });
  if (made) state.cleanup.push(() => removeEmptyUpTo(state.options.outDir, made));
  const release = await acquireLock(state.options.outDir);
  state.cleanup.push(release);
  const staging = await createStaging(state.options.outDir);
  state.staging = staging;
  state.cleanup.push(() => removeStaging(staging));
  state.cache ??= await readCache(state.options.outDir); // read by `unchanged` already, but in watch
  state.code = await codeHash(state.options.root);
  state.jobs = required(state.project, 'the project').editions.map((e) => ({ lang: e.lang }));
}

/** Per-edition stage: an edition whose content key is the cached one is not printed again. */
export async function cache(job: EditionJob, state: BuildState): Promise<'done' | void> {
  const edition = required(job.edition, 'the transformed edition');
  const { outDir, force } = state.options;
  const akn = required(job.akn, 'the Akoma Ntoso edition');
  job.key = editionKey(required(state.code, 'the code hash'), `${edition.html}\0${edition.printHtml}\0${akn}`, fixedDate(edition.source.meta.date, worldOf(state).env));
  const unchanged =
    !force &&
    required(state.cache, 'the cache').editions[job.lang] === job.key &&
    existsSync(join(outDir, job.lang, pdfName(job.lang))) &&
    // The web edition in the folder is the one this build makes (not edited or damaged since).
    (await sameText(join(outDir, job.lang, 'index.html'), edition.html)) &&
    (await sameText(join(outDir, job.lang, 'print.html'), edition.printHtml)) &&
    (await sameText(join(outDir, job.lang, aknName(job.lang)), akn));
  if (!unchanged) return;
  state.options.onProgress?.(job.lang, 'unchanged (cached, not printed)');
  state.outputs.push({ lang: job.lang, html: join(outDir, job.lang, 'index.html'), pdf: join(outDir, job.lang, pdfName(job.lang)), cached: true });
  return 'done';
}

async function sameText(path: string, text: string): Promise<boolean> {
  return (await readFile(path, 'utf8').catch(() => undefined)) === text;
}

/** Per-edition stage: the edition's HTML and its fonts (fonts/fonts.css and the subsets) in the staging folder, to print from. */
export async function stage(job: EditionJob, state: BuildState): Promise<void> {
  if (state.stopped) throw new Error('The build was stopped');
  const edition = required(job.edition, 'the transformed edition');
  job.staged = await stageEdition(required(state.staging, 'the staging folder'), job.lang, { html: edition.html, fonts: required(job.fonts, "the edition's fonts") });
  // The PDF is printed from the print HTML, kept beside the web edition as print.html; the Akoma Ntoso edition beside them.
  await stageFile(job.staged, 'print.html', edition.printHtml);
  await stageFile(job.staged, aknName(job.lang), required(job.akn, 'the Akoma Ntoso edition'));
}
stage.concurrent = true;

/** Per-edition stage: the finished PDF beside its HTML. */
export async function save(job: EditionJob): Promise<void> {
  await stageFile(required(job.staged, 'the staged edition'), pdfName(job.lang), required(job.pdf, 'the PDF'));
  delete job.pdf;
}

/** Stage: every edition printed — only now replace the previous outputs (only what the tool wrote). */
export async function commit(state: BuildState): Promise<void> {
  const folder = required(state.folder, 'the output folder');
  const langs = state.jobs.filter((j) => j.staged).map((j) => j.lang);
  checkReplacing(folder, langs);
  await markOutputFolder(folder, [...langs, ...OUTPUT_ENTRIES]);
  for (const job of state.jobs) {
    if (!job.staged) continue;
    const dir = await commitEdition(job.staged, state.options.outDir);
    state.outputs.push({ lang: job.lang, html: join(dir, 'index.html'), pdf: join(dir, pdfName(job.lang)), cached: false });
  }
}

/** Stage: output/index.html lists the editions present in the output folder. */
export async function index(state: BuildState): Promise<void> {
  await writeIndexPage(state.options.outDir, required(state.project, 'the project').editions);
}

/** Stage: what moved since the previous build, and the new state of the cache. */
export async function record(state: BuildState): Promise<void> {
  const cacheState = required(state.cache, 'the cache');
  for (const job of state.jobs) {
    const edition = required(job.edition, 'the transformed edition');
    const lang: Lang = job.lang;
    const now = paragraphKeys(edition.source, edition.file.data.paragraphs ?? []);
    state.renumbering[lang] = renumbering(cacheState.paragraphs[lang], now);
    cacheState.paragraphs[lang] = now;
    cacheState.editions[lang] = job.key ?? '';
    // An edition not staged again keeps the fonts it was staged with; what it shipped before a
    // change is kept one build longer.
    if (job.fonts) {
      const keys = job.fonts.subsets.map((s) => s.key);
      const before = cacheState.fonts[lang];
      if (before && before.join() !== keys.join()) cacheState.fontsBefore = { ...cacheState.fontsBefore, [lang]: before };
      cacheState.fonts[lang] = keys;
    }
  }
  await writeFileAtomic(join(state.options.outDir, 'renumbering.json'), `${JSON.stringify(state.renumbering, null, 1)}\n`);
  const langs = state.jobs.map((j) => j.lang);
  cacheState.last = state.buildKey ? { key: state.buildKey, langs, findings: saveFindings(state.files), outputs: await outputFiles(state.options.outDir, outputEntries(langs)) } : undefined;
  await writeCachedFonts(state.options.outDir, state.jobs.flatMap((job) => job.fonts?.subsets ?? []));
  await writeCache(state.options.outDir, cacheState);
  await pruneFontCache(state.options.outDir, new Set([...Object.values(cacheState.fonts), ...Object.values(cacheState.fontsBefore ?? {})].flat()));
  state.ok = true;
}
