/** Diagnostics in the formats people and CI read: vfile-reporter, JSON, GitHub annotations. */
import { relative, resolve } from 'node:path';
import { reporter } from 'vfile-reporter';
import type { VFile } from 'vfile';

export type Format = 'human' | 'json' | 'github';

export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: 'error' | 'warning';
  ruleId: string;
  message: string;
}

export function diagnostics(files: readonly VFile[], root: string): Diagnostic[] {
  return files.flatMap((file) =>
    file.messages.map((m) => ({
      file: relative(root, resolve(root, file.path)),
      line: m.line ?? 1,
      column: m.column ?? 1,
      endLine: m.place && 'end' in m.place ? m.place.end.line : (m.line ?? 1),
      endColumn: m.place && 'end' in m.place ? m.place.end.column : (m.column ?? 1),
      severity: m.fatal === true ? ('error' as const) : ('warning' as const),
      ruleId: m.ruleId ?? 'unknown',
      message: m.reason,
    })),
  );
}

/** GitHub Actions workflow commands: `::error file=…,line=…::message`. */
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function github(list: readonly Diagnostic[]): string {
  return list
    .map(
      (d) =>
        `::${d.severity} file=${escapeProperty(d.file)},line=${d.line},col=${d.column},endLine=${d.endLine},endColumn=${d.endColumn},title=${escapeProperty(d.ruleId)}::${escapeData(d.message)}`,
    )
    .join('\n');
}

/** Human output through vfile-reporter, paths relative to `cwd`. */
export function human(files: readonly VFile[], cwd: string): string {
  const withMessages = files.filter((f) => f.messages.length > 0);
  for (const file of withMessages) {
    // vfile-reporter names a file by its first path: make that one relative.
    if (file.path) file.history = [relative(cwd, resolve(cwd, file.path))];
  }
  return withMessages.length > 0 ? reporter(withMessages, { quiet: true }) : '';
}
