/**
 * Sources → validated editions. The only code that reads `sources/` and `templates/locales/`.
 * Problems are messages on the VFile of the source concerned; a fatal one stops the build
 * before anything is written.
 */
import { join, relative, sep } from 'node:path';
import { realpath } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { VFile } from 'vfile';
import type { Root } from 'mdast';
import type { Point } from 'unist';
import type { z } from 'zod';
import { LANGS, type DocumentMeta, type EditionSource, type Lang, type Locale, type Meeting, type PaperSource, type ThemeSource } from '../types.js';
import { readSource, listDir } from './read.js';
import { parseYaml } from './yaml.js';
import { parseMarkdown } from './markdown.js';
import { fatal } from './report.js';
import {
  documentOriginalSchema,
  documentTextSchema,
  localeSchema,
  meetingsSchema,
  paperOriginalSchema,
  paperTranslationSchema,
  themesSchema,
} from './schema.js';
import { parseTranslationRecord, TRANSLATION_RECORD, type TranslationRecord } from './translation.js';

export interface Project {
  root: string;
  /** Every language with sources and a locale pack: the editions a reader can switch to. */
  languages: Array<{ lang: Lang; name: string; dir: 'ltr' | 'rtl'; fonts: Locale['fonts'] }>;
  original: Lang | undefined;
  meetings: Meeting[];
  editions: EditionSource[];
  /** Every file read, with its messages. */
  files: VFile[];
  /** Per translation: which version of the original each unit translates (translation.yaml). */
  translations?: Partial<Record<Lang, TranslationRecord>>;
}

export interface LoadOptions {
  /** Languages to load (default: every language that has sources). */
  langs?: readonly Lang[] | undefined;
  /** The sources folder (default: `<root>/sources`). */
  sourcesDir?: string | undefined;
}

interface LoadedPaper {
  front: Partial<z.infer<typeof paperOriginalSchema>> & { symbol: string };
  tree: Root;
  file: VFile;
  points: Record<string, Point>;
}

interface LangSources {
  lang: Lang;
  doc?: z.infer<typeof documentTextSchema> | z.infer<typeof documentOriginalSchema>;
  docFile: VFile;
  docPoints: Record<string, Point>;
  themes?: ThemeSource[];
  themesFile: VFile;
  themePoints: Record<string, Point>;
  introduction?: { tree: Root; file: VFile };
  papers: LoadedPaper[];
  /** The same papers by symbol. */
  bySymbol: Map<string, LoadedPaper>;
  files: VFile[];
}

export async function loadProject(root: string, options: LoadOptions = {}): Promise<Project> {
  const sources = options.sourcesDir ?? join(root, 'sources');
  const files: VFile[] = [];
  const sourcesReal = existsSync(sources) ? await realpath(sources) : sources;
  const templatesReal = await realpath(join(root, 'templates')).catch(() => join(root, 'templates'));
  // `files` lists every file read, in the order they were asked for (not the order reads end).
  const readUnlisted = async (path: string): Promise<VFile> => {
    // Nothing in the sources may make the pipeline read elsewhere: no link out of the folder.
    const real = await realpath(path);
    if (![sourcesReal, templatesReal].some((dir) => real.startsWith(dir + sep))) {
      const file = new VFile({ path, cwd: root, value: '' });
      fatal(file, `Refusing to read ${path}: it links outside the sources (to ${real})`, undefined, 'source-outside');
      return file;
    }
    return readSource(path, root);
  };
  const read = async (path: string): Promise<VFile> => {
    const file = await readUnlisted(path);
    files.push(file);
    return file;
  };

  // The meeting registry, shared by all languages.
  let meetings: Meeting[] = [];
  const meetingsPath = join(sources, 'meetings.yaml');
  if (existsSync(meetingsPath)) {
    const file = await read(meetingsPath);
    const parsed = parseYaml(file, String(file.value), meetingsSchema);
    if (parsed) meetings = parsed.value.meetings.map((m) => ({ number: m.number, year: m.year, ...(m.dates ? { dates: m.dates } : {}) }));
  } else {
    const file = new VFile({ path: meetingsPath, cwd: root });
    files.push(file);
    fatal(file, 'Missing the meeting registry `sources/meetings.yaml`', undefined, 'missing-source');
  }

  // Which languages have sources.
  const present: Lang[] = [];
  for (const name of await listDir(sources)) {
    if (name === 'meetings.yaml' || name.startsWith('.') || name.toLowerCase() === 'readme.md') continue;
    if ((LANGS as readonly string[]).includes(name) && existsSync(join(sources, name, 'document.yaml'))) {
      present.push(name as Lang);
    } else {
      const file = new VFile({ path: join(sources, name), cwd: root });
      files.push(file);
      const reason = (LANGS as readonly string[]).includes(name)
        ? `Language folder \`${name}\` has no document.yaml`
        : `Unknown entry \`${name}\` in sources/: expected a language folder (${LANGS.join(', ')}) or meetings.yaml`;
      fatal(file, reason, undefined, 'unknown-source');
    }
  }
  present.sort((a, b) => LANGS.indexOf(a) - LANGS.indexOf(b));
  if (options.langs) {
    for (const lang of options.langs) {
      if (!present.includes(lang)) {
        const file = new VFile({ path: join(sources, lang), cwd: root });
        files.push(file);
        fatal(file, `No sources for language \`${lang}\` (expected sources/${lang}/document.yaml)`, undefined, 'unknown-language');
      }
    }
  }

  // Load every present language (translations need the original's structure; checks need all).
  const loaded = new Map<Lang, LangSources>();
  let original: Lang | undefined;
  const originals: Lang[] = [];
  for (const lang of present) {
    const docFile = await read(join(sources, lang, 'document.yaml'));
    // The original language's file states `original: <its own language>`.
    if (/^original:\s*(\w+)\s*$/m.exec(String(docFile.value))?.[1] === lang) originals.push(lang);
    loaded.set(lang, { lang, docFile, docPoints: {}, themesFile: docFile, themePoints: {}, papers: [], bySymbol: new Map(), files: [docFile] });
  }
  if (originals.length === 1) original = originals[0];
  else if (present.length > 0) {
    const first = loaded.get(present[0] as Lang) as LangSources;
    fatal(
      first.docFile,
      originals.length === 0
        ? 'No language is marked as the original: its document.yaml must say `original: <its language>`'
        : `Several languages are marked as the original (${originals.join(', ')}): exactly one may be`,
      undefined,
      'original-language',
    );
  }

  const translations: Partial<Record<Lang, TranslationRecord>> = {};
  for (const [lang, src] of loaded) {
    const isOriginal = lang === original;
    const recordPath = join(sources, lang, TRANSLATION_RECORD);
    if (!isOriginal && existsSync(recordPath)) {
      // Listed with every file read (messages, fingerprints), not as edition text: it holds the original's words.
      const file = await read(recordPath);
      const record = parseTranslationRecord(file);
      if (record) translations[lang] = record;
    }
    const parsedDoc = parseYaml(src.docFile, String(src.docFile.value), isOriginal ? documentOriginalSchema : documentTextSchema);
    if (parsedDoc) {
      src.doc = parsedDoc.value;
      for (const key of Object.keys(parsedDoc.value)) src.docPoints[key] = parsedDoc.source.pointOf([key]);
    }

    const themesPath = join(sources, lang, 'themes.yaml');
    if (existsSync(themesPath)) {
      src.themesFile = await read(themesPath);
      src.files.push(src.themesFile);
      const parsed = parseYaml(src.themesFile, String(src.themesFile.value), themesSchema);
      if (parsed) {
        src.themes = parsed.value.themes;
        const seen = new Set<string>();
        parsed.value.themes.forEach((t, i) => {
          src.themePoints[t.id] = parsed.source.pointOf(['themes', i, 'id']);
          if (seen.has(t.id)) fatal(src.themesFile, `Duplicate theme id \`${t.id}\``, parsed.source.pointOf(['themes', i, 'id']), 'duplicate-theme');
          seen.add(t.id);
        });
      }
    } else {
      missing(src, themesPath);
    }

    const introPath = join(sources, lang, 'introduction.md');
    if (existsSync(introPath)) {
      const file = await read(introPath);
      src.files.push(file);
      const { tree, frontMatter } = parseMarkdown(file);
      if (frontMatter) fatal(file, 'The introduction takes no front matter', { line: frontMatter.line - 1, column: 1 }, 'front-matter');
      src.introduction = { tree, file };
    } else {
      missing(src, introPath);
    }

    const papersDir = join(sources, lang, 'papers');
    // Read all at once (the order of `files` stays the folder's order), then parse in order.
    const names = await listDir(papersDir);
    const papersRead: VFile[] = [];
    for (let i = 0; i < names.length; i += 64) {
      papersRead.push(...(await Promise.all(names.slice(i, i + 64).map((name) => readUnlisted(join(papersDir, name))))));
    }
    files.push(...papersRead);
    for (const [i, name] of names.entries()) {
      const file = papersRead[i] as VFile;
      src.files.push(file);
      if (file.messages.some((m) => m.fatal)) continue; // unreadable (encoding, size): said already
      if (!name.endsWith('.md')) {
        fatal(file, 'Only Markdown files (`.md`) belong in papers/', undefined, 'unknown-source');
        continue;
      }
      if (String(file.value).trim() === '') {
        fatal(file, 'Empty paper file: it needs front matter (symbol, year, meeting, theme) and its paragraphs', undefined, 'empty-source');
        continue;
      }
      const { tree, frontMatter } = parseMarkdown(file);
      if (!frontMatter) {
        fatal(file, 'Missing front matter: start the file with a `---` block giving the symbol' + (isOriginal ? ', year, meeting and theme' : ''), { line: 1, column: 1 }, 'front-matter');
        continue;
      }
      const parsed = parseYaml(file, frontMatter.text, isOriginal ? paperOriginalSchema : paperTranslationSchema, frontMatter.line);
      if (!parsed) continue;
      const front = parsed.value;
      if (isOriginal && 'theme' in front && src.themes && !src.themes.some((t) => t.id === front.theme)) {
        fatal(file, `Unknown theme \`${front.theme}\`: themes.yaml has ${src.themes.map((t) => t.id).join(', ')}`, parsed.source.pointOf(['theme']), 'unknown-theme');
        continue;
      }
      const dup = src.bySymbol.get(front.symbol);
      if (dup) {
        fatal(file, `Duplicate paper: \`${front.symbol}\` is also in ${relative(root, dup.file.path)}`, parsed.source.pointOf(['symbol']), 'duplicate-paper');
        continue;
      }
      if (tree.children.length === 0) {
        fatal(file, 'The paper has no paragraphs', { line: frontMatter.line, column: 1 }, 'empty-source');
        continue;
      }
      const points = Object.fromEntries(Object.keys(front).map((key) => [key, parsed.source.pointOf([key])]));
      const paper = { front, tree, file, points };
      src.papers.push(paper);
      src.bySymbol.set(front.symbol, paper);
    }
    if (src.papers.length === 0 && !existsSync(papersDir)) missing(src, papersDir);
  }

  // Assemble editions: structure from the original, text from each language.
  const editions: EditionSource[] = [];
  const orig = original ? loaded.get(original) : undefined;
  const wanted = options.langs ?? present;
  const locales = new Map<Lang, Locale>();
  for (const lang of present) {
    const localePath = join(root, 'templates', 'locales', `${lang}.yaml`);
    if (existsSync(localePath)) {
      const file = await read(localePath);
      const locale = parseYaml(file, String(file.value), localeSchema)?.value as Locale | undefined;
      if (locale) locales.set(lang, locale);
    } else {
      fatal((loaded.get(lang) as LangSources).docFile, `No locale pack for \`${lang}\` (expected templates/locales/${lang}.yaml)`, undefined, 'missing-locale');
    }
  }
  for (const lang of present) {
    if (!wanted.includes(lang)) continue;
    const src = loaded.get(lang) as LangSources;
    const locale = locales.get(lang);
    if (!orig?.doc || !src.doc || !src.themes || !orig.themes || !src.introduction || !locale) continue;
    const structure = orig.doc as z.infer<typeof documentOriginalSchema>;

    // Themes in the original's order, with this language's text.
    const themes: ThemeSource[] = [];
    for (const t of orig.themes) {
      const own = src.themes.find((x) => x.id === t.id);
      if (own) themes.push(own);
      else fatal(src.themesFile, `Theme \`${t.id}\` of the original (${original}) is missing here`, undefined, 'parity');
    }
    for (const t of src.themes) {
      if (!orig.themes.some((x) => x.id === t.id)) fatal(src.themesFile, `Theme \`${t.id}\` is not in the original (${original})`, undefined, 'parity');
    }

    const papers: PaperSource[] = [];
    for (const p of orig.papers) {
      const own = src.bySymbol.get(p.front.symbol);
      if (!own) {
        fatal(src.docFile, `Paper \`${p.front.symbol}\` has no ${lang} text (expected sources/${lang}/papers/${p.file.basename})`, undefined, 'parity');
        continue;
      }
      const front = p.front as z.infer<typeof paperOriginalSchema>;
      papers.push({ symbol: front.symbol, year: front.year, meeting: front.meeting, theme: front.theme, tree: own.tree, file: own.file, points: p.points, structureFile: p.file });
    }
    for (const p of src.papers) {
      if (!orig.bySymbol.has(p.front.symbol)) {
        fatal(p.file, `Paper \`${p.front.symbol}\` is not in the original (${original})`, { line: 2, column: 1 }, 'parity');
      }
    }

    const meta: DocumentMeta = {
      symbol: structure.symbol,
      symbolConfirmed: structure.symbolConfirmed,
      jobNumber: structure.jobNumber,
      distribution: structure.distribution,
      date: structure.date,
      processingDates: structure.processingDates,
      original: structure.original,
      meetingDates: structure.meeting.dates,
      body: src.doc.body,
      meetingPlace: src.doc.meeting.place,
      title: src.doc.title,
      subtitle: src.doc.subtitle,
      chapters: src.doc.chapters,
      keywords: src.doc.keywords,
    };
    for (const f of src.files) f.data.lang = lang;
    editions.push({
      lang,
      meta,
      locale,
      themes,
      introduction: src.introduction,
      papers,
      meetings,
      files: src.files,
      structure: { file: orig.docFile, points: orig.docPoints },
      themesFile: { file: src.themesFile, points: src.themePoints },
    });
  }
  const languages = present.flatMap((lang) => {
    const locale = locales.get(lang);
    return locale ? [{ lang, name: locale.name, dir: locale.dir, fonts: locale.fonts }] : [];
  });
  return { root, languages, original, meetings, editions, files, translations };

  function missing(src: LangSources, path: string): void {
    const file = new VFile({ path, cwd: root });
    files.push(file);
    src.files.push(file);
    fatal(file, `Missing source \`${relative(root, path)}\``, undefined, 'missing-source');
  }
}
