/**
 * Output safety, on a project laid out in a temporary folder: every shape of --out that would
 * put the sources, templates or project at risk is refused (and nothing is written), a folder
 * someone else filled is refused, and inside a marked folder only the tool's entries are replaced.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkOutputFolder, checkReplaceable, markOutputFolder, MARKER, OutputFolderError, readMarker, type ProtectedFolders } from '../../src/write/output-folder.js';
import { treeHash } from '../helpers/tree-hash.js';

let base: string;
let project: ProtectedFolders;
let before: string;
const savedHome = process.env['HOME'];

beforeEach(() => {
  base = realpathSync(mkdtempSync(join(tmpdir(), 'outsafety-')));
  const root = join(base, 'project');
  for (const dir of ['sources/en/papers', 'templates/locales', 'src', '.git', 'output']) mkdirSync(join(root, dir), { recursive: true });
  writeFileSync(join(root, 'sources', 'en', 'document.yaml'), 'title: x\n');
  writeFileSync(join(root, 'templates', 'edition.html'), '<html></html>\n');
  writeFileSync(join(root, 'src', 'main.ts'), 'export {};\n');
  writeFileSync(join(root, 'compendium.config.yaml'), 'rules: {}\n');
  project = { root, sources: join(root, 'sources'), templates: join(root, 'templates') };
  mkdirSync(join(base, 'home', 'me'), { recursive: true });
  writeFileSync(join(base, 'home', 'me', '.profile'), 'x\n');
  process.env['HOME'] = join(base, 'home', 'me');
  before = treeHash(base);
});

afterEach(() => {
  process.env['HOME'] = savedHome;
});

const refused = (out: string, folders = project): string => {
  try {
    checkOutputFolder(out, folders);
  } catch (error) {
    expect(error).toBeInstanceOf(OutputFolderError);
    expect((error as OutputFolderError).exitCode).toBe(2);
    return (error as Error).message;
  }
  throw new Error(`--out ${out} was accepted`);
};

describe('checkOutputFolder refuses', () => {
  it.each([
    ['the sources', 'sources', /it is the sources/],
    ['the sources with a trailing slash', 'sources/', /it is the sources/],
    ['a language folder of the sources', 'sources/en', /inside the sources/],
    ['a new folder inside the sources', 'sources/en/out', /inside the sources/],
    ['sources/.. (the project)', 'sources/..', /it is the project folder/],
    ['the project', '.', /it is the project folder/],
    ['the project with a trailing slash', './', /it is the project folder/],
    ['the parent of the project', '..', /contains the project folder/],
    ['the templates', 'templates', /it is the templates/],
    ['inside the templates', 'templates/locales', /inside the templates/],
    ['inside the project\'s code', 'src/out', /project's own folder src/],
    ['inside .git', '.git', /project's own folder \.git/],
    ['a round trip through output', 'output/../sources', /it is the sources/],
    ['the sources in another case', 'Sources', /differs from the project's folder sources only by case/],
    ['inside the templates in another case', 'TEMPLATES/x', /differs from the project's folder templates only by case/],
  ])('%s (--out %s)', (_what, out, message) => {
    expect(refused(join(project.root, out))).toMatch(message);
  });

  it('relative paths the same as absolute ones', () => {
    const cwd = process.cwd();
    process.chdir(project.root);
    try {
      expect(refused('.')).toMatch(/it is the project folder/);
      expect(refused('..')).toMatch(/contains the project folder/);
      expect(refused('sources/..')).toMatch(/it is the project folder/);
      expect(refused('./sources//')).toMatch(/it is the sources/);
    } finally {
      process.chdir(cwd);
    }
  });

  it('a symlink to the sources, to the project, or to a folder inside the sources', () => {
    symlinkSync(project.sources, join(base, 'link-sources'));
    symlinkSync(project.root, join(base, 'link-project'));
    symlinkSync(join(project.sources, 'en'), join(base, 'link-en'));
    before = treeHash(base);
    expect(refused(join(base, 'link-sources'))).toMatch(/it is the sources/);
    expect(refused(join(base, 'link-sources', 'new'))).toMatch(/inside the sources/);
    expect(refused(join(base, 'link-project'))).toMatch(/it is the project folder/);
    expect(refused(join(base, 'link-en'))).toMatch(/inside the sources/);
  });

  it('a folder that contains the sources through a symlink (the sources folder is a link into it)', () => {
    mkdirSync(join(base, 'shared', 'real-sources'), { recursive: true });
    symlinkSync(join(base, 'shared', 'real-sources'), join(base, 'sources-link'));
    const folders = { ...project, sources: join(base, 'sources-link') };
    before = treeHash(base);
    expect(refused(join(base, 'shared'), folders)).toMatch(/contains the sources/);
  });

  it('a file, and a path under a file: a clear message, not EEXIST', () => {
    writeFileSync(join(base, 'notes.txt'), 'mine\n');
    before = treeHash(base);
    expect(refused(join(base, 'notes.txt'))).toMatch(/it is a file, not a folder/);
    expect(refused(join(base, 'notes.txt', 'out'))).toMatch(/notes\.txt is a file, not a folder/);
  });

  it('the home folder, the file-system root', () => {
    expect(refused(join(base, 'home', 'me'))).toMatch(/home folder/);
    expect(refused('/')).toMatch(/root of the file system|contains the project/);
  });

  it('a non-empty folder no build wrote', () => {
    mkdirSync(join(base, 'papers'));
    writeFileSync(join(base, 'papers', 'draft.md'), 'mine\n');
    mkdirSync(join(base, 'papers', 'en'));
    before = treeHash(base);
    expect(refused(join(base, 'papers'))).toMatch(/not empty \(draft\.md, en\).*no build of this tool wrote it/);
  });

  afterEach(() => {
    expect(treeHash(base)).toBe(before); // a refusal writes nothing
  });
});

describe('checkOutputFolder accepts', () => {
  it('a new folder, an empty one, the project\'s output/, a marked one, and an older build recognized by its cache', async () => {
    expect(checkOutputFolder(join(base, 'new', 'out'), project)).toMatchObject({ wrote: [], unmarked: true });
    mkdirSync(join(base, 'empty'));
    expect(checkOutputFolder(join(base, 'empty'), project).unmarked).toBe(true);
    expect(checkOutputFolder(join(project.root, 'output'), project).unmarked).toBe(true);
    // The project's output/ is the tool's even unmarked: the tests leave pictures in it.
    mkdirSync(join(project.root, 'output', 'screenshots'));
    mkdirSync(join(project.root, 'output', 'en'));
    writeFileSync(join(project.root, 'output', 'en', 'index.html'), '<html></html>');
    expect(checkOutputFolder(join(project.root, 'output'), project)).toMatchObject({ wrote: ['en'], unmarked: true });
    expect(checkOutputFolder(join(project.root, 'new-output'), project).unmarked).toBe(true);

    const marked = checkOutputFolder(join(base, 'empty'), project);
    await markOutputFolder(marked, ['en', 'index.html']);
    expect(readMarker(join(base, 'empty'))?.wrote).toEqual(['en', 'index.html']);
    expect(checkOutputFolder(join(base, 'empty'), project)).toMatchObject({ wrote: ['en', 'index.html'], unmarked: false });

    const legacy = join(base, 'legacy');
    mkdirSync(join(legacy, '.cache'), { recursive: true });
    mkdirSync(join(legacy, 'en'));
    writeFileSync(join(legacy, '.cache', 'state.json'), '{}');
    writeFileSync(join(legacy, 'en', 'index.html'), '<html></html>');
    writeFileSync(join(legacy, 'notes.txt'), 'mine');
    const adopted = checkOutputFolder(legacy, project);
    expect(adopted.wrote.sort()).toEqual(['.cache', 'en']);
    expect(() => checkReplaceable(adopted, ['notes.txt'])).toThrow(/not written by a build/);
  });
});

describe('inside a marked folder only the tool\'s entries are replaced', () => {
  it('refuses an entry it did not write, and a symlink where an edition was', async () => {
    const out = join(base, 'out');
    const folder = checkOutputFolder(out, project);
    mkdirSync(join(out, 'en'), { recursive: true });
    await markOutputFolder(folder, ['en', 'index.html']);
    expect(() => checkReplaceable(folder, ['en', 'index.html', 'ru'])).not.toThrow(); // ours, or absent
    mkdirSync(join(out, 'fr'));
    writeFileSync(join(out, 'fr', 'my-translation.md'), 'mine');
    expect(() => checkReplaceable(folder, ['fr'])).toThrow(/Refusing to replace .*fr: it was not written by a build/);
    const again = checkOutputFolder(out, project);
    expect(() => checkReplaceable(again, ['fr'])).toThrow(OutputFolderError);
    // Someone replaced the edition with a link into the sources: never followed, never removed.
    const { rmSync } = await import('node:fs');
    rmSync(join(out, 'en'), { recursive: true });
    symlinkSync(project.sources, join(out, 'en'));
    expect(() => checkReplaceable(again, ['en'])).toThrow(/symbolic link/);
    expect(readMarker(out)?.wrote).toEqual(['en', 'index.html']);
    expect(MARKER.startsWith('.')).toBe(true); // never served (dot-files are not)
  });
});
