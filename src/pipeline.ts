/**
 * The order of the stages, written once:
 *   load (sources → validated editions) → transform (remark → remark-rehype → rehype →
 *   template → stringify) → stage (write HTML and fonts) → print (Chromium) →
 *   postprocess (pdf-lib) → commit (swap into output/<lang>/) → index.
 * Nothing is written when any source has a fatal problem.
 */
import { join, relative } from 'node:path';
import { existsSync } from 'node:fs';
import { unified } from 'unified';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { VFile } from 'vfile';
import type { Root as HastRoot } from 'hast';
import { LANGS, type EditionSource, type Lang } from './types.js';
import { loadProject, type Project } from './load/project.js';
import { loadFontSources, loadTemplates, type Templates } from './load/assets.js';
import { hasFatal } from './load/report.js';
import { assembleEdition } from './transform/assemble.js';
import remarkNumberParagraphs from './transform/remark-number-paragraphs.js';
import remarkLetterSubparagraphs from './transform/remark-letter-subparagraphs.js';
import { createHandlers } from './transform/mdast-to-hast-handlers.js';
import rehypeOutline from './transform/rehype-outline.js';
import rehypeTypography from './transform/rehype-typography.js';
import rehypeTemplate from './render/rehype-template.js';
import { editionSlots, pdfName, type Language } from './render/edition.js';
import rehypeSymbolLinks from './transform/rehype-symbol-links.js';
import rehypeContents from './transform/rehype-contents.js';
import rehypeSanitize from 'rehype-sanitize';
import { bodySchema } from './transform/sanitize-schema.js';
import { assetsOf, facesFor, fontAssets, type FontAssets } from './render/fonts.js';
import { coverageFromCss, type Coverage } from './render/coverage.js';
import { renderIndex } from './render/index-page.js';
import { BrowserSession, printWithRetry } from './print/session.js';
import { acquireLock } from './write/lock.js';
import { setMetadata, fixedDate } from './postprocess/metadata.js';
import { rewriteOutline } from './postprocess/outline.js';
import { loadConfig } from './load/config.js';
import { runChecks } from './check/run.js';
import { RULES } from './check/presets.js';
import type { Fix } from './check/rule.js';
import { commitEdition, createStaging, removeStaging, stageEdition, stageFile, writeFileAtomic } from './write/output.js';

export const PRODUCER = 'un-compendium-pipeline (unified, Chromium, pdf-lib)';

export interface TransformedEdition {
  source: EditionSource;
  file: VFile;
  html: string;
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
    .use(rehypeOutline)
    .use(rehypeStringify);
  const tree = (await processor.run(assembleEdition(source), file)) as HastRoot;
  const html = processor.stringify(tree, file);
  return { source, file, html, fonts };
}

/** The edition's own fonts, plus the few faces other languages' names need in the switcher. */
async function editionFonts(edition: EditionSource, languages: Project['languages']): Promise<FontAssets> {
  const own = fontAssets(await loadFontSources(edition.locale));
  const covers = coverageFromCss(own.css);
  const extra = [];
  for (const language of languages) {
    if (language.lang === edition.lang) continue;
    const theirs = fontAssets(await loadFontSources({ lang: language.lang, fonts: language.fonts }));
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
}

export interface BuildResult {
  project: Project;
  /** Files with messages (sources, editions): report them all. */
  files: VFile[];
  ok: boolean;
  outputs: Array<{ lang: Lang; html: string; pdf: string; pages?: number }>;
}

export interface CheckOptions {
  root: string;
  langs?: readonly Lang[] | undefined;
  sourcesDir?: string | undefined;
}

export interface CheckResult {
  project: Project;
  files: VFile[];
  fixes: Fix[];
  ok: boolean;
}

/** Load every source and run the rule catalogue: the `check` command, and the build's gate. */
export async function check(options: CheckOptions): Promise<CheckResult> {
  const config = await loadConfig(options.root, RULES.map((r) => r.meta.id));
  const project = await loadProject(options.root, { langs: options.langs, sourcesDir: options.sourcesDir });
  const coverage = new Map<Lang, Coverage>();
  for (const edition of project.editions) coverage.set(edition.lang, coverageFromCss(fontAssets(await loadFontSources(edition.locale)).css));
  const { files, fixes } = runChecks(project, { rules: config.rules, yearSeries: config.yearSeries }, coverage);
  const all = config.file ? [config.file, ...files] : files;
  return { project, files: all, fixes, ok: !hasFatal(all) };
}

export async function build(options: BuildOptions): Promise<BuildResult> {
  // The same checks as `check` first: any error and nothing is printed.
  const checked = await check(options);
  const project = checked.project;
  const files = [...checked.files];
  const result: BuildResult = { project, files, ok: false, outputs: [] };
  if (!checked.ok || project.editions.length === 0) return result;

  const templates = await loadTemplates(options.root);
  const transformed: TransformedEdition[] = [];
  for (const edition of project.editions) {
    options.onProgress?.(edition.lang, 'transform');
    const fonts = await editionFonts(edition, project.languages);
    const t = await transformEdition(edition, templates, fonts, project.languages);
    files.push(t.file);
    transformed.push(t);
  }
  if (hasFatal(files)) return result;

  const release = await acquireLock(options.outDir);
  const staging = await createStaging(options.outDir);
  const session = new BrowserSession();
  // Ctrl-C: kill Chromium, drop the staged files and the lock; the outputs stay as they were.
  const interrupted = async () => {
    session.kill();
    await removeStaging(staging);
    await release();
  };
  interruptHandlers.add(interrupted);
  try {
    const staged = [];
    for (const t of transformed) {
      const { lang, meta, locale } = t.source;
      options.onProgress?.(lang, 'print');
      const edition = await stageEdition(staging, lang, { html: t.html, fonts: t.fonts.files });
      let pdf = await printWithRetry(session, edition.url);
      options.onProgress?.(lang, 'postprocess');
      pdf = await rewriteOutline(pdf, t.file.data.headings ?? []);
      pdf = await setMetadata(pdf, {
        title: `${meta.title}: ${meta.subtitle}`,
        author: locale.unitedNations,
        subject: meta.symbol,
        keywords: [meta.symbol, meta.jobNumber, ...meta.keywords],
        lang,
        creator: PRODUCER,
        producer: PRODUCER,
        date: fixedDate(meta.date),
      });
      await stageFile(edition, pdfName(lang), pdf);
      staged.push(edition);
    }
    // Every edition printed: only now replace the previous outputs.
    for (const edition of staged) {
      const dir = await commitEdition(edition, options.outDir);
      result.outputs.push({ lang: edition.lang as Lang, html: join(dir, 'index.html'), pdf: join(dir, pdfName(edition.lang)) });
    }
    const present = LANGS.filter((lang) => existsSync(join(options.outDir, lang, 'index.html')));
    const titles = Object.fromEntries(project.editions.map((e) => [e.lang, { title: e.meta.title, name: e.locale.name, dir: e.locale.dir }]));
    await writeFileAtomic(join(options.outDir, 'index.html'), renderIndex(present, titles, pdfName));
    result.ok = true;
    return result;
  } finally {
    interruptHandlers.delete(interrupted);
    await session.close();
    await removeStaging(staging);
    await release();
  }
}

/** What to undo if the process is interrupted mid-build (the CLI calls `interrupt`). */
const interruptHandlers = new Set<() => Promise<void>>();

export async function interrupt(): Promise<void> {
  await Promise.all([...interruptHandlers].map((handler) => handler().catch(() => undefined)));
}

export function relativeTo(root: string, path: string): string {
  return relative(root, path) || '.';
}
