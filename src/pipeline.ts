/**
 * The order of the stages, written once:
 *   load (sources → validated editions) → transform (remark → remark-rehype → rehype →
 *   template → stringify) → stage (write HTML and fonts) → print (Chromium) →
 *   postprocess (pdf-lib) → commit (swap into output/<lang>/) → index.
 * Nothing is written when any source has a fatal problem.
 */
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { unified } from 'unified';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { VFile } from 'vfile';
import type { Root as HastRoot } from 'hast';
import { LANGS, type EditionSource, type Lang, type Locale } from './types.js';
import { memoize } from './memo.js';
import { loadProject, type Project } from './load/project.js';
import { loadFontSources, loadTemplates, type Templates } from './load/assets.js';
import { hasFatal } from './load/report.js';
import { fingerprints, type Fingerprints } from './load/fingerprint.js';
import { assembleEdition } from './transform/assemble.js';
import remarkNumberParagraphs from './transform/remark-number-paragraphs.js';
import remarkLetterSubparagraphs from './transform/remark-letter-subparagraphs.js';
import { createHandlers } from './transform/mdast-to-hast-handlers.js';
import rehypeOutline from './transform/rehype-outline.js';
import rehypeTypography from './transform/rehype-typography.js';
import rehypeLabelNbsp from './transform/rehype-label-nbsp.js';
import { printHtml } from './render/print-html.js';
import rehypeTemplate from './render/rehype-template.js';
import { editionSlots, pdfName, type Language } from './render/edition.js';
import rehypeSymbolLinks from './transform/rehype-symbol-links.js';
import rehypeContents from './transform/rehype-contents.js';
import rehypeSanitize from 'rehype-sanitize';
import { bodySchema } from './transform/sanitize-schema.js';
import { assetsOf, facesFor, fontAssets, type FontAssets } from './render/fonts.js';
import { coverageFromCss, type Coverage } from './render/coverage.js';
import { renderIndex } from './render/index-page.js';
import type { BrowserSession } from './print/session.js';
import { availableParallelism } from 'node:os';
import { createHash } from 'node:crypto';
import { codeHash, editionKey, inputsNewerThanCache, readCache, writeCache } from './write/cache.js';
import { renumbering, type Renumbering } from './render/renumbering.js';
import { acquireLock } from './write/lock.js';
import { fixedDate } from './postprocess/fixed-date.js';
import { loadConfig } from './load/config.js';
import { runChecks } from './check/run.js';
import { RULES } from './check/presets.js';
import type { Fix } from './check/rule.js';
import { commitEdition, createStaging, removeStaging, stageEdition, stageFile, writeFileAtomic, type StagedEdition } from './write/output.js';

export const PRODUCER = 'un-compendium-pipeline (unified, Chromium, pdf-lib)';

export interface TransformedEdition {
  source: EditionSource;
  file: VFile;
  html: string;
  /** The HTML the PDF is printed from (hyphenated, symbols breakable): staged as print.html. */
  printHtml: string;
  fonts: FontAssets;
}

/** Transform one loaded edition into its HTML (no I/O but the templates and fonts given). */
export async function transformEdition(
  source: EditionSource,
  templates: Templates,
  fonts: FontAssets,
  languages: readonly Language[] = [{ lang: source.lang, name: source.locale.name, dir: source.locale.dir }],
): Promise<TransformedEdition> {
  const file = new VFile({ path: `sources/${source.lang}`, data: { lang: source.lang, sourceFiles: Object.fromEntries(source.files.map((f) => [f.path, f])) } });
  const processor = unified()
    .use(remarkNumberParagraphs)
    .use(remarkLetterSubparagraphs, { labels: source.locale.labels })
    .use(remarkRehype, { handlers: createHandlers(source.locale) })
    .use(rehypeSymbolLinks, { lang: source.lang })
    .use(rehypeContents, { label: source.locale.contents, range: source.locale.web.paragraphRange })
    .use(rehypeSanitize, bodySchema)
    .use(rehypeTemplate, {
      template: templates.html,
      slots: await editionSlots(source, { template: templates.css, fonts: fonts.css, families: fonts.faces.map((f) => f.family) }, languages),
      htmlAttributes: { lang: source.lang, dir: source.locale.dir },
      bodySlot: 'main',
    })
    .use(rehypeTypography, { typography: source.locale.typography })
    .use(rehypeLabelNbsp, { labels: source.locale.labels })
    .use(rehypeOutline)
    .use(rehypeStringify);
  const tree = (await processor.run(assembleEdition(source), file)) as HastRoot;
  const html = processor.stringify(tree, file);
  return { source, file, html, printHtml: await printHtml(tree, source.locale, file), fonts };
}

/** A locale's declared fonts as @font-face rules with their files, read and parsed once per process. */
const fontsOfLocale = memoize((key: string): Promise<FontAssets> => loadFontSources(JSON.parse(key) as Pick<Locale, 'lang' | 'fonts'>).then(fontAssets));
const localeFonts = (locale: Pick<Locale, 'lang' | 'fonts'>): Promise<FontAssets> => fontsOfLocale(JSON.stringify({ lang: locale.lang, fonts: locale.fonts }));

/** The edition's own fonts, plus the few faces other languages' names need in the switcher. */
async function editionFonts(edition: EditionSource, languages: Project['languages']): Promise<FontAssets> {
  const own = await localeFonts(edition.locale);
  const covers = coverageFromCss(own.css);
  const extra = [];
  for (const language of languages) {
    if (language.lang === edition.lang) continue;
    const theirs = await localeFonts(language);
    extra.push(...facesFor(language.name, covers, theirs.faces, (face, cp) => coverageFromCss(face.css)(cp)));
  }
  return assetsOf([...own.faces, ...extra]);
}

export interface BuildOptions {
  root: string;
  outDir: string;
  langs?: readonly Lang[] | undefined;
  /** The sources folder (default: `<root>/sources`). */
  sourcesDir?: string | undefined;
  /** Called as each edition moves through the stages. */
  onProgress?: ((lang: Lang, stage: string) => void) | undefined;
  /** Print every edition even when its content hash says it is unchanged. */
  force?: boolean | undefined;
  /** A warm browser to reuse (watch mode); otherwise one is started for this build. */
  session?: BrowserSession | undefined;
  /** Editions printed at once (default: the number of cores, at most the editions). */
  concurrency?: number | undefined;
  /** Kept between builds by a long-running process (watch): see `createMemo`. */
  memo?: BuildMemo | undefined;
}

export interface BuildResult {
  project: Project;
  /** Files with messages (sources, editions): report them all. */
  files: VFile[];
  ok: boolean;
  outputs: Array<{ lang: Lang; html: string; pdf: string; cached: boolean }>;
  /** Per language: which paragraph numbers changed since the previous build. */
  renumbering: Partial<Record<Lang, Renumbering>>;
}

export interface CheckOptions {
  root: string;
  langs?: readonly Lang[] | undefined;
  sourcesDir?: string | undefined;
  /** What the previous run in this process found (watch): unchanged languages are not checked again. */
  memo?: BuildMemo | undefined;
}

export interface CheckResult {
  project: Project;
  files: VFile[];
  fixes: Fix[];
  ok: boolean;
  fingerprints: Fingerprints;
}

/**
 * What a long-running process (watch) keeps between builds: per language, the content
 * fingerprint it was checked and transformed at, its checked files and its edition.
 */
export interface BuildMemo {
  check?: { shared: string; langs: Partial<Record<Lang, string>>; files: Map<string, VFile> };
  editions: Map<Lang, { key: string; edition: TransformedEdition }>;
}

export function createMemo(): BuildMemo {
  return { editions: new Map() };
}

/** Load every source and run the rule catalogue: the `check` command, and the build's gate. */
export async function check(options: CheckOptions): Promise<CheckResult> {
  const config = await loadConfig(options.root, RULES.map((r) => r.meta.id));
  const project = await loadProject(options.root, { langs: options.langs, sourcesDir: options.sourcesDir });
  const coverage = new Map<Lang, Coverage>();
  for (const edition of project.editions) coverage.set(edition.lang, coverageFromCss((await localeFonts(edition.locale)).css));
  const prints = fingerprints(project, options.sourcesDir ?? join(options.root, 'sources'), [String(config.file?.value ?? ''), JSON.stringify(options.langs ?? null)]);
  // A language whose sources did not change, in a project whose shared parts did not change,
  // has the findings it had: its checked files are reused, and only the others are checked.
  const previous = options.memo?.check;
  const langs = project.editions.map((e) => e.lang);
  const changed =
    previous && previous.shared === prints.shared
      ? langs.filter((lang) => lang === project.original || prints.langs[lang] !== previous.langs[lang])
      : undefined;
  const { files: checked, fixes } = runChecks(project, { rules: config.rules, yearSeries: config.yearSeries }, coverage, changed ? { langs: changed, langOf: prints.langOf } : undefined);
  const files = checked.map((file) => {
    const lang = prints.langOf(file);
    const reuse = changed && lang && !changed.includes(lang) ? previous?.files.get(file.path) : undefined;
    return reuse && reuse.value === file.value ? reuse : file;
  });
  if (options.memo) options.memo.check = { shared: prints.shared, langs: prints.langs, files: new Map(files.map((f) => [f.path, f])) };
  const all = config.file ? [config.file, ...files] : files;
  return { project, files: all, fixes, ok: !hasFatal(all), fingerprints: prints };
}

export async function build(options: BuildOptions): Promise<BuildResult> {
  // When something is likely to be printed, Chromium starts now, while the sources are
  // checked and transformed (it is the slowest thing to start); it is closed if nothing is.
  let printer: Printer | undefined;
  const openPrinter = async (): Promise<Printer> => (printer ??= await startPrinter(options.session));
  // (A session given by watch is warm already.)
  if (!options.session && (options.force || (await inputsNewerThanCache(options.outDir, buildInputs(options))))) (await openPrinter()).session.warm();
  let staging: string | undefined;
  let release: (() => Promise<void>) | undefined;
  // Ctrl-C: kill Chromium, stage and print nothing more, drop the staged files and the lock;
  // the outputs stay as they were.
  let stopped = false;
  const interrupted = async () => {
    stopped = true;
    printer?.session.kill();
    try {
      if (staging) await removeStaging(staging);
    } finally {
      await release?.();
    }
  };
  interruptHandlers.add(interrupted);
  try {
    return await buildWith(options, openPrinter, {
      lock: async () => {
        release = await acquireLock(options.outDir);
        staging = await createStaging(options.outDir);
        return staging;
      },
      stopped: () => stopped,
    });
  } finally {
    interruptHandlers.delete(interrupted);
    if (printer?.owned) await printer.session.close();
    if (staging) await removeStaging(staging);
    await release?.();
  }
}

interface Printer {
  session: BrowserSession;
  /** The session was started for this build (and is closed at its end). */
  owned: boolean;
  print: (url: string) => Promise<Uint8Array>;
  finish: (pdf: Uint8Array, t: TransformedEdition) => Promise<Uint8Array>;
}

/** The browser and pdf-lib code, loaded only when something is printed (check stays light). */
async function startPrinter(given: BrowserSession | undefined): Promise<Printer> {
  const [{ BrowserSession: Session, printWithRetry }, { postprocess }, { outlineStep }, { metadataStep }, { softHyphenStep }] = await Promise.all([
    import('./print/session.js'),
    import('./postprocess/document.js'),
    import('./postprocess/outline.js'),
    import('./postprocess/metadata.js'),
    import('./postprocess/soft-hyphens.js'),
  ]);
  const session = given ?? new Session();
  return {
    session,
    owned: !given,
    print: (url) => printWithRetry(session, url),
    finish: (pdf, t) => {
      const { lang, meta, locale } = t.source;
      return postprocess(pdf, [
        softHyphenStep(),
        outlineStep(t.file.data.headings ?? []),
        metadataStep({
          title: `${meta.title}: ${meta.subtitle}`,
          author: locale.unitedNations,
          subject: meta.symbol,
          keywords: [meta.symbol, meta.jobNumber, ...meta.keywords],
          lang,
          creator: PRODUCER,
          producer: PRODUCER,
          date: fixedDate(meta.date),
        }),
      ]);
    },
  };
}

/** What a build reads: when none of it changed since the last build, printing is unlikely. */
function buildInputs(options: BuildOptions): string[] {
  return [
    options.sourcesDir ?? join(options.root, 'sources'),
    join(options.root, 'templates'),
    join(options.root, 'compendium.config.yaml'),
    join(options.root, 'dist'),
    join(options.root, 'package-lock.json'),
  ];
}

async function buildWith(options: BuildOptions, openPrinter: () => Promise<Printer>, output: { lock: () => Promise<string>; stopped: () => boolean }): Promise<BuildResult> {
  // The same checks as `check` first: any error and nothing is printed.
  const checked = await check(options);
  const project = checked.project;
  const files = [...checked.files];
  const result: BuildResult = { project, files, ok: false, outputs: [], renumbering: {} };
  if (!checked.ok || project.editions.length === 0) return result;

  // Each edition is printed as soon as it is transformed, while the next one is transformed.
  const staging = await output.lock();
  const cache = await readCache(options.outDir);
  const code = await codeHash(options.root);
  const templates = await loadTemplates(options.root);
  const limit = pool(options.concurrency ?? (Number(process.env['COMPENDIUM_CONCURRENCY']) || availableParallelism()));
  const transformed: TransformedEdition[] = [];
  const keys = new Map<Lang, string>();
  const printing: Array<Promise<StagedEdition>> = [];
  for (const edition of project.editions) {
    options.onProgress?.(edition.lang, 'transform');
    // The same sources, shared parts and templates give the same edition (watch reuses it).
    const memoKey = createHash('sha256').update(`${checked.fingerprints.shared}\0${checked.fingerprints.langs[edition.lang] ?? ''}\0${templates.html}\0${templates.css}`).digest('hex');
    const remembered = options.memo?.editions.get(edition.lang);
    let t: TransformedEdition;
    if (remembered?.key === memoKey) t = remembered.edition;
    else {
      const fonts = await editionFonts(edition, project.languages);
      t = await transformEdition(edition, templates, fonts, project.languages);
      options.memo?.editions.set(edition.lang, { key: memoKey, edition: t });
    }
    files.push(t.file);
    transformed.push(t);
    if (hasFatal([t.file])) break;
    const { lang, meta } = t.source;
    const key = editionKey(code, `${t.html}\0${t.printHtml}`, fixedDate(meta.date));
    keys.set(lang, key);
    const unchanged = !options.force && cache.editions[lang] === key && existsSync(join(options.outDir, lang, pdfName(lang)));
    if (unchanged) {
      options.onProgress?.(lang, 'unchanged (cached, not printed)');
      result.outputs.push({ lang, html: join(options.outDir, lang, 'index.html'), pdf: join(options.outDir, lang, pdfName(lang)), cached: true });
      continue;
    }
    const job = limit(async () => {
      if (output.stopped()) throw new Error('The build was stopped');
      const printer = await openPrinter();
      options.onProgress?.(lang, 'print');
      const staged = await stageEdition(staging, lang, { html: t.html, fonts: t.fonts.files });
      // The PDF is printed from the print HTML, kept beside the web edition as print.html.
      await stageFile(staged, 'print.html', t.printHtml);
      const pdf = await printer.print(new URL('print.html', staged.url).href);
      options.onProgress?.(lang, 'postprocess');
      await stageFile(staged, pdfName(lang), await printer.finish(pdf, t));
      return staged;
    });
    job.catch(() => undefined); // awaited below; a failure must not end the process meanwhile
    printing.push(job);
  }
  if (hasFatal(files)) {
    await Promise.allSettled(printing);
    return result;
  }
  const staged = await Promise.all(printing);
  // Every edition printed: only now replace the previous outputs.
  for (const edition of staged) {
    const dir = await commitEdition(edition, options.outDir);
    result.outputs.push({ lang: edition.lang as Lang, html: join(dir, 'index.html'), pdf: join(dir, pdfName(edition.lang)), cached: false });
  }
  const present = LANGS.filter((lang) => existsSync(join(options.outDir, lang, 'index.html')));
  const titles = Object.fromEntries(project.editions.map((e) => [e.lang, { title: e.meta.title, name: e.locale.name, dir: e.locale.dir }]));
  await writeFileAtomic(join(options.outDir, 'index.html'), renderIndex(present, titles, pdfName));

  // What moved since the previous build, and the new state of the cache.
  for (const t of transformed) {
    const lang = t.source.lang;
    const now = paragraphKeys(t);
    result.renumbering[lang] = renumbering(cache.paragraphs[lang], now);
    cache.paragraphs[lang] = now;
    cache.editions[lang] = keys.get(lang) ?? '';
  }
  await writeCache(options.outDir, cache);
  await writeFileAtomic(join(options.outDir, 'renumbering.json'), `${JSON.stringify(result.renumbering, null, 1)}\n`);
  result.ok = true;
  return result;
}

/**
 * Paragraph number by a key that survives renumbering: the paper it belongs to and a hash of
 * its text (a rewritten paragraph reads as removed and new).
 */
function paragraphKeys(t: TransformedEdition): Record<string, number> {
  const byPath = new Map<string, string>(t.source.papers.map((p) => [p.file.path, p.symbol]));
  byPath.set(t.source.introduction.file.path, 'introduction');
  const keys: Record<string, number> = {};
  for (const p of t.file.data.paragraphs ?? []) {
    const owner = byPath.get(p.path) ?? p.path;
    const base = `${owner} ${createHash('sha256').update(p.text).digest('hex').slice(0, 10)}`;
    let key = base;
    for (let i = 2; key in keys; i++) key = `${base}-${i}`;
    keys[key] = p.number;
  }
  return keys;
}

/** At most `size` jobs at a time, started in the order they are given. */
function pool(size: number): <R>(job: () => Promise<R>) => Promise<R> {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async (job) => {
    if (running >= Math.max(1, size)) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await job();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}

/** What to undo if the process is interrupted mid-build (the CLI calls `interrupt`). */
const interruptHandlers = new Set<() => Promise<void>>();

export async function interrupt(): Promise<void> {
  await Promise.all([...interruptHandlers].map((handler) => handler().catch(() => undefined)));
}
