/** The rule catalogue, in the order the README lists it, and the default severities. */
import type { Rule } from './rule.js';
import { LOADER_FINDINGS } from '../load/report.js';
import paragraphNumbering from './rules/paragraph-numbering.js';
import subparagraphLettering from './rules/subparagraph-lettering.js';
import documentSymbol from './rules/document-symbol.js';
import jobNumber from './rules/job-number.js';
import meetings from './rules/meetings.js';
import compendiumStructure from './rules/compendium-structure.js';
import typography from './rules/typography.js';
import controlCharacters from './rules/control-characters.js';
import parity from './rules/parity.js';
import fontCoverage from './rules/font-coverage.js';
import sourceMarkup from './rules/source-markup.js';
import unfinishedText from './rules/unfinished-text.js';
import staleTranslation from './rules/stale-translation.js';
import wordLimit from './rules/word-limit.js';

export const RULES: readonly Rule[] = [paragraphNumbering, subparagraphLettering, documentSymbol, jobNumber, meetings, compendiumStructure, typography, controlCharacters, parity, fontCoverage, sourceMarkup, unfinishedText, staleTranslation, wordLimit];

/** The README's tables of rules and of the loader's findings, generated from them. */
export function rulesTable(): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  const rows = RULES.map((r) => `| \`${r.meta.id}\` | ${cell(r.meta.description)} | ${r.meta.fixable ? 'yes' : 'no'} | ${r.options ? 'yes' : 'no'} | \`${cell(r.meta.example)}\` |`);
  const loader = Object.entries(LOADER_FINDINGS).map(([id, description]) => `| \`${id}\` | ${cell(description)} |`);
  return [
    '| rule | what it checks | --fix | options | example |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
    'Found while reading the sources (they stop that source from being read; their severity can be set too):',
    '',
    '| finding | what stops reading |',
    '| --- | --- |',
    ...loader,
  ].join('\n');
}
