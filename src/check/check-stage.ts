/**
 * Stage: run the rule catalogue over the loaded project, a rule at a time between turns of the
 * event loop (a build checks while Chromium prints its first editions) — incrementally in a long-running
 * process (watch): a language whose sources did not change, in a project whose shared parts
 * did not change, has the findings it had, so its checked files are reused and only the
 * others are checked.
 */
import { required, type CheckState } from '../run-stages.js';
import { hasFatal } from '../load/report.js';
import { runChecksInTurns } from './run.js';
import { releaseMemory } from '../release-memory.js';
import type { VFile } from 'vfile';

export async function checkSources(state: CheckState): Promise<void> {
  const project = required(state.project, 'the project');
  const config = required(state.config, 'the configuration');
  const prints = required(state.fingerprints, 'the fingerprints');
  const memo = state.options.memo;
  const previous = memo?.check;
  const langs = project.editions.map((e) => e.lang);
  const changed =
    previous && previous.shared === prints.shared
      ? langs.filter((lang) => lang === project.original || prints.langs[lang] !== previous.langs[lang])
      : undefined;
  const { files: checked, fixes } = await runChecksInTurns(project, config, state.coverage, changed ? { langs: changed, langOf: prints.langOf } : undefined);
  const files = checked.map((file) => {
    const lang = prints.langOf(file);
    const reuse = changed && lang && !changed.includes(lang) ? previous?.files.get(file.path) : undefined;
    return reuse && reuse.value === file.value ? reuse : file;
  });
  if (memo) memo.check = { shared: prints.shared, langs: prints.langs, files: new Map(files.map((f) => [f.path, f])) };
  // --lang scopes the work: the findings of the languages asked for, and of the original they
  // depend on (its structure, parity against it); files of no language concern all.
  const asked = state.options.langs;
  const scope = asked ? new Set([...asked, ...(project.original ? [project.original] : [])]) : undefined;
  const inScope = (file: VFile): boolean => {
    const lang = prints.langOf(file);
    return !scope || lang === undefined || scope.has(lang);
  };
  const reported = files.filter(inScope);
  // In a build, the editions transformed meanwhile keep their files (after the sources').
  state.files = [...(config.file ? [config.file] : []), ...reported, ...state.files.filter((f) => !files.includes(f))];
  state.fixes = fixes.filter((fix) => inScope(fix.file));
  state.ok = !hasFatal(state.files);
}

/**
 * Stage: the build's gate — any error, or nothing to build, and nothing is written (a build
 * checks while it prints: what was printed meanwhile is only in its staging folder, removed).
 */
export function gate(state: CheckState): 'stop' | void {
  // The checks of a large project leave much garbage while Chromium prints: give it back.
  releaseMemory();
  if (!state.ok || required(state.project, 'the project').editions.length === 0) {
    state.ok = false;
    return 'stop';
  }
}
