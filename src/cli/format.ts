/**
 * Diagnostics in the formats people, editors and CI read. Every path is relative to the
 * directory the command was run from (as tsc, eslint and remark-cli print them).
 *   human    one finding a line, `file:line:col: severity message (rule-id)`: what editors'
 *            and CI problem matchers jump from (tsc's and gcc's shape); a note, when a
 *            finding has one, follows on indented lines;
 *   grouped  vfile-reporter's layout, a heading per file (remark-cli's);
 *   json     an array of {file, line, column, endLine, endColumn, severity, ruleId, message, note?};
 *   github   GitHub Actions workflow commands (`::error file=…,line=…::message`): annotations.
 * What comes from the data (paths, messages quoting the sources, notes) reaches a terminal only
 * through `terminalText`: in the human, grouped and one-line formats and in annotations (which
 * a CI log shows as they are); JSON escapes controls itself.
 */
import { relative, resolve } from 'node:path';
import { reporter } from 'vfile-reporter';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { paint, type Paint } from './color.js';

/**
 * Characters a terminal acts on or reorders instead of showing: the C0 controls but tab and
 * line feed (ESC starts the sequences that move the cursor, clear the screen, retitle the
 * window or make a link; CR returns over what was written), DEL, the C1 controls (CSI and OSC
 * among them), the bidirectional marks, embeddings, overrides and isolates, and the line and
 * paragraph separators.
 */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

/**
 * Text from the data as a terminal may show it: each unsafe character written as an escape a
 * reader can see and search for (`\x1B`, `\u202E`); everything else, tab and line feed
 * included, as it is. The one serializer between the data and a terminal.
 */
export function terminalText(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const code = c.codePointAt(0) ?? 0;
    return code < 0x100 ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
  });
}

export const FORMATS = ['human', 'grouped', 'json', 'github'] as const;
export type Format = (typeof FORMATS)[number];

export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: 'error' | 'warning';
  ruleId: string;
  message: string;
  /** What to do about it, when the finding says more than one line can (e.g. lines to add). */
  note?: string;
}

/** A file's path as the user should see it: relative to `cwd`. */
export function shownPath(file: VFile, cwd: string): string {
  return relative(cwd, resolve(file.cwd, file.path)) || '.';
}

/** Every message of `files`, in file order and, within a file, in the order of the text. */
export function diagnostics(files: readonly VFile[], cwd: string): Diagnostic[] {
  return files.flatMap((file) => {
    const path = shownPath(file, cwd);
    return [...file.messages]
      .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
      .map((m) => {
        const d: Diagnostic = {
          file: path,
          line: m.line ?? 1,
          column: m.column ?? 1,
          endLine: m.place && 'end' in m.place ? m.place.end.line : (m.line ?? 1),
          endColumn: m.place && 'end' in m.place ? m.place.end.column : (m.column ?? 1),
          severity: m.fatal === true ? 'error' : 'warning',
          ruleId: m.ruleId ?? 'unknown',
          message: m.reason,
        };
        if (m.note) d.note = m.note;
        return d;
      });
  });
}

export function tally(list: readonly Diagnostic[]): { errors: number; warnings: number } {
  const errors = list.filter((d) => d.severity === 'error').length;
  return { errors, warnings: list.length - errors };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `3 errors and 1 warning`, or undefined when there is nothing. */
export function summary(list: readonly Diagnostic[], colors: Paint = paint(false)): string | undefined {
  const { errors, warnings } = tally(list);
  if (errors + warnings === 0) return undefined;
  const parts = [errors > 0 ? colors.red(plural(errors, 'error')) : undefined, warnings > 0 ? colors.yellow(plural(warnings, 'warning')) : undefined];
  return parts.filter(Boolean).join(' and ');
}

/** One line a finding: `file:line:col: severity message (rule-id)`. */
export function oneLine(list: readonly Diagnostic[], colors: Paint = paint(false)): string {
  return list
    .map((d) => {
      // One finding, one line: other line terminators (\r, U+2028, U+2029, which a problem
      // matcher's `.` does not cross) become spaces; a message's further lines are indented;
      // what a terminal would act on is escaped (the colours are added after).
      const [first = '', ...rest] = terminalText(d.message.replace(/[\r\u2028\u2029]/g, ' ')).split('\n');
      const severity = d.severity === 'error' ? colors.red('error') : colors.yellow('warning');
      const more = [...rest, ...(d.note ? terminalText(d.note).split('\n') : [])].map((l) => `    ${l}`);
      return [`${terminalText(d.file)}:${d.line}:${d.column}: ${severity} ${first} ${colors.dim(`(${terminalText(d.ruleId)})`)}`, ...more].join('\n');
    })
    .join('\n');
}

/** The one-line human format (the default), paths relative to `cwd`. */
export function human(files: readonly VFile[], cwd: string, options: { color?: boolean } = {}): string {
  return oneLine(diagnostics(files, cwd), paint(options.color ?? false));
}

/** vfile-reporter's layout: a heading per file, then `line:col severity message rule`. */
export function grouped(files: readonly VFile[], cwd: string, options: { color?: boolean } = {}): string {
  const withMessages = files.filter((f) => f.messages.length > 0);
  if (withMessages.length === 0) return '';
  // vfile-reporter names a file by its path: give it the one the user should see, on copies,
  // with what comes from the data escaped for the terminal (the colours are the reporter's).
  const safe = <T extends string | null | undefined>(text: T): T => (typeof text === 'string' ? (terminalText(text) as T) : text);
  const shown = withMessages.map((f) =>
    Object.assign(Object.create(Object.getPrototypeOf(f) as object) as VFile, f, {
      history: [terminalText(shownPath(f, cwd))],
      messages: f.messages.map((m) =>
        Object.assign(Object.create(Object.getPrototypeOf(m) as object) as VFileMessage, m, {
          reason: safe(m.reason),
          message: safe(m.message),
          note: safe(m.note),
          ruleId: safe(m.ruleId),
          source: safe(m.source),
          file: terminalText(shownPath(f, cwd)),
        }),
      ),
    }),
  );
  return reporter(shown, { quiet: true, color: options.color ?? false, verbose: true });
}

export function json(list: readonly Diagnostic[]): string {
  return JSON.stringify(list, null, 2);
}

/** GitHub Actions workflow commands: `::error file=…,line=…::message` (the log shows the data as it is: controls are escaped first, `terminalText`). */
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
        `::${d.severity} file=${escapeProperty(terminalText(d.file))},line=${d.line},col=${d.column},endLine=${d.endLine},endColumn=${d.endColumn},title=${escapeProperty(terminalText(d.ruleId))}::${escapeData(terminalText(d.note ? `${d.message}\n${d.note}` : d.message))}`,
    )
    .join('\n');
}
