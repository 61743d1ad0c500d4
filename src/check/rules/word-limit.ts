/**
 * word-limit: the original stays within the word limit of a pre-session document of the
 * Secretariat — 8,500 words, "including any footnotes, headings or hidden text" (United
 * Nations Editorial Manual, DGACM: instructions for the preparation of documents; a waiver
 * must be requested for a longer report). Counted as the UN counts (src/model/word-count.ts),
 * in printed order: the chapter headings (their titles, not the numerals), the introduction's
 * paragraphs, and for each theme its heading, the "Key topics" heading and the key topics,
 * then its papers' paragraphs and subparagraphs. Not counted: the cover page (symbol,
 * distribution, date, body, meeting, title and subtitle — document.yaml's front matter), and
 * the numbers and labels the pipeline computes (chapter numerals, paragraph numbers, the labels
 * of subparagraphs; an "(a)" typed in a sentence is a word). A document symbol is one word.
 * Reported once, where the word past the limit stands; the limit is the rule's option
 * (compendium.config.yaml: `word-limit: [error, { limit: 8500 }]`).
 */
import { z } from 'zod';
import type { VFile } from 'vfile';
import type { Point } from 'unist';
import type { Root } from 'mdast';
import type { CheckContext } from '../context.js';
import type { EditionSource } from '../../types.js';
import { toString } from 'mdast-util-to-string';
import { lintRuleWithOptions } from '../rule.js';
import { paragraphs } from '../text.js';
import { countWords } from '../../model/word-count.js';
import { papersOf } from '../../model/edition-texts.js';

/** A stretch of the printed text: where it stands in the sources, and how many words it has. */
export interface Stretch {
  file: VFile;
  place: Point | undefined;
  words: number;
}

const number = (n: number): string => n.toLocaleString('en-US');

/** The stretches of an edition's printed text that count, in printed order (the rule's header says which). */
export function countedStretches(edition: EditionSource, pointAt: CheckContext['pointAt']): Stretch[] {
  const { meta, locale, document, themesFile } = edition;
  const text = (file: VFile, tree: Root): Stretch[] => paragraphs(tree, file).map((p) => ({ file, place: pointAt(file, p.start), words: countWords(toString(p.node)) }));
  const heading = (file: VFile, place: Point | undefined, title: string): Stretch => ({ file, place, words: countWords(title) });
  return [
    heading(document.file, document.points['chapters'], meta.chapters.introduction),
    ...text(edition.introduction.file, edition.introduction.tree),
    heading(document.file, document.points['chapters'], meta.chapters.compendium),
    ...edition.themes.flatMap((theme) => {
      const at = themesFile.points[theme.id];
      return [
        heading(themesFile.file, at, theme.title),
        heading(themesFile.file, at, locale.keyTopics),
        { file: themesFile.file, place: at, words: theme.keyTopics.reduce((sum, topic) => sum + countWords(topic), 0) },
        ...papersOf(edition, theme.id).flatMap((paper) => text(paper.file, paper.tree)),
      ];
    }),
  ];
}

export default lintRuleWithOptions(
  {
    id: 'word-limit',
    description: "The original's words — headings and running text, as the UN counts them; not the cover page, not computed numbers and labels, a symbol one word — stay within the limit of a pre-session document of the Secretariat (option `limit`, 8,500 words by default).",
    example: 'en/papers/CTOC-COP-WG.4-2010-3.md:12:1 The original (en) has 8,731 words, 231 over the limit of 8,500: word 8,501 is here',
    fixable: false,
  },
  z.object({ limit: z.number().int().positive().default(8500) }).strict(),
  (context, report, { limit }) => {
    const original = context.original;
    if (!original) return;
    const stretches = countedStretches(original, (file, offset) => context.pointAt(file, offset));
    const total = stretches.reduce((sum, s) => sum + s.words, 0);
    if (total <= limit) return;
    let counted = 0;
    const past = stretches.find((s) => (counted += s.words) > limit);
    report(past?.file ?? original.document.file, past?.place, `The original (${original.lang}) has ${number(total)} words, ${number(total - limit)} over the limit of ${number(limit)}: word ${number(limit + 1)} is here`);
  },
);
