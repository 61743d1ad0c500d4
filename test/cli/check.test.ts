/**
 * `check` as editors and CI use it: messages a person can act on, positional paths, exit
 * codes with --max-warnings and --frail, colour, and clean JSON on stdout (what only a
 * process shows, a real terminal and a reader that stops early: test/cli/bin.test.ts).
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { cli, ROOT } from '../helpers/cli.js';
import { copySources, edit, projectWith } from '../helpers/sources.js';

interface Finding {
  file: string;
  line: number;
  column: number;
  severity: string;
  ruleId: string;
  message: string;
  note?: string;
}

const PAPERS = join('en', 'papers');

let sources: string;
beforeAll(async () => {
  // One copy with four mistakes an editor makes.
  sources = await copySources(['en']);
  await edit(join(sources, PAPERS, 'CTOC-COP-WG.4-2010-5.md'), (t) => t.replace('theme: case-management', 'theme: case-managment'));
  await edit(join(sources, PAPERS, 'CTOC-COP-WG.4-2010-4.md'), (t) => t.replace('year: 2010', 'yaer: 2010'));
  await edit(join(sources, PAPERS, 'CTOC-COP-WG.4-2010-3.md'), (t) => t.replace('symbol: CTOC/COP/WG.4/2010/3', 'symbol: "CTOC/COP/WG.4/2010/3'));
  await edit(join(sources, PAPERS, 'CTOC-COP-WG.4-2011-2.md'), (t) => t.replace('meeting: 4', 'meeting: 11'));
});

describe('messages a person can act on', () => {
  it('suggest the theme and key meant, place a YAML error at its opening quote, and give the registry lines to add', async () => {
    const run = await cli(['check', '--format', 'json', '--sources', sources]);
    expect(run.status).toBe(1);
    const findings = JSON.parse(run.stdout) as Finding[];
    const at = (name: string) => findings.filter((f) => f.file.endsWith(name));
    expect(at('CTOC-COP-WG.4-2010-5.md')).toContainEqual(expect.objectContaining({ line: 5, column: 1, ruleId: 'compendium-structure', message: 'Unknown theme `case-managment`: did you mean `case-management`?' }));
    expect(at('CTOC-COP-WG.4-2010-4.md')).toContainEqual(expect.objectContaining({ line: 3, column: 1, message: 'Unknown key `yaer`: did you mean `year`?' }));
    // Line 2, column 9 is the opening quotation mark, not the end of the front matter.
    expect(at('CTOC-COP-WG.4-2010-3.md')).toContainEqual(expect.objectContaining({ line: 2, column: 9, ruleId: 'yaml-syntax', message: expect.stringMatching(/^Invalid YAML: .*quotation mark " opened here is never closed/) }));
    const registry = at('CTOC-COP-WG.4-2011-2.md').find((f) => f.ruleId === 'meetings' && f.message.startsWith('Meeting 11 is not in the meeting registry'));
    expect(registry?.note).toMatch(/\n {2}- number: 11\n {4}year: 2011$/);
  });
});

describe("the sources' control characters", () => {
  it('are reported where they are (control-characters), and reach the terminal and the annotations escaped', async () => {
    const copy = await copySources(['en']);
    // An escape sequence in a paper's theme (YAML's \e), raw in the introduction, and in a file's name.
    await edit(join(copy, PAPERS, 'CTOC-COP-WG.4-2010-5.md'), (t) => t.replace('theme: case-management', 'theme: "\\e]0;owned\\a\\e[2J"'));
    await edit(join(copy, 'en', 'introduction.md'), (t) => t.replace('Working Group', 'Working\x1b[8m Group'));
    await writeFile(join(copy, PAPERS, '\x1b[31mred.md'), 'no front matter\n');
    const human = await cli(['check', '--sources', copy]);
    expect(human.status).toBe(1);
    expect(human.stderr).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
    const shown = (path: string) => relative(ROOT, join(copy, path));
    expect(human.stderr).toContain(`${shown(join(PAPERS, 'CTOC-COP-WG.4-2010-5.md'))}:5:1: error Unknown theme \`\\x1B]0;owned\\x07\\x1B[2J\``);
    expect(human.stderr).toMatch(/introduction\.md:\d+:\d+: error Control character U\+001B: remove it \(control-characters\)/);
    expect(human.stderr).toContain(`${shown(PAPERS)}/\\x1B[31mred.md:1:1: error Missing front matter`);
    const annotations = await cli(['check', '--sources', copy, '--format', 'github']);
    expect(annotations.stdout).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
    expect(annotations.stdout).toContain('Unknown theme `\\x1B]0;owned\\x07\\x1B[2J`');
  });
});

describe('check FILE|DIR…', () => {
  it('reports the files named (loading what they depend on), says what else there is, and exits by them', async () => {
    const paper = join(sources, PAPERS, 'CTOC-COP-WG.4-2010-5.md');
    const one = await cli(['check', '--sources', sources, paper]);
    expect(one.status).toBe(1);
    const lines = one.stderr.trim().split('\n');
    expect(lines[0]).toBe(`${relative(ROOT, paper)}:5:1: error Unknown theme \`case-managment\`: did you mean \`case-management\`? (compendium-structure)`);
    expect(one.stderr).not.toContain('2010-4.md');
    expect(one.stderr).toMatch(/\(\d+ errors? in files not named: run check without paths to see them\)/);

    const clean = await cli(['check', '--sources', sources, '--format', 'json', join(sources, PAPERS, 'CTOC-COP-WG.4-2010-2.md')]);
    expect(clean.status, clean.stderr).toBe(0);
    expect(JSON.parse(clean.stdout)).toEqual([]);

    const folder = await cli(['check', '--sources', sources, '--format', 'json', join(sources, PAPERS)]);
    const files = new Set((JSON.parse(folder.stdout) as Finding[]).map((f) => f.file));
    expect([...files].every((f) => f.includes('/en/papers/'))).toBe(true);
    expect(files.size).toBeGreaterThanOrEqual(4);

    // A relative path is read from the current directory, as a shell user means it.
    const here = await cli(['check', '--sources', '.', '--format', 'json', join('en', 'papers', 'CTOC-COP-WG.4-2010-5.md')], {}, { cwd: sources });
    expect(here.status, here.stderr).toBe(1);
    expect((JSON.parse(here.stdout) as Finding[]).map((f) => f.file)).toEqual(['en/papers/CTOC-COP-WG.4-2010-5.md']);
  });

  it('--fix with paths repairs only the files named', async () => {
    const copy = await copySources(['en']);
    const named = join(copy, PAPERS, 'CTOC-COP-WG.4-2010-3.md');
    const other = join(copy, PAPERS, 'CTOC-COP-WG.4-2010-2.md');
    await edit(named, (t) => t.replace('The term “demand”', 'The term "demand"'));
    await edit(other, (t) => t.replace(/\n$/, ' A "quoted" word.\n'));
    const run = await cli(['check', '--fix', '--sources', copy, named]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('Fixed 2 finding(s) in 1 file(s).');
    expect(run.stderr).not.toContain('not fixed'); // the file not named is left alone, not refused
    expect(run.stderr).toMatch(/\(2 errors in files not named/);
    expect(await readFile(named, 'utf8')).toContain('The term “demand”');
    expect(await readFile(other, 'utf8')).toContain('A "quoted" word.');
  });

  it('refuses a file the check does not read', async () => {
    await writeFile(join(sources, 'en', 'notes.txt'), 'x');
    const run = await cli(['check', '--sources', sources, join(sources, 'en', 'notes.txt')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('is not a source the check reads');
  });
});

describe('warnings, --max-warnings and --frail', () => {
  it('exit 0 with warnings, 1 past --max-warnings or with --frail', async () => {
    // A project whose configuration makes typography a warning (test/helpers/project.ts).
    const root = await projectWith('rules:\n  typography: warning\nyearSeries:\n  - CTOC/COP/WG.4\n');
    const warned = await copySources(['en']);
    await edit(join(warned, PAPERS, 'CTOC-COP-WG.4-2010-3.md'), (t) => t.replace('The term “demand”', 'The term "demand"'));
    const run = (...args: string[]) => cli(['check', '--sources', warned, ...args], {}, { root, cwd: root });

    const plain = await run();
    expect(plain.status, plain.stderr).toBe(0);
    expect(plain.stderr).toMatch(/:\d+:\d+: warning Straight quotation mark.*\(typography\)\n2 warnings\n$/);
    expect((await run('--max-warnings', '2')).status).toBe(0);
    const over = await run('--max-warnings', '1');
    expect(over.status).toBe(1);
    expect(over.stderr).toContain('2 warnings: more than --max-warnings 1 allows.');
    expect((await run('--frail')).status).toBe(1);
    const json = await run('--frail', '--format', 'json');
    expect(json.status).toBe(1);
    expect((JSON.parse(json.stdout) as Finding[]).map((f) => f.severity)).toEqual(['warning', 'warning']);
  });
});

describe('colour', () => {
  const ESC = '\x1b[';
  // On a real terminal: test/cli/bin.test.ts (only a process has one).
  it('in a pipe only with FORCE_COLOR or --color; --no-color wins', async () => {
    expect((await cli(['check', '--sources', sources])).stderr).not.toContain(ESC);
    expect((await cli(['check', '--sources', sources], { FORCE_COLOR: '1' })).stderr).toContain(`${ESC}31merror`);
    expect((await cli(['check', '--sources', sources, '--color'])).stderr).toContain(`${ESC}31merror`);
    expect((await cli(['check', '--sources', sources, '--no-color'], { FORCE_COLOR: '1' })).stderr).not.toContain(ESC);
  });
});
