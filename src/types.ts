/**
 * The model shared by every stage: validated metadata, the custom mdast nodes the
 * pipeline assembles, and the typed `file.data` of the VFiles that travel through it.
 */
import type { BlockContent, Definition, Paragraph, List, Root } from 'mdast';
import type { VFile } from 'vfile';
import type { Point, Position } from 'unist';
import type { DocumentOriginal, DocumentText, Locale, Meeting, ThemeSource } from './load/schema.js';

export type Lang = 'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es';
export const LANGS: readonly Lang[] = ['ar', 'zh', 'en', 'fr', 'ru', 'es'];

export type { DocumentText, FontFace, Locale, Meeting, ThemeSource } from './load/schema.js';

/**
 * An edition's metadata: the structural facts stated once in the original's document.yaml,
 * with the text of the edition's language.
 */
export type DocumentMeta = Pick<DocumentOriginal, 'symbol' | 'symbolConfirmed' | 'distribution' | 'date' | 'original'> &
  Omit<DocumentText, 'meeting' | keyof LanguageJob> & { meetingDates: string[]; meetingPlace: string } & LanguageJob;

/** A language version's own job number, processing dates and first-page code (src/load/language-job.ts). */
export interface LanguageJob {
  /** This language version's job number (its own document.yaml's, else the original's). */
  jobNumber: string;
  /** Whether the job number is this language's own, or the original's standing in for it. */
  jobNumberSource: 'own' | 'original';
  jobNumberConfirmed: boolean;
  processingDates: string[];
  /** An extra code printed after the language letter on the first page (GZ), if any. */
  footerCode?: string;
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
  /** This language's own document.yaml and where its keys stand. */
  document: { file: VFile; points: Record<string, Point> };
  /** The original language's document.yaml and where its keys stand. */
  structure: { file: VFile; points: Record<string, Point> };
  /** This language's themes.yaml and where each theme stands. */
  themesFile: { file: VFile; points: Record<string, Point> };
  /** The language's own themes and papers as loaded, before they are matched with the original's (for the rules). */
  own: { themes: Array<{ theme: ThemeSource; point: Point | undefined }>; papers: Array<{ symbol: string; file: VFile; point: Point | undefined }> };
  /** Paper files of this language that could not be read (their messages say why). */
  unreadable: VFile[];
  /** The first page's optional pictures (document.yaml's emblem and recyclingMark), as data: URLs. */
  images: { emblem?: string; recyclingMark?: string };
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
  /** Its text, its subparagraph lists, and any link definitions of the text (printed as nothing). */
  children: Array<Paragraph | List | Definition>;
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
    /** The Akoma Ntoso eId, e.g. "para_10__point_a" (src/model/akn.ts), also the HTML's `data-eid`. */
    eId?: string;
  }
}

declare module 'vfile' {
  interface DataMap {
    /** Set by the loader on every source file (its language folder, or its locale pack's language). */
    lang: Lang;
    /** Set by the loader on a locale pack (templates/locales/<lang>.yaml). */
    localePack: true;
    /** Every heading of the edition in document order, set by rehype-outline. */
    headings: HeadingEntry[];
    /** Paragraph numbers in document order with the file each comes from. */
    paragraphs: Array<{ number: number; path: string; line: number; text: string }>;
  }
}
