/**
 * The model shared by every stage: validated metadata, the custom mdast nodes the
 * pipeline assembles, and the typed `file.data` of the VFiles that travel through it.
 */
import type { BlockContent, Paragraph, List, Root } from 'mdast';
import type { VFile } from 'vfile';
import type { Point, Position } from 'unist';

export type Lang = 'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es';
export const LANGS: readonly Lang[] = ['ar', 'zh', 'en', 'fr', 'ru', 'es'];

/** Structural facts about the document, stated once in the original language's file. */
export interface DocumentStructure {
  symbol: string;
  symbolConfirmed: boolean;
  jobNumber: string;
  distribution: 'general' | 'limited' | 'restricted';
  date: string; // ISO yyyy-mm-dd
  processingDates: string[];
  original: Lang;
  meetingDates: string[];
}

/** The text a language supplies for the document. */
export interface DocumentText {
  body: string;
  meetingPlace: string;
  title: string;
  subtitle: string;
  chapters: { introduction: string; compendium: string };
  keywords: string[];
}

export type DocumentMeta = DocumentStructure & DocumentText;

export interface Meeting {
  number: number;
  year: number;
  dates?: string[];
}

export interface ThemeSource {
  id: string;
  title: string;
  keyTopics: string[];
}

/** One background paper of one language edition, as loaded. */
export interface PaperSource {
  symbol: string;
  year: number;
  meeting: number;
  theme: string;
  /** The parsed Markdown body; positions point into `file`. */
  tree: Root;
  file: VFile;
  /** Where each front-matter key of the original-language file stands (for messages). */
  points: Record<string, Point>;
  /** The original-language file stating the structure (the same file for the original). */
  structureFile: VFile;
}

export interface FontFace {
  /** npm package holding the font files, e.g. `@fontsource/tinos`. */
  package: string;
  family: string;
  /** CSS files of the package to take @font-face rules from, e.g. `400.css`. */
  css: string[];
  /** Subsets to keep (the comment name's middle part), e.g. `latin`, `latin-ext`. */
  subsets: string[];
}

/** A language's conventions: boilerplate words, label style, fonts, direction. */
export interface Locale {
  lang: Lang;
  name: string;
  dir: 'ltr' | 'rtl';
  /** The letter beside the job number on the first page: E, F, S, R, A, C. */
  jobLanguageCode: string;
  unitedNations: string;
  distribution: { general: string; limited: string; restricted: string };
  /** e.g. "Original: {language}" */
  original: string;
  /** The name of each language as this language writes it after "Original:". */
  languageNames: Partial<Record<Lang, string>>;
  keyTopics: string;
  contents: string;
  /** The web edition's words: skip link, language switcher label, PDF link, paragraph range. */
  web: { skipLink: string; languages: string; pdfLink: string; paragraphRange: string };
  listSeparator: string;
  listEnd: string;
  /** Subparagraph labels: letters and the pattern around them. */
  labels: { letters: string[]; pattern: string; romanPattern: string };
  /** Chapter numerals as printed: "I.", "II."; `{roman}` is replaced by the numeral. */
  chapterNumber: string;
  /** Numerals other than roman ones (Arabic ordinal words, Chinese numerals), by position. */
  chapterNumerals?: string[] | undefined;
  /** Intl locale used for dates. */
  intl: string;
  /** The meeting line under the body's name: "{place}, {dates}". */
  meetingLine: string;
  /** Joining two meeting dates into one line, e.g. "{d1} and {d2} {month} {year}". */
  meetingDates: string;
  /**
   * How the text names a meeting, for the meetings check: a regex for the word "meeting",
   * one regex per ordinal (by meeting number), and whether the year usually comes before.
   */
  meetingOrdinals?: { word: string; ordinals: Record<string, string>; yearFirst: boolean } | undefined;
  /** add-paper: the first sentence of a new paper and the meeting ordinals, by number. */
  newPaper: { firstSentence: string; ordinals: string[] };
  /** Spaces that must not break: before these characters, and after these (French). */
  typography?: { nbspBefore: string; nbspAfter: string } | undefined;
  fonts: FontFace[];
  /** CSS font-family list for body text. */
  fontStack: string[];
  /**
   * The masthead's Distr. block: the Intl locale of its date when it is not this language's
   * (Chinese, Russian and Arabic versions print the block in English), and the language line
   * a translation prints above "Original:".
   */
  masthead?: { intl?: string | undefined; version: string } | undefined;
  /**
   * Dates beyond Intl's own form: a pattern of {day} {month} {year} ("{day} {month} {year} года"),
   * the month names to use (UN Arabic pairs them: "تموز/يوليه"), the form of day 1 ("1er").
   */
  dates?: { pattern?: string | undefined; months?: string[] | undefined; firstDay?: string | undefined } | undefined;
  /** The paragraph number as printed, "{number}." by default (Arabic: "{number} -"). */
  paragraphNumber?: string | undefined;
  /** false: the script has no italics; what English sets in italics is set upright. */
  italics?: boolean | undefined;
  /** Hyphenation patterns (the `hyphen` package's name, e.g. "ru") when print is hyphenated. */
  hyphenation?: string | undefined;
}

/** Everything one language edition is made of, validated and ready to transform. */
export interface EditionSource {
  lang: Lang;
  meta: DocumentMeta;
  locale: Locale;
  themes: ThemeSource[];
  introduction: { tree: Root; file: VFile };
  papers: PaperSource[];
  meetings: Meeting[];
  /** Every source file of this edition, for reporting. */
  files: VFile[];
  /** The original language's document.yaml and where its keys stand. */
  structure: { file: VFile; points: Record<string, Point> };
  /** This language's themes.yaml and where each theme stands. */
  themesFile: { file: VFile; points: Record<string, Point> };
}

/** A heading of the edition, in document order (PDF bookmarks, table of contents). */
export interface HeadingEntry {
  id: string;
  title: string;
  /** Bookmark level: 1 chapter, 2 theme; 0 for a heading that is not bookmarked. */
  bookmark: number;
}

// ---- custom mdast nodes -------------------------------------------------------------

export interface ChapterNode {
  type: 'chapter';
  id: string;
  numeral: string;
  title: string;
  children: Array<BlockContent | ThemeNode | NumberedParagraphNode | PaperNode>;
  data?: { path?: string };
  position?: Position;
}

export interface ThemeNode {
  type: 'theme';
  id: string;
  title: string;
  keyTopics: string[];
  children: Array<PaperNode>;
  data?: { path?: string };
  position?: Position;
}

export interface PaperNode {
  type: 'paper';
  symbol: string;
  year: number;
  meeting: number;
  children: Array<BlockContent | NumberedParagraphNode>;
  data?: { path?: string };
  position?: Position;
}

/** A numbered paragraph: its text and the subparagraph lists that belong to it. */
export interface NumberedParagraphNode {
  type: 'numberedParagraph';
  number: number;
  children: Array<Paragraph | List>;
  data?: { path?: string };
  position?: Position;
}

declare module 'mdast' {
  interface RootContentMap {
    chapter: ChapterNode;
    theme: ThemeNode;
    paper: PaperNode;
    numberedParagraph: NumberedParagraphNode;
  }
  interface BlockContentMap {
    chapter: ChapterNode;
    theme: ThemeNode;
    paper: PaperNode;
    numberedParagraph: NumberedParagraphNode;
  }
  interface ListItemData {
    /** The subparagraph label computed by remark-letter-subparagraphs, e.g. "(a)". */
    label?: string;
    /** The anchor id, e.g. "para-10-a". */
    anchor?: string;
  }
}

declare module 'vfile' {
  interface DataMap {
    /** Set by the loader on every source file. */
    lang: Lang;
    /** Every heading of the edition in document order, set by rehype-outline. */
    headings: HeadingEntry[];
    /** Paragraph numbers in document order with the file each comes from. */
    paragraphs: Array<{ number: number; path: string; line: number; text: string }>;
  }
}
