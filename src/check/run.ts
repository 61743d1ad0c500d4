/**
 * Run the rule catalogue over a loaded project: each rule at its configured severity with its
 * options, the configured severity of the loader's findings, then the in-place ignore
 * comments. Messages land on the source files; fixes are returned.
 */
import type { VFile } from 'vfile';
import type { Project } from '../load/project.js';
import type { LoadedConfig } from '../load/config.js';
import { fatal, LOADER_FINDINGS } from '../load/report.js';
import { createContext } from './context.js';
import { applyIgnores, ignoreRanges } from './ignore.js';
import { RULES } from './presets.js';
import type { Fix } from './rule.js';
import type { Lang } from '../types.js';
import type { Coverage } from '../model/fonts.js';

/** Check only these languages (and the files no language owns): the rest did not change. */
export interface CheckScope {
  langs: readonly Lang[];
  langOf(file: VFile): Lang | undefined;
}

type Settings = Pick<LoadedConfig, 'rules' | 'yearSeries'> & { file?: VFile | undefined };

/** Every id the configuration may set: the rules' and the loader's. */
export const FINDING_IDS: readonly string[] = [...RULES.map((r) => r.meta.id), ...Object.keys(LOADER_FINDINGS)];

export interface CheckOutcome {
  files: VFile[];
  fixes: Fix[];
}

/** The whole catalogue at once. */
export function runChecks(whole: Project, config: Settings, coverage: Map<Lang, Coverage> = new Map(), scope?: CheckScope): CheckOutcome {
  const steps = checkSteps(whole, config, coverage, scope);
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/**
 * The same, a rule at a time, giving the event loop a turn between rules: a build checks while
 * Chromium prints, and the browser's messages are answered between two rules.
 */
export async function runChecksInTurns(whole: Project, config: Settings, coverage: Map<Lang, Coverage> = new Map(), scope?: CheckScope): Promise<CheckOutcome> {
  const steps = checkSteps(whole, config, coverage, scope);
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** The catalogue as steps: one rule per step, then the loader's severities and the ignore comments. */
function* checkSteps(whole: Project, config: Settings, coverage: Map<Lang, Coverage>, scope?: CheckScope): Generator<void, CheckOutcome, void> {
  const inScope = (lang: Lang | undefined): boolean => !scope || lang === undefined || scope.langs.includes(lang);
  const project: Project = scope
    ? { ...whole, editions: whole.editions.filter((e) => inScope(e.lang)), files: whole.files.filter((f) => inScope(scope.langOf(f))) }
    : whole;
  const context = createContext(project, { yearSeries: config.yearSeries }, coverage);
  const fixes: Fix[] = [];
  for (const [id, setting] of Object.entries(config.rules)) {
    if (!FINDING_IDS.includes(id) && config.file) fatal(config.file, `Unknown rule \`${id}\`: the rules are ${FINDING_IDS.join(', ')}`, setting.point, 'config');
  }
  for (const rule of RULES) {
    const setting = config.rules[rule.meta.id];
    const severity = setting?.severity ?? rule.meta.severity ?? 'error';
    if (severity === 'off') continue;
    let options: unknown;
    if (rule.options) {
      const parsed = rule.options.safeParse(setting?.options ?? {});
      if (!parsed.success) {
        if (config.file) fatal(config.file, `Options of \`${rule.meta.id}\`: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'options'}: ${i.message}`).join('; ')}`, setting?.point, 'config');
        continue;
      }
      options = parsed.data;
    } else if (setting?.options && config.file) {
      fatal(config.file, `Rule \`${rule.meta.id}\` takes no options`, setting.point, 'config');
    }
    rule.run(context, severity, options, fixes);
    yield;
  }
  // The loader's findings at their configured severity.
  for (const file of project.files) {
    file.messages = file.messages.filter((message) => {
      const setting = message.ruleId && message.ruleId in LOADER_FINDINGS ? config.rules[message.ruleId] : undefined;
      if (!setting || message.ruleId === 'config') return true;
      message.fatal = setting.severity === 'error';
      return setting.severity !== 'off';
    });
  }
  const trees = new Map(context.texts.map((t) => [t.file, t.tree]));
  for (const file of project.files) {
    if (file.extname === '.yaml' || file.extname === '.md') applyIgnores(file, ignoreRanges(file, trees.get(file)));
  }
  const kept = fixes.filter((fix) => fix.file.messages.some((m) => m.expected?.[0] === fix.text && m.ruleId));
  return { files: whole.files, fixes: kept };
}
