/**
 * meetings: every paper's meeting and year agree with the meeting registry, and every
 * meeting ordinal the text puts next to a year ("for the second meeting … in 2010", in any
 * language with a locale's ordinals) agrees with it too.
 */
import type { Locale, Meeting } from '../../types.js';
import { lintRule } from '../rule.js';
import { paragraphs } from '../text.js';
import { blankSymbols } from '../../model/symbols.js';

const YEAR = /(?<![\p{N}])(?:19|20)\d{2}(?![\p{N}])/gu;
const WINDOW = 60;
const SPACED = '[\\p{Script=Latin}\\p{Script=Cyrillic}\\p{Script=Arabic}]';
const ENDS_IN_LETTER = new RegExp(`${SPACED}$`, 'u');

/** Whether the text before `index` ends in a letter of a spaced script (a word goes on). */
const afterLetter = (text: string, index: number): boolean => index > 0 && ENDS_IN_LETTER.test(text.slice(Math.max(0, index - 2), index));

export interface OrdinalFinding {
  number: number;
  index: number;
  text: string;
  year: number | undefined;
}

function escapeless(list: string[]): string {
  return [...list].sort((a, b) => b.length - a.length).map((o) => `(?:${o})`).join('|');
}

interface Compiled {
  entries: Array<{ number: number; re: RegExp }>;
  pattern: RegExp;
  /** The meeting word alone: a text without it has no ordinal to find (a quick first look). */
  word: RegExp;
}

const compiled = new WeakMap<object, Compiled>();

function compile(spec: NonNullable<Locale['meetingOrdinals']>): Compiled {
  let c = compiled.get(spec);
  if (!c) {
    const entries = Object.entries(spec.ordinals).map(([n, re]) => ({ number: Number(n), re: new RegExp(`^(?:${re})$`, 'u') }));
    const any = escapeless(Object.values(spec.ordinals));
    // Word boundaries where words are spaced (Latin, Cyrillic, Arabic); none in Chinese.
    // The "not after a letter" is checked at each match (`afterLetter`), not as a lookbehind
    // at the pattern's start: one there is tried at every position of every paragraph.
    const pattern = new RegExp(`(?:(${any})\\s*(?:${spec.word})|(?:${spec.word})\\s+(${any})(?!${SPACED}))`, 'giu');
    c = { entries, pattern, word: new RegExp(spec.word, 'iu') };
    compiled.set(spec, c);
  }
  return c;
}

/** Meeting ordinals in a text, each with the year next to it (if any). */
export function findOrdinals(raw: string, spec: NonNullable<Locale['meetingOrdinals']>): OrdinalFinding[] {
  // Symbols carry years (CTOC/COP/WG.4/2010/5): blank them out, keeping offsets.
  const text = blankSymbols(raw);
  const { entries, pattern, word } = compile(spec);
  // Both forms of the pattern hold the word.
  if (!word.test(text)) return [];
  const years = [...text.matchAll(YEAR)].map((m) => ({ start: m.index, end: m.index + m[0].length, value: Number(m[0]) }));
  const out: OrdinalFinding[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (afterLetter(text, match.index)) {
      // Not a match here; one may start at the next character, as with a lookbehind.
      pattern.lastIndex = match.index + ((text.codePointAt(match.index) ?? 0) > 0xffff ? 2 : 1);
      continue;
    }
    const ordinal = (match[1] ?? match[2] ?? '').trim();
    const entry = entries.find((e) => e.re.test(ordinal));
    if (!entry) continue;
    const start = match.index;
    const end = start + match[0].length;
    const after = years.find((y) => y.start >= end && y.start - end <= WINDOW);
    const before = [...years].reverse().find((y) => y.end <= start && start - y.end <= WINDOW);
    const year = (spec.yearFirst ? (before ?? after) : (after ?? before))?.value;
    out.push({ number: entry.number, index: start, text: match[0], year });
  }
  return out;
}

/** The two lines to add under `meetings:` in sources/meetings.yaml (its layout). */
export function registryEntry(number: number, year: number): string {
  return `If it was held in ${year}, add these two lines under \`meetings:\` in sources/meetings.yaml:\n  - number: ${number}\n    year: ${year}`;
}

export default lintRule(
  {
    id: 'meetings',
    description: "Each paper's meeting and year, and each meeting ordinal stated next to a year in the text, agree with the meeting registry (sources/meetings.yaml).",
    example: 'introduction.md:3:225 "seventh meeting" next to 2020, but the seventh meeting was held in 2017 (sources/meetings.yaml)',
    fixable: false,
  },
  (context, report) => {
    const registry = new Map<number, Meeting>(context.project.meetings.map((m) => [m.number, m]));
    const original = context.original;
    for (const paper of original?.papers ?? []) {
      const meeting = registry.get(paper.meeting);
      if (!meeting) report(paper.structureFile, paper.points['meeting'], `Meeting ${paper.meeting} is not in the meeting registry (sources/meetings.yaml)`).note = registryEntry(paper.meeting, paper.year);
      else if (meeting.year !== paper.year) {
        report(paper.structureFile, paper.points['meeting'], `Meeting ${paper.meeting} was held in ${meeting.year} (sources/meetings.yaml), but the paper's year is ${paper.year}`);
      }
    }
    for (const edition of context.editions) {
      const spec = edition.locale.meetingOrdinals;
      if (!spec) continue;
      const papers = new Map(edition.papers.map((p) => [p.symbol, p]));
      for (const text of context.texts.filter((t) => t.lang === edition.lang)) {
        const paper = text.symbol === undefined ? undefined : papers.get(text.symbol);
        paragraphs(text.tree, text.file).forEach((para, i) => {
          for (const found of findOrdinals(para.raw, spec)) {
            const place = context.pointAt(text.file, para.start + found.index);
            const meeting = registry.get(found.number);
            if (i === 0 && paper && found.number !== paper.meeting) {
              report(text.file, place, `The summary names meeting ${found.number} ("${found.text}"), but the paper's meeting is ${paper.meeting}`);
            }
            if (found.year === undefined) continue;
            if (!meeting) report(text.file, place, `"${found.text}" (meeting ${found.number}) next to ${found.year} is not in the meeting registry (sources/meetings.yaml)`).note = registryEntry(found.number, found.year);
            else if (meeting.year !== found.year) {
              report(text.file, place, `"${found.text}" next to ${found.year}, but meeting ${found.number} was held in ${meeting.year} (sources/meetings.yaml)`);
            }
          }
        });
      }
    }
  },
);
