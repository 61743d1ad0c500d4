/**
 * One language's sources, read and validated: document.yaml, themes.yaml, introduction.md and
 * papers/*.md. Reports only what stops a file from being read; what the files say is for the
 * rules. The original language's files state the structure (symbols, years, meetings, themes).
 */
import { join } from 'node:path';
import type { Root } from 'mdast';
import type { Point } from 'unist';
import type { VFile } from 'vfile';
import type { Lang } from '../types.js';
import type { World } from './world.js';
import { kindWords } from './read.js';
import { parseYaml, yamlDocument } from './yaml.js';
import { parseMarkdown } from './markdown.js';
import { fatal } from './report.js';
import { documentOriginalSchema, documentTextSchema, paperOriginalSchema, paperTranslationSchema, themesSchema, type DocumentOriginal, type DocumentText, type PaperFront, type ThemeSource } from './schema.js';

export interface LoadedPaper {
  front: PaperFront;
  tree: Root;
  file: VFile;
  points: Record<string, Point>;
}

export interface LanguageSources {
  lang: Lang;
  docFile: VFile;
  doc: DocumentText | undefined;
  /** The structural facts, stated in the original language's document.yaml only. */
  structure: DocumentOriginal | undefined;
  docPoints: Record<string, Point>;
  themesFile: VFile | undefined;
  themes: ThemeSource[] | undefined;
  /** Where each theme id stands (its first entry), and where each entry stands, in order. */
  themePoints: Record<string, Point>;
  themeEntryPoints: Point[];
  introduction: { tree: Root; file: VFile } | undefined;
  papers: LoadedPaper[];
  /** Files of papers/ that could not be read (encoding, YAML, front matter, …): said already. */
  unreadable: VFile[];
  files: VFile[];
}

/** The `original:` a document.yaml states, read without judging the rest (the schema does that). */
export function statedOriginal(docFile: VFile): string | undefined {
  const value: unknown = yamlDocument(String(docFile.value ?? '')).doc.get('original');
  return typeof value === 'string' ? value : undefined;
}

export async function readLanguage(world: World, lang: Lang, docFile: VFile, isOriginal: boolean): Promise<LanguageSources> {
  const dir = join(world.sources, lang);
  const src: LanguageSources = { lang, docFile, doc: undefined, structure: undefined, docPoints: {}, themesFile: undefined, themes: undefined, themePoints: {}, themeEntryPoints: [], introduction: undefined, papers: [], unreadable: [], files: [docFile] };
  const missing = (path: string): void => {
    const file = world.placeholder(path);
    src.files.push(file);
    fatal(file, `Missing source \`${join(lang, path.slice(dir.length + 1))}\``, undefined, 'missing-source');
  };

  const text = String(docFile.value);
  const parsedDoc = isOriginal ? parseYaml(docFile, text, documentOriginalSchema) : parseYaml(docFile, text, documentTextSchema);
  if (parsedDoc) {
    src.doc = parsedDoc.value;
    for (const key of Object.keys(parsedDoc.value)) src.docPoints[key] = parsedDoc.source.pointOf([key]);
    // The original's file states the structure too (its schema has those keys, the text schema has not).
    const structure = documentOriginalSchema.safeParse(parsedDoc.value);
    if (isOriginal && structure.success) src.structure = structure.data;
  }

  const themesPath = join(dir, 'themes.yaml');
  if (world.exists(themesPath)) {
    const file = await world.read(themesPath);
    src.themesFile = file;
    src.files.push(file);
    const parsed = parseYaml(file, String(file.value), themesSchema);
    if (parsed) {
      src.themes = parsed.value.themes;
      parsed.value.themes.forEach((t, i) => {
        const point = parsed.source.pointOf(['themes', i, 'id']);
        src.themeEntryPoints.push(point);
        src.themePoints[t.id] ??= point;
      });
    }
  } else missing(themesPath);

  const introPath = join(dir, 'introduction.md');
  if (world.exists(introPath)) {
    const file = await world.read(introPath);
    src.files.push(file);
    const { tree, frontMatter } = parseMarkdown(file);
    if (frontMatter) fatal(file, 'The introduction takes no front matter', { line: frontMatter.line - 1, column: 1 }, 'front-matter');
    src.introduction = { tree, file };
  } else missing(introPath);

  const papersDir = join(dir, 'papers');
  const papersKind = (await world.stat(papersDir))?.kind;
  if (papersKind !== undefined && papersKind !== 'dir') {
    // A file, a named pipe or a device where the folder of papers should be: said, not listed.
    const file = world.placeholder(papersDir);
    src.files.push(file);
    fatal(file, `\`${join(lang, 'papers')}\` is ${kindWords(papersKind)}, not a folder: the papers go in a folder of that name`, undefined, 'source-unreadable');
    return src;
  }
  const names = await world.list(papersDir);
  const read = await world.readAll(names.map((name) => join(papersDir, name)));
  for (const [i, name] of names.entries()) {
    const file = read[i] as VFile;
    src.files.push(file);
    const paper = file.messages.some((m) => m.fatal) ? undefined : readPaper(file, name, isOriginal);
    if (paper) src.papers.push(paper);
    else src.unreadable.push(file);
  }
  if (names.length === 0 && !world.exists(papersDir)) missing(papersDir);
  return src;
}

/** One paper file: front matter (validated) and body, or undefined with the reason on the file. */
function readPaper(file: VFile, name: string, isOriginal: boolean): LoadedPaper | undefined {
  if (!name.endsWith('.md')) {
    fatal(file, 'Only Markdown files (`.md`) belong in papers/', undefined, 'unknown-source');
    return undefined;
  }
  const needs = isOriginal ? 'the symbol, year, meeting and theme' : 'the symbol';
  if (String(file.value).trim() === '') {
    fatal(file, `Empty paper file: it needs front matter (${needs}) and its paragraphs`, undefined, 'front-matter');
    return undefined;
  }
  const { tree, frontMatter } = parseMarkdown(file);
  if (!frontMatter) {
    fatal(file, `Missing front matter: start the file with a \`---\` block giving ${needs}`, { line: 1, column: 1 }, 'front-matter');
    return undefined;
  }
  const parsed = parseYaml(file, frontMatter.text, isOriginal ? paperOriginalSchema : paperTranslationSchema, frontMatter.line);
  if (!parsed) return undefined;
  const points = Object.fromEntries(Object.keys(parsed.value).map((key) => [key, parsed.source.pointOf([key])]));
  return { front: parsed.value, tree, file, points };
}
