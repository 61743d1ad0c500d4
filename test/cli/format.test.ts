/**
 * The report formats, in process: the one-line human format read back by a problem matcher's
 * pattern, GitHub annotations read back with the runner's unescaping, paths relative to the
 * current directory in every format; the colour decision.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { diagnostics, github, grouped, human, json, oneLine, summary, terminalText, type Diagnostic } from '../../src/cli/format.js';
import { paint, useColor } from '../../src/cli/color.js';

/**
 * The pattern a CI problem matcher or an editor's error format uses for
 * `file:line:col: severity message (rule-id)` (the shape of gcc's and tsc's lines).
 */
const MATCHER = /^(?<file>[^:\n]+):(?<line>\d+):(?<column>\d+): (?<severity>error|warning) (?<message>.*) \((?<rule>[a-z0-9-]+)\)$/;

/** What the Actions runner does with a workflow command's data and properties (ActionCommand.cs). */
const unescapeData = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeProperty = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
function parseCommand(line: string): { command: string; properties: Record<string, string>; data: string } {
  const m = /^::(\w+) ([^:]*)::(.*)$/s.exec(line);
  if (!m) throw new Error(`not a workflow command: ${line}`);
  const properties = Object.fromEntries((m[2] ?? '').split(',').map((kv) => {
    const i = kv.indexOf('=');
    return [kv.slice(0, i), unescapeProperty(kv.slice(i + 1))];
  }));
  return { command: m[1] ?? '', properties, data: unescapeData(m[3] ?? '') };
}

const diagnostic = fc.record({
  file: fc.stringMatching(/^[a-zA-Z0-9_./-]{1,30}$/),
  line: fc.integer({ min: 1, max: 9999 }),
  column: fc.integer({ min: 1, max: 999 }),
  severity: fc.constantFrom('error' as const, 'warning' as const),
  ruleId: fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/),
  message: fc.string({ unit: 'grapheme', maxLength: 80 }).map((s) => s.replace(/[\r\n]/g, ' ')),
}).map((d): Diagnostic => ({ ...d, endLine: d.line, endColumn: d.column }));

describe('the one-line human format', () => {
  it('is read back field for field by a problem matcher pattern', () => {
    fc.assert(
      fc.property(fc.array(diagnostic, { maxLength: 5 }), (list) => {
        const lines = oneLine(list).split('\n').filter(Boolean);
        expect(lines).toHaveLength(list.length);
        lines.forEach((line, i) => {
          const d = list[i] as Diagnostic;
          const g = MATCHER.exec(line)?.groups;
          expect(g, line).toBeDefined();
          expect({ file: g?.['file'], line: Number(g?.['line']), column: Number(g?.['column']), severity: g?.['severity'], message: g?.['message'], ruleId: g?.['rule'] }).toEqual({
            file: d.file,
            line: d.line,
            column: d.column,
            severity: d.severity,
            message: d.message.replace(/[\u2028\u2029]/g, ' '),
            ruleId: d.ruleId,
          });
        });
      }),
    );
  });

  it('keeps a finding on one line whatever line terminators its message holds', () => {
    const text = oneLine([{ file: 'a.md', line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error', ruleId: 'typography', message: 'before\u2028after\u2029end\rx' }]);
    expect(MATCHER.exec(text)?.groups?.['message']).toBe('before after end x');
  });

  it('puts a note on indented lines under its finding, which a matcher skips', () => {
    const text = oneLine([{ file: 'en/papers/x.md', line: 4, column: 1, endLine: 4, endColumn: 1, severity: 'error', ruleId: 'meetings', message: 'Meeting 11 is not in the registry', note: 'Add:\n  - number: 11' }]);
    expect(text.split('\n')).toEqual(['en/papers/x.md:4:1: error Meeting 11 is not in the registry (meetings)', '    Add:', '      - number: 11']);
    expect(text.split('\n').filter((l) => MATCHER.test(l))).toHaveLength(1);
  });

  it('colours only when asked, and the colours do not break the fields', () => {
    const list: Diagnostic[] = [{ file: 'a.md', line: 1, column: 2, endLine: 1, endColumn: 2, severity: 'warning', ruleId: 'typography', message: 'Straight quote' }];
    expect(oneLine(list)).not.toContain('\x1b');
    const coloured = oneLine(list, paint(true));
    expect(coloured).toContain('\x1b[33mwarning\x1b[39m');
    expect(coloured.replace(/\x1b\[\d+m/g, '')).toBe(oneLine(list));
    expect(summary([...list, { ...list[0], severity: 'error' } as Diagnostic])).toBe('1 error and 1 warning');
  });
});

describe('GitHub annotations', () => {
  it('survive any message, file and rule id, as the runner unescapes them', () => {
    fc.assert(
      fc.property(
        diagnostic,
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        (d, message, file) => {
          const tricky = { ...d, message: `${message}%0A:,\n${message}`, file: `${file}:,%` };
          const parsed = parseCommand(github([tricky]));
          expect(parsed.command).toBe(d.severity);
          expect(parsed.data).toBe(tricky.message);
          expect(parsed.properties).toEqual({
            file: tricky.file,
            line: String(d.line),
            col: String(d.column),
            endLine: String(d.endLine),
            endColumn: String(d.endColumn),
            title: d.ruleId,
          });
        },
      ),
    );
  });

  it('carries a note as more lines of the message', () => {
    const line = github([{ file: 'x.md', line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error', ruleId: 'meetings', message: 'Missing', note: '  - number: 11\n    year: 2021' }]);
    expect(line.split('\n')).toHaveLength(1);
    expect(parseCommand(line).data).toBe('Missing\n  - number: 11\n    year: 2021');
  });
});

describe("data's control characters, in every format a terminal shows", () => {
  /** What a terminal acts on or reorders instead of showing (tab and line feed are text). */
  const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;
  const hostile = ['\x1b[2J', '\x1b]0;owned\x07', '\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\', '\u009b31m', '\0', '\r', '\b', '\x7f', '\u202e', '\u2066', '\u200f', '\u2028'];
  const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }), fc.array(fc.constantFrom(...hostile, 'a', ' ', '\n', '\t', 'é', 'ع'), { maxLength: 12 }).map((parts) => parts.join('')));
  const finding = fc.record({ file: text, message: text, note: fc.option(text, { nil: undefined }), ruleId: text, severity: fc.constantFrom('error' as const, 'warning' as const) });
  const vfileOf = (f: { file: string; message: string; note: string | undefined; ruleId: string; severity: 'error' | 'warning' }) => {
    const file = new VFile({ path: join('/p', `${f.file.replace(/\//g, '_')}.md`), cwd: '/p', value: '' });
    const m = file.message(f.message, { place: { line: 2, column: 3 }, ruleId: f.ruleId, source: 'un-compendium' });
    if (f.note) m.note = f.note;
    m.fatal = f.severity === 'error';
    return file;
  };

  it('terminalText escapes each unsafe character visibly, and only those', () => {
    expect(terminalText('a\x1b[31mb\u202ec\0d\te\nf')).toBe('a\\x1B[31mb\\u202Ec\\x00d\te\nf');
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => {
        const safe = terminalText(s);
        expect(safe).not.toMatch(UNSAFE);
        if (!UNSAFE.test(s)) expect(safe).toBe(s);
        // Each unsafe character stands where it was, as its escape.
        const expected = [...s].map((c) => (UNSAFE.test(c) ? (c.codePointAt(0)! < 0x100 ? `\\x${c.codePointAt(0)!.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`) : c)).join('');
        expect(safe).toBe(expected);
      }),
    );
  });

  it('human, grouped, the one-line build format and annotations carry no raw control from the data; JSON keeps the data as it is', () => {
    fc.assert(
      fc.property(fc.array(finding, { minLength: 1, maxLength: 3 }), fc.boolean(), (list, color) => {
        const files = list.map(vfileOf);
        const ours = (out: string) => (color ? out.replace(/\x1b\[\d+m/g, '') : out);
        for (const out of [human(files, '/p', { color }), grouped(files, '/p', { color }), oneLine(diagnostics(files, '/p')), github(diagnostics(files, '/p'))]) {
          expect(ours(out)).not.toMatch(UNSAFE);
        }
        // Annotations: one line each, whatever the message held.
        expect(github(diagnostics(files, '/p')).split('\n')).toHaveLength(list.length);
        const parsed = JSON.parse(json(diagnostics(files, '/p'))) as Diagnostic[];
        expect(parsed.map((d) => d.message)).toEqual(list.map((f) => f.message));
      }),
    );
  });

  it('a message quoting an escape sequence shows it, visibly', () => {
    const file = vfileOf({ file: 'x', message: 'Unknown theme `\x1b]0;owned\x07\x1b[2J`', note: undefined, ruleId: 'compendium-structure', severity: 'error' });
    expect(human([file], '/p')).toBe('x.md:2:3: error Unknown theme `\\x1B]0;owned\\x07\\x1B[2J` (compendium-structure)');
    expect(parseCommand(github(diagnostics([file], '/p'))).data).toBe('Unknown theme `\\x1B]0;owned\\x07\\x1B[2J`');
  });
});

describe('paths in every format', () => {
  it('are relative to the current directory, not to the install folder', () => {
    const root = '/srv/compendium';
    const file = new VFile({ path: join(root, 'sources', 'en', 'themes.yaml'), cwd: root, value: 'x' });
    file.message('Theme has no paper', { place: { line: 3, column: 5 }, ruleId: 'compendium-structure' }).fatal = true;
    const relativeFile = new VFile({ path: 'sources/fr/themes.yaml', cwd: root, value: 'x' });
    relativeFile.message('Another', { place: { line: 1, column: 1 }, ruleId: 'parity' });
    const fromSources = diagnostics([file, relativeFile], join(root, 'sources'));
    expect(fromSources.map((d) => d.file)).toEqual(['en/themes.yaml', 'fr/themes.yaml']);
    expect(diagnostics([file], '/home/editor').map((d) => d.file)).toEqual(['../../srv/compendium/sources/en/themes.yaml']);
    expect(human([file], join(root, 'sources', 'en'))).toBe('themes.yaml:3:5: error Theme has no paper (compendium-structure)');
    expect(github(diagnostics([file], root))).toMatch(/^::error file=sources\/en\/themes\.yaml,line=3,col=5,/);
    const heading = grouped([file], join(root, 'sources')).split('\n')[0];
    expect(heading).toBe('en/themes.yaml');
    // The grouped report works on copies: the files keep their own paths.
    expect(file.path).toBe(join(root, 'sources', 'en', 'themes.yaml'));
  });
});

describe('colour', () => {
  const tty = { isTTY: true, env: {} };
  it.each([
    ['a terminal', tty, true],
    ['a pipe', { isTTY: false, env: {} }, false],
    ['NO_COLOR on a terminal', { isTTY: true, env: { NO_COLOR: '1' } }, false],
    ['NO_COLOR empty (not set, per no-color.org)', { isTTY: true, env: { NO_COLOR: '' } }, true],
    ['TERM=dumb', { isTTY: true, env: { TERM: 'dumb' } }, false],
    ['FORCE_COLOR on a pipe', { isTTY: false, env: { FORCE_COLOR: '1' } }, true],
    ['FORCE_COLOR=0 on a terminal', { isTTY: true, env: { FORCE_COLOR: '0' } }, false],
    ['FORCE_COLOR beats NO_COLOR (as in Node)', { isTTY: false, env: { FORCE_COLOR: '1', NO_COLOR: '1' } }, true],
    ['--no-color beats FORCE_COLOR', { isTTY: true, env: { FORCE_COLOR: '1' }, flag: false }, false],
    ['--color beats NO_COLOR and a pipe', { isTTY: false, env: { NO_COLOR: '1', TERM: 'dumb' }, flag: true }, true],
  ] as const)('%s', (_what, ask, expected) => {
    expect(useColor(ask)).toBe(expected);
  });
});
