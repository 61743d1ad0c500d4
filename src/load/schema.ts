/** Schemas of every source file, the one place that says what a valid source is. */
import { z } from 'zod';
import { LANGS, type Lang } from '../types.js';

const isoDate = z
  .string({ invalid_type_error: 'expected a date written yyyy-mm-dd' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date written yyyy-mm-dd')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'not a real calendar date');

const text = z.string().trim().min(1, 'must not be empty');
/**
 * A font family's name, as the stylesheets name it: letters, digits, spaces, ".", "_" and "-",
 * starting with a letter or digit (every family of the packages used; nothing that could end a
 * CSS string or the <style> element it is written into).
 */
const fontFamily = text.regex(/^[\p{L}\p{N}][\p{L}\p{N} ._-]*$/u, 'must be a font family name: letters, digits, spaces, ".", "_" or "-"');
const lang = z.enum(LANGS as [Lang, ...Lang[]]);

/** Each language version's own job number, processing dates and first-page footer code. */
const jobFields = {
  jobNumber: text.optional(),
  /** false while a job number is a placeholder (the check warns until it is confirmed). */
  jobNumberConfirmed: z.boolean().optional(),
  processingDates: z.array(isoDate).min(1).max(2).optional(),
  /** An extra code some duty stations print after the language letter (V.08-56013 (C) GZ …). */
  footerCode: z.string().regex(/^[A-Z]{1,4}$/, 'a footer code is one to four capital letters').optional(),
};

/** The text every language's document.yaml gives. */
export const documentTextSchema = z
  .object({
    body: text,
    meeting: z.object({ place: text }).strict(),
    title: text,
    subtitle: text,
    chapters: z.object({ introduction: text, compendium: text }).strict(),
    keywords: z.array(text).min(1),
    ...jobFields,
  })
  .strict();

/** The original language's document.yaml: the text plus the structural facts. */
export const documentOriginalSchema = z
  .object({
    symbol: text,
    symbolConfirmed: z.boolean(),
    /** Optional pictures of the first page, files beside document.yaml (none is shipped): the UN emblem left of "United Nations", the recycling mark in the footer. */
    emblem: z.string().regex(/^[\w.-]+\.(svg|png)$/, 'an image file beside document.yaml: name.svg or name.png').optional(),
    recyclingMark: z.string().regex(/^[\w.-]+\.(svg|png)$/, 'an image file beside document.yaml: name.svg or name.png').optional(),
    ...jobFields,
    jobNumber: text,
    distribution: z.enum(['general', 'limited', 'restricted']),
    date: isoDate,
    processingDates: z.array(isoDate).min(1).max(2),
    original: lang,
    body: text,
    meeting: z.object({ place: text, dates: z.array(isoDate).min(1).max(2) }).strict(),
    title: text,
    subtitle: text,
    chapters: z.object({ introduction: text, compendium: text }).strict(),
    keywords: z.array(text).min(1),
  })
  .strict();

export const themesSchema = z
  .object({
    themes: z
      .array(
        z
          .object({
            id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a theme id is lower-case words joined by hyphens'),
            title: text,
            keyTopics: z.array(text).min(1, 'a theme needs at least one key topic'),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

/** Front matter of a paper in the original language. */
export const paperOriginalSchema = z
  .object({
    symbol: text,
    year: z.number().int().min(1945).max(2100),
    meeting: z.number().int().min(1),
    theme: text,
  })
  .strict();

/** Front matter of a translated paper: only the symbol that ties it to the original. */
export const paperTranslationSchema = z.object({ symbol: text }).strict();

export const meetingsSchema = z
  .object({
    meetings: z.array(
      z
        .object({
          number: z.number().int().min(1),
          year: z.number().int().min(1945).max(2100),
          dates: z.array(isoDate).min(1).max(3).optional(),
        })
        .strict(),
    ),
  })
  .strict();

export const localeSchema = z
  .object({
    lang,
    name: text,
    dir: z.enum(['ltr', 'rtl']),
    jobLanguageCode: z.string().regex(/^[A-Z]$/),
    unitedNations: text,
    distribution: z.object({ general: text, limited: text, restricted: text }).strict(),
    original: text,
    languageNames: z.record(lang, text),
    keyTopics: text,
    contents: text,
    web: z.object({ skipLink: text, languages: text, pdfLink: text, paragraphRange: text }).strict(),
    listSeparator: z.string().min(1),
    listEnd: z.string(),
    labels: z.object({ letters: z.array(text).min(8), pattern: text, romanPattern: text }).strict(),
    chapterNumber: text,
    chapterNumerals: z.array(text).optional(),
    intl: text,
    meetingDates: text,
    meetingLine: text,
    meetingOrdinals: z
      .object({ word: text, ordinals: z.record(z.string().regex(/^\d+$/), text), yearFirst: z.boolean() })
      .strict()
      .optional(),
    newPaper: z.object({ firstSentence: text, ordinals: z.array(text).min(10) }).strict(),
    typography: z
      .object({
        /** Spaces that must not break: before these characters, and after these (French). */
        nbspBefore: z.string().default(''),
        nbspAfter: z.string().default(''),
        /** Typographic quotation marks the language requires instead of straight ones. */
        quotes: z.object({ open: text, close: text, openSingle: text, apostrophe: text }).strict().optional(),
        /** Compounds that keep their hyphen: "age-sensitive" written "agesensitive" is reported. */
        hyphenated: z.object({ first: z.array(text).min(1), second: z.array(text).min(1) }).strict().optional(),
      })
      .strict()
      .optional(),
    /** How the text cites paragraphs of the document, for the numbering check: a regular
     * expression capturing the first (and an optional last) paragraph number. */
    paragraphReference: text.optional(),
    fonts: z.array(
      z.object({ package: text, family: fontFamily, css: z.array(text).min(1), subsets: z.array(text).min(1) }).strict(),
    ),
    fontStack: z.array(fontFamily).min(1),
    masthead: z.object({ intl: text.optional(), version: text }).strict().optional(),
    dates: z
      .object({ pattern: text.optional(), months: z.array(text).length(12).optional(), firstDay: text.optional() })
      .strict()
      .optional(),
    paragraphNumber: text.optional(),
    italics: z.boolean().optional(),
    hyphenation: z.string().regex(/^[a-z]{2}(-[a-z]{2})?$/).optional(),
  })
  .strict();

// ---- the types of valid sources, from the schemas (written once) --------------------

export type DocumentText = z.infer<typeof documentTextSchema>;
export type DocumentOriginal = z.infer<typeof documentOriginalSchema>;
export type ThemeSource = z.infer<typeof themesSchema>['themes'][number];
export type PaperOriginalFront = z.infer<typeof paperOriginalSchema>;
export type PaperFront = PaperOriginalFront | z.infer<typeof paperTranslationSchema>;
export type Meeting = z.infer<typeof meetingsSchema>['meetings'][number];
export type Locale = z.infer<typeof localeSchema>;
export type FontFace = Locale['fonts'][number];
