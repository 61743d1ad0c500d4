/**
 * add-paper: the files of a new background paper, one per language (no I/O). The original
 * language's file states the structure; every file starts with the language's first
 * sentence, with ⟦…⟧ where the editor still has to write — which `check` reports.
 */
import type { Lang, Locale } from '../types.js';
import { placeholder } from '../model/unfinished.js';

export interface NewPaper {
  symbol: string;
  year: number;
  meeting: number;
  theme: string;
  /** What the paper discusses, in the original language (else a ⟦…⟧ placeholder). */
  topic?: string | undefined;
}

export function paperFileName(symbol: string): string {
  return `${symbol.replace(/\//g, '-').replace(/\*$/, '')}.md`;
}

export function newPaperFile(paper: NewPaper, locale: Locale, original: Lang): string {
  const ordinal = locale.newPaper.ordinals[paper.meeting - 1] ?? placeholder(String(paper.meeting));
  const topic = locale.lang === original && paper.topic ? paper.topic : placeholder(locale.lang === original ? 'topic' : `topic in ${locale.name}`);
  const sentence = locale.newPaper.firstSentence
    .replace('{year}', String(paper.year))
    .replace('{ordinal}', ordinal)
    .replace('{topic}', topic)
    .replace('{symbol}', paper.symbol);
  const front =
    locale.lang === original
      ? `symbol: ${paper.symbol}\nyear: ${paper.year}\nmeeting: ${paper.meeting}\ntheme: ${paper.theme}\n`
      : `symbol: ${paper.symbol}\n`;
  return `---\n${front}---\n\n${sentence}\n\n${placeholder(locale.lang === original ? 'summary paragraphs' : `summary paragraphs in ${locale.name}`)}\n`;
}
