/** The rule catalogue, in the order the README lists it, and the default severities. */
import type { Rule, Severity } from './rule.js';
import paragraphNumbering from './rules/paragraph-numbering.js';
import subparagraphLettering from './rules/subparagraph-lettering.js';
import documentSymbol from './rules/document-symbol.js';
import jobNumber from './rules/job-number.js';
import meetings from './rules/meetings.js';
import compendiumStructure from './rules/compendium-structure.js';
import typography from './rules/typography.js';
import parity from './rules/parity.js';
import fontCoverage from './rules/font-coverage.js';
import sourceMarkup from './rules/source-markup.js';
import unfinishedText from './rules/unfinished-text.js';
import staleTranslation from './rules/stale-translation.js';

export const RULES: readonly Rule[] = [paragraphNumbering, subparagraphLettering, documentSymbol, jobNumber, meetings, compendiumStructure, typography, parity, fontCoverage, sourceMarkup, unfinishedText, staleTranslation];

export const DEFAULT_SEVERITY: Record<string, Severity> = {
  ...Object.fromEntries(RULES.map((r) => [r.meta.id, 'error'])),
  // A translation behind its original is still a translation: reported, not blocking.
  'stale-translation': 'warning',
};

/** The README's table of rules, generated from the rules themselves. */
export function rulesTable(): string {
  const rows = RULES.map((r) => `| \`${r.meta.id}\` | ${r.meta.description} | ${r.meta.fixable ? 'yes' : 'no'} | \`${r.meta.example.replace(/\|/g, '\\|')}\` |`);
  return ['| rule | what it checks | --fix | example |', '| --- | --- | --- | --- |', ...rows].join('\n');
}
