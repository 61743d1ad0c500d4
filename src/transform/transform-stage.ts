/**
 * The processor wiring, once: remark plugins → remark-rehype (our handlers) → rehype plugins
 * → template → stringify; and the transform stage, which turns each loaded edition into its
 * HTML (reusing, in watch, an edition whose inputs did not change).
 */
import { createHash } from 'node:crypto';
import { unified } from 'unified';
import remarkRehype from 'remark-rehype';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { VFile } from 'vfile';
import type { Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import type { EditionSource } from '../types.js';
import type { Templates } from '../load/assets.js';
import { UNCONFIGURED, type LoadedConfig } from '../load/config.js';
import { localeFonts, loadTemplates } from '../load/assets.js';
import { hasFatal } from '../load/report.js';
import { editionFonts, type FontAssets } from '../model/fonts.js';
import { editionSlots, type Language } from '../render/template-slots.js';
import rehypeTemplate from '../render/rehype-template.js';
import rehypeCsp from '../render/rehype-csp.js';
import { required, worldOf, type BuildState, type EditionJob } from '../run-stages.js';
import { assembleEdition } from './assemble.js';
import remarkNumberParagraphs from './remark-number-paragraphs.js';
import remarkLetterSubparagraphs from './remark-letter-subparagraphs.js';
import { createHandlers } from './mdast-to-hast-handlers.js';
import rehypeSymbolLinks from './rehype-symbol-links.js';
import rehypeContents from './rehype-contents.js';
import rehypeTypography from './rehype-typography.js';
import rehypeOutline from './rehype-outline.js';
import rehypeLabelNbsp from './rehype-label-nbsp.js';
import { printHtml } from '../render/print-html.js';
import { bodySchema } from './sanitize-schema.js';

export interface TransformedEdition {
  source: EditionSource;
  /** The edition's mdast, numbered and lettered: the tree the HTML was made from (and the Akoma Ntoso edition is). */
  tree: MdastRoot;
  file: VFile;
  html: string;
  /** The HTML the PDF is printed from (hyphenated, symbols breakable): staged as print.html. */
  printHtml: string;
  fonts: FontAssets;
}

/**
 * Transform one loaded edition into its HTML (no I/O: the templates and fonts are given). The
 * configuration's year series judge the symbols linked, as they judge those the check reports.
 */
export async function transformEdition(
  source: EditionSource,
  templates: Templates,
  fonts: FontAssets,
  languages: readonly Language[] = [{ lang: source.lang, name: source.locale.name, dir: source.locale.dir }],
  config: Pick<LoadedConfig, 'yearSeries'> = UNCONFIGURED,
): Promise<TransformedEdition> {
  const file = new VFile({ path: `sources/${source.lang}`, data: { lang: source.lang, sourceFiles: Object.fromEntries(source.files.map((f) => [f.path, f])) } });
  const processor = unified()
    .use(remarkNumberParagraphs)
    .use(remarkLetterSubparagraphs, { labels: source.locale.labels })
    .use(remarkRehype, { handlers: createHandlers(source.locale) })
    .use(rehypeSymbolLinks, { lang: source.lang, yearSeries: config.yearSeries })
    .use(rehypeContents, { label: source.locale.contents, range: source.locale.web.paragraphRange })
    .use(rehypeSanitize, bodySchema)
    .use(rehypeTemplate, {
      template: templates.html,
      slots: await editionSlots(source, { template: templates.css, families: fonts.faces.map((f) => f.family) }, languages),
      htmlAttributes: { lang: source.lang, dir: source.locale.dir },
      bodySlot: 'main',
    })
    .use(rehypeTypography, { typography: source.locale.typography })
    .use(rehypeLabelNbsp, { labels: source.locale.labels })
    .use(rehypeOutline)
    .use(rehypeCsp)
    .use(rehypeStringify);
  const mdast = assembleEdition(source);
  const tree = (await processor.run(mdast, file)) as HastRoot;
  const html = processor.stringify(tree, file);
  // The print edition's additions go into this same tree, now that the web edition's HTML is written.
  return { source, tree: mdast, file, html, printHtml: await printHtml(tree, source.locale, file), fonts };
}

/** Per-edition stage: the edition's HTML; a fatal message on the edition stops the build. */
export async function transform(job: EditionJob, state: BuildState): Promise<'done' | void> {
  const project = required(state.project, 'the project');
  const prints = required(state.fingerprints, 'the fingerprints');
  const source = required(
    project.editions.find((e) => e.lang === job.lang),
    `the ${job.lang} edition`,
  );
  const world = worldOf(state);
  const templates = (state.templates ??= await loadTemplates(world));
  state.options.onProgress?.(job.lang, 'transform');
  // The same sources, shared parts and templates give the same edition (watch reuses it).
  const key = createHash('sha256').update(`${prints.shared}\0${prints.langs[job.lang] ?? ''}\0${templates.html}\0${templates.css}`).digest('hex');
  const memo = state.options.memo;
  const remembered = memo?.editions.get(job.lang);
  if (remembered?.key === key) job.edition = remembered.edition;
  else {
    const others = await Promise.all(project.languages.filter((l) => l.lang !== job.lang).map(async (l) => ({ name: l.name, fonts: await localeFonts(l, world.disk) })));
    const fonts = editionFonts(await localeFonts(source.locale, world.disk), others);
    job.edition = await transformEdition(source, templates, fonts, project.languages, required(state.config, 'the configuration'));
    memo?.editions.set(job.lang, { key, edition: job.edition });
  }
  state.files.push(job.edition.file);
  if (hasFatal([job.edition.file])) {
    state.ok = false;
    return 'done';
  }
}
