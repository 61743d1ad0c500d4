/**
 * Sources → validated editions. The only code that reads `sources/` and `templates/locales/`
 * (through one `World`). Problems that stop a file from being read are messages on its VFile;
 * judgements about what the sources say are the rules'.
 */
import { join } from 'node:path';
import type { VFile } from 'vfile';
import { LANGS, type EditionSource, type Lang, type Locale, type Meeting } from '../types.js';
import { createWorld, type World } from './world.js';
import type { Disk } from './read.js';
import { parseYaml } from './yaml.js';
import { fatal } from './report.js';
import { localeSchema, meetingsSchema } from './schema.js';
import { readLanguage, statedOriginal, type LanguageSources } from './language.js';
import { mergeEdition } from './language-edition.js';
import { imageDataUrl } from '../model/images.js';
import { parseTranslationRecord, TRANSLATION_RECORD, type TranslationRecord } from './translation.js';

export interface Project {
  root: string;
  /** Every language with sources and a locale pack: the editions a reader can switch to. */
  languages: Array<{ lang: Lang; name: string; dir: 'ltr' | 'rtl'; fonts: Locale['fonts'] }>;
  original: Lang | undefined;
  /** The original-language edition, loaded whichever languages were asked for (the others depend on it). */
  originalEdition: EditionSource | undefined;
  meetings: Meeting[];
  editions: EditionSource[];
  /** Every file read, with its messages. */
  files: VFile[];
  /** Per translation: which version of the original each unit translates (translation.yaml). */
  translations: Partial<Record<Lang, TranslationRecord>>;
}

export interface LoadOptions {
  /** Languages to load, with the original they depend on (default: every language that has sources). */
  langs?: readonly Lang[] | undefined;
  /** The sources folder (default: `<root>/sources`). */
  sourcesDir?: string | undefined;
  /** Where to read from (default: the file system; rule fixtures read from memory). */
  disk?: Disk | undefined;
  /** The World to read through (default: one made from `root`, `sourcesDir` and `disk`). */
  world?: World | undefined;
}

const isLang = (name: string): name is Lang => (LANGS as readonly string[]).includes(name);

async function readMeetings(world: World): Promise<Meeting[]> {
  const path = join(world.sources, 'meetings.yaml');
  if (!world.exists(path)) {
    fatal(world.placeholder(path), 'Missing the meeting registry `sources/meetings.yaml`', undefined, 'missing-source');
    return [];
  }
  const file = await world.read(path);
  return parseYaml(file, String(file.value), meetingsSchema)?.value.meetings ?? [];
}

/** The languages that have sources, in the order of LANGS; anything else in sources/ is reported. */
async function discoverLanguages(world: World, asked: readonly Lang[] | undefined): Promise<Lang[]> {
  const present: Lang[] = [];
  for (const name of await world.list(world.sources)) {
    if (name === 'meetings.yaml' || name.startsWith('.') || name.toLowerCase() === 'readme.md') continue;
    if (isLang(name) && world.exists(join(world.sources, name, 'document.yaml'))) present.push(name);
    else {
      const reason = isLang(name)
        ? `Language folder \`${name}\` has no document.yaml`
        : `Unknown entry \`${name}\` in sources/: expected a language folder (${LANGS.join(', ')}) or meetings.yaml`;
      fatal(world.placeholder(join(world.sources, name)), reason, undefined, 'unknown-source');
    }
  }
  for (const lang of asked ?? []) {
    if (!present.includes(lang)) fatal(world.placeholder(join(world.sources, lang)), `No sources for language \`${lang}\` (expected sources/${lang}/document.yaml)`, undefined, 'unknown-language');
  }
  return present.sort((a, b) => LANGS.indexOf(a) - LANGS.indexOf(b));
}

async function readLocale(world: World, lang: Lang, docFile: VFile): Promise<Locale | undefined> {
  const path = join(world.templates, 'locales', `${lang}.yaml`);
  if (!world.exists(path)) {
    fatal(docFile, `No locale pack for \`${lang}\` (expected templates/locales/${lang}.yaml)`, undefined, 'missing-locale');
    return undefined;
  }
  const file = await world.read(path);
  file.data.localePack = true;
  return parseYaml(file, String(file.value), localeSchema)?.value;
}

export async function loadProject(root: string, options: LoadOptions = {}): Promise<Project> {
  const world = options.world ?? createWorld(root, { sourcesDir: options.sourcesDir, disk: options.disk });
  const meetings = await readMeetings(world);
  const present = await discoverLanguages(world, options.langs);

  // The original is the one language whose document.yaml states itself as the original.
  const docs = new Map<Lang, VFile>();
  for (const lang of present) docs.set(lang, await world.read(join(world.sources, lang, 'document.yaml')));
  const originals = present.filter((lang) => statedOriginal(docs.get(lang) as VFile) === lang);
  const original = originals.length === 1 ? originals[0] : undefined;
  const first = present[0];
  if (!original && first) {
    fatal(
      docs.get(first) as VFile,
      originals.length === 0
        ? 'No language is marked as the original: its document.yaml must say `original: <its language>`'
        : `Several languages are marked as the original (${originals.join(', ')}): exactly one may be`,
      undefined,
      'original-language',
    );
  }

  // The languages asked for are read, and the original they depend on (its structure; the
  // checks compare with it): the others' papers, themes and records are neither edited nor
  // reported. Every language's document.yaml and locale pack are read (which is the original,
  // the language switcher).
  const read = options.langs ? present.filter((lang) => lang === original || options.langs?.includes(lang)) : present;
  const loaded = new Map<Lang, LanguageSources>();
  for (const lang of read) loaded.set(lang, await readLanguage(world, lang, docs.get(lang) as VFile, lang === original));
  // Each translation's record of which version of the original it translates: listed with
  // every file read (messages, fingerprints), not as edition text (it holds the original's words).
  const translations: Partial<Record<Lang, TranslationRecord>> = {};
  for (const lang of read) {
    const path = join(world.sources, lang, TRANSLATION_RECORD);
    if (lang === original || !world.exists(path)) continue;
    const record = parseTranslationRecord(await world.read(path));
    if (record) translations[lang] = record;
  }
  const locales = new Map<Lang, Locale>();
  for (const lang of present) {
    const locale = await readLocale(world, lang, docs.get(lang) as VFile);
    if (locale) locales.set(lang, locale);
  }

  const orig = original ? loaded.get(original) : undefined;
  // The first page's optional pictures, files beside the original's document.yaml.
  const images: EditionSource['images'] = {};
  for (const key of ['emblem', 'recyclingMark'] as const) {
    const name = orig?.structure?.[key];
    if (!orig || !name) continue;
    const bytes = await world.readImage(join(world.sources, orig.lang, name), orig.docFile, orig.docPoints[key]);
    if (bytes) images[key] = imageDataUrl(name, bytes);
  }
  const merged = new Map<Lang, EditionSource>();
  for (const lang of read) {
    const src = loaded.get(lang);
    const locale = locales.get(lang);
    const edition = src && orig && locale ? mergeEdition(src, orig, locale, meetings, images) : undefined;
    if (edition) merged.set(lang, edition);
  }
  const editions = (options.langs ? present.filter((l) => options.langs?.includes(l)) : present).flatMap((lang) => merged.get(lang) ?? []);
  const originalEdition = original ? merged.get(original) : undefined;
  const languages = present.flatMap((lang) => {
    const locale = locales.get(lang);
    return locale ? [{ lang, name: locale.name, dir: locale.dir, fonts: locale.fonts }] : [];
  });
  return { root, languages, original, originalEdition, meetings, editions, files: world.files, translations };
}
