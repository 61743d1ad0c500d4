/**
 * `build --out` through the command line, against the real project: shapes that would put the
 * sources, templates or project at risk exit 2 with a clear message and change nothing (the
 * trees are hashed before and after; test/write/output-folder.test.ts tries every shape on the
 * function itself); a fresh folder is built and marked, and a rebuild
 * leaves what the editor put beside the editions alone.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, ROOT } from '../helpers/cli.js';
import { treeHash } from '../helpers/tree-hash.js';

const STACK = /\n\s+at .+:\d+:\d+/;
const run = (args: string[], cwd = ROOT, env: NodeJS.ProcessEnv = {}) => cli(args, env, { cwd });

/** Everything a build must never touch: the project's own folders (not node_modules, dist, output). */
const projectHash = (): string => treeHash(ROOT, (name) => ['node_modules', 'dist', 'output', '.git'].includes(name));

let scratch: string;
beforeAll(() => {
  scratch = realpathSync(mkdtempSync(join(tmpdir(), 'out-shapes-')));
  mkdirSync(join(scratch, 'mine', 'en'), { recursive: true });
  writeFileSync(join(scratch, 'mine', 'en', 'draft.md'), 'my own work\n');
  writeFileSync(join(scratch, 'mine', 'notes.txt'), 'my own notes\n');
  writeFileSync(join(scratch, 'a-file'), 'not a folder\n');
  symlinkSync(join(ROOT, 'sources'), join(scratch, 'to-sources'));
  symlinkSync(ROOT, join(scratch, 'to-project'));
  mkdirSync(join(scratch, 'home'));
  writeFileSync(join(scratch, 'home', '.bashrc'), '# mine\n');
});

describe('build --out refuses, exit 2, nothing changed', () => {
  const shapes: Array<[string, () => { out: string; cwd?: string }, RegExp]> = [
    ['the sources', () => ({ out: 'sources' }), /it is the sources/],
    ['sources/..', () => ({ out: 'sources/..' }), /it is the project folder/],
    ['.. from the sources', () => ({ out: '..', cwd: join(ROOT, 'sources') }), /it is the project folder/],
    ['.. of the project', () => ({ out: '..' }), /contains the project folder/],
    ['the code', () => ({ out: 'src' }), /project's own folder src/],
    ['a symlink to the sources', () => ({ out: join(scratch, 'to-sources') }), /it is the sources/],
    ['a folder someone filled', () => ({ out: join(scratch, 'mine') }), /not empty .* no build of this tool wrote it/],
    ['a file', () => ({ out: join(scratch, 'a-file') }), /it is a file, not a folder/],
    ['the sources in another case', () => ({ out: 'Sources' }), /only by case/],
    ['the file-system root', () => ({ out: '/' }), /root of the file system|contains the project folder/],
  ];
  it.each(shapes)('%s', async (_what, shape, message) => {
    const { out, cwd } = shape();
    const before = [projectHash(), treeHash(scratch)];
    const r = await run(['build', '--lang', 'en', '--out', out], cwd, { HOME: join(scratch, 'home') });
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/^error: Refusing to write the editions to --out /m);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.stderr).not.toMatch(/EEXIST|ENOTDIR/);
    expect([projectHash(), treeHash(scratch)]).toEqual(before);
  });
});

describe('a folder the tool wrote', () => {
  it('is marked on the first build; a rebuild replaces only the editions, never the editor\'s files beside them, and refuses to replace an edition holding files of theirs', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'out-fresh-')), 'new', 'editions');
    const first = await run(['build', '--lang', 'en', '--out', out, '--quiet']);
    expect(first.status, first.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(out, '.compendium-output.json'), 'utf8'))).toMatchObject({ wrote: expect.arrayContaining(['en', 'index.html', '.cache']) });
    writeFileSync(join(out, 'notes.txt'), 'the editor\'s\n');
    mkdirSync(join(out, 'fr'));
    writeFileSync(join(out, 'fr', 'draft.md'), 'the editor\'s\n');
    const mine = treeHash(join(out, 'fr'));
    const again = await run(['build', '--lang', 'en', '--out', out, '--quiet']);
    expect(again.status, again.stderr).toBe(0);
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('the editor\'s\n');
    expect(treeHash(join(out, 'fr'))).toBe(mine);
    expect(existsSync(join(out, 'en', 'compendium-en.pdf'))).toBe(true);

    // Files of the editor's inside an edition's folder: the next build refuses to replace it,
    // exit 2, nothing changed.
    writeFileSync(join(out, 'en', 'notes-by-editor.txt'), 'the editor\'s\n');
    mkdirSync(join(out, 'en', 'fonts', 'mine'));
    const before = treeHash(out);
    const started = Date.now();
    // With a Chromium of its own (not the shared one), refused at the lock while it still
    // opens its tabs: the build does not stay behind for Puppeteer's 30-second wait on a tab
    // whose browser was closed (it did).
    const refused = await cli(['build', '--lang', 'en', '--out', out, '--force', '--quiet'], {}, { session: false });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/Refusing to replace .*en: it holds fonts\/mine, notes-by-editor\.txt, which no build of this tool writes there/);
    expect(refused.stderr).not.toMatch(STACK);
    expect(treeHash(out)).toBe(before);
  });
});
