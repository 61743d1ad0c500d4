/**
 * `build --out` through the command line, against the real project: every shape that would put
 * the sources, templates or project at risk exits 2 with a clear message and changes nothing
 * (the trees are hashed before and after); a fresh folder is built and marked, and a rebuild
 * leaves what the editor put beside the editions alone.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/cli.js';
import { treeHash } from '../helpers/tree-hash.js';

const STACK = /\n\s+at .+:\d+:\d+/;
const BIN = join(ROOT, 'dist', 'bin', 'compendium.js');

function run(args: string[], cwd = ROOT, env: NodeJS.ProcessEnv = {}): { status: number | null; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000 });
  return { status: r.status, stderr: r.stderr };
}

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
    ['the sources, trailing slash', () => ({ out: 'sources/' }), /it is the sources/],
    ['one language of the sources', () => ({ out: 'sources/en' }), /inside the sources/],
    ['sources/..', () => ({ out: 'sources/..' }), /it is the project folder/],
    ['. in the project', () => ({ out: '.' }), /it is the project folder/],
    ['.. from the sources', () => ({ out: '..', cwd: join(ROOT, 'sources') }), /it is the project folder/],
    ['.. of the project', () => ({ out: '..' }), /contains the project folder/],
    ['the templates', () => ({ out: join(ROOT, 'templates') }), /it is the templates/],
    ['the code', () => ({ out: 'src' }), /project's own folder src/],
    ['a symlink to the sources', () => ({ out: join(scratch, 'to-sources') }), /it is the sources/],
    ['a folder inside a symlink to the project', () => ({ out: join(scratch, 'to-project', 'sources', 'fr') }), /inside the sources/],
    ['a folder someone filled', () => ({ out: join(scratch, 'mine') }), /not empty .* no build of this tool wrote it/],
    ['a file', () => ({ out: join(scratch, 'a-file') }), /it is a file, not a folder/],
    ['the home folder', () => ({ out: join(scratch, 'home') }), /home folder/],
    ['the sources in another case', () => ({ out: 'Sources' }), /only by case/],
    ['./sources/./', () => ({ out: './sources/./' }), /it is the sources/],
    ['a device', () => ({ out: '/dev/null' }), /it is a file, not a folder/],
    ['the file-system root', () => ({ out: '/' }), /root of the file system|contains the project folder/],
    ['a path under a file', () => ({ out: join(scratch, 'a-file', 'out') }), /a-file is a file, not a folder/],
  ];
  it.each(shapes)('%s', (_what, shape, message) => {
    const { out, cwd } = shape();
    const before = [projectHash(), treeHash(scratch)];
    const r = run(['build', '--lang', 'en', '--out', out], cwd, { HOME: join(scratch, 'home') });
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/^error: Refusing to write the editions to --out /m);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.stderr).not.toMatch(/EEXIST|ENOTDIR/);
    expect([projectHash(), treeHash(scratch)]).toEqual(before);
  });
});

describe('a folder the tool wrote', () => {
  it('is marked on the first build; a rebuild replaces only the editions, never the editor\'s files beside them', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'out-fresh-')), 'new', 'editions');
    const first = run(['build', '--lang', 'en', '--out', out, '--quiet']);
    expect(first.status, first.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(out, '.compendium-output.json'), 'utf8'))).toMatchObject({ wrote: expect.arrayContaining(['en', 'index.html', '.cache']) });
    writeFileSync(join(out, 'notes.txt'), 'the editor\'s\n');
    mkdirSync(join(out, 'fr'));
    writeFileSync(join(out, 'fr', 'draft.md'), 'the editor\'s\n');
    const mine = treeHash(join(out, 'fr'));
    const again = run(['build', '--lang', 'en', '--out', out, '--quiet', '--force']);
    expect(again.status, again.stderr).toBe(0);
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('the editor\'s\n');
    expect(treeHash(join(out, 'fr'))).toBe(mine);
    expect(existsSync(join(out, 'en', 'compendium-en.pdf'))).toBe(true);
  });
});
