/**
 * Run the rule catalogue over a loaded project: each rule at its configured severity, then
 * the in-place ignore comments. Messages land on the source files; fixes are returned.
 */
import type { VFile } from 'vfile';
import type { Project } from '../load/project.js';
import { createContext, type CheckConfig } from './context.js';
import { applyIgnores, ignoreRanges } from './ignore.js';
import { DEFAULT_SEVERITY, RULES } from './presets.js';
import type { Fix } from './rule.js';
import type { Lang } from '../types.js';
import type { Coverage } from '../render/coverage.js';

/** Check only these languages (and the files no language owns): the rest did not change. */
export interface CheckScope {
  langs: readonly Lang[];
  langOf(file: VFile): Lang | undefined;
}

export function runChecks(whole: Project, config: CheckConfig, coverage: Map<Lang, Coverage> = new Map(), scope?: CheckScope): { files: VFile[]; fixes: Fix[] } {
  const inScope = (lang: Lang | undefined): boolean => !scope || lang === undefined || scope.langs.includes(lang);
  const project: Project = scope
    ? { ...whole, editions: whole.editions.filter((e) => inScope(e.lang)), files: whole.files.filter((f) => inScope(scope.langOf(f))) }
    : whole;
  const context = createContext(project, config, coverage);
  const fixes: Fix[] = [];
  for (const rule of RULES) {
    const severity = config.rules[rule.meta.id] ?? DEFAULT_SEVERITY[rule.meta.id] ?? 'error';
    if (severity === 'off') continue;
    rule.run(context, severity, fixes);
  }
  const trees = new Map(context.texts.map((t) => [t.file, t.tree]));
  for (const file of project.files) {
    const tree = trees.get(file);
    if (tree || file.extname === '.yaml') applyIgnores(file, ignoreRanges(file, tree));
  }
  const kept = fixes.filter((fix) => fix.file.messages.some((m) => m.expected?.[0] === fix.text && m.ruleId));
  return { files: whole.files, fixes: kept };
}
