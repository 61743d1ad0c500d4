/**
 * `check --fix`: repair the sources (src/write/fix-sources.ts), then say which files changed and how,
 * and which repairs were not made and why.
 */
import { join } from 'node:path';
import { check } from '../pipeline-check.js';
import type { Lang } from '../types.js';
import { fixSources } from '../write/fix-sources.js';

/** A text as a reader sees it: invisible characters by their code point. */
const shown = (s: string): string =>
  s === '' ? 'nothing' : `"${s.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, (c) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`)}"`;

export async function runFix(
  options: { root: string; langs: readonly Lang[] | undefined; sourcesDir: string | undefined; env?: NodeJS.ProcessEnv | undefined; only?: ((path: string) => boolean) | undefined },
  write: (line: string) => void,
  /** A path as the messages show it (from the working folder). */
  where: (path: string) => string,
): Promise<void> {
  const sourcesDir = options.sourcesDir ?? join(options.root, 'sources');
  const report = await fixSources(sourcesDir, (dir) => check({ root: options.root, langs: options.langs, sourcesDir: dir, env: options.env }), options.only);
  for (const { path, changes } of report.changed) {
    write(`fixed ${where(path)}: ${changes.length} change(s)`);
    for (const c of changes) write(`  ${c.line}:${c.column}  ${shown(c.from)} → ${shown(c.to)}${c.ruleId ? `  ${c.ruleId}` : ''}`);
  }
  for (const r of report.refused) write(`not fixed ${where(r.path)}:${r.line}:${r.column}  ${shown(r.from)} → ${shown(r.to)}: ${r.why}`);
  const total = report.changed.reduce((n, c) => n + c.changes.length, 0);
  write(total === 0 ? 'Nothing fixed.' : `Fixed ${total} finding(s) in ${report.changed.length} file(s).`);
}
