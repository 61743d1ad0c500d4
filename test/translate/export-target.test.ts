/**
 * `translate export --out` has the build's guard: never into the sources, the templates, the
 * project's own folders, the home folder, a file-system root, nor a folder holding anything but
 * this tool's XLIFF exports; a file to be replaced is a plain file, not a link. A refusal exits 2,
 * names the reason, and writes nothing. (The shapes that would write outside a scratch folder if
 * the guard failed are tried on the guard itself; the command line on scratch copies.)
 */
import { describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readdir, symlink, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, ROOT } from '../helpers/cli.js';
import { copySources } from '../helpers/sources.js';
import { treeHash } from '../helpers/tree-hash.js';
import { checkExportTarget, OutputFolderError } from '../../src/write/output-folder.js';

const folders = (sources: string) => ({ root: ROOT, sources, templates: join(ROOT, 'templates') });
const refusal = (out: string, files: string[], sources = join(ROOT, 'sources')): string => {
  try {
    checkExportTarget(out, files, folders(sources));
    return '';
  } catch (error) {
    expect(error).toBeInstanceOf(OutputFolderError);
    return (error as Error).message;
  }
};

describe('the export guard', () => {
  it('refuses the places no output may go', () => {
    const sources = join(ROOT, 'sources');
    expect(refusal('/etc', ['/etc/compendium-fr.xlf'])).toMatch(/\/etc is not empty .* not XLIFF exports of this tool/);
    expect(refusal('/', ['/compendium-fr.xlf'])).toMatch(/root of the file system/);
    expect(refusal(homedir(), [join(homedir(), 'compendium-fr.xlf')])).toMatch(/your home folder/);
    expect(refusal(join(ROOT, 'src'), [join(ROOT, 'src', 'compendium-fr.xlf')])).toMatch(/project's own folder src/);
    expect(refusal(join(sources, 'fr'), [join(sources, 'fr', 'compendium-fr.xlf')])).toMatch(/inside the sources/);
    expect(refusal(join(sources, 'fr', 'x.xlf'), [join(sources, 'fr', 'x.xlf')])).toMatch(/inside the sources/);
    expect(refusal(join(ROOT, 'templates'), [join(ROOT, 'templates', 'compendium-fr.xlf')])).toMatch(/it is the templates/);
    expect(refusal(ROOT, [join(ROOT, 'compendium-fr.xlf')])).toMatch(/it is the project folder/);
    // The default, and a new folder inside output/, are fine.
    expect(refusal(join(ROOT, 'output', 'xliff'), [join(ROOT, 'output', 'xliff', 'compendium-fr.xlf')])).toBe('');
  });

  it('takes for an export only what holds XLIFF: a file of yours with an export\'s name, or one --out would replace, is refused', async () => {
    const scratch = await mkdtemp(join(tmpdir(), 'export-guard-'));
    const xliff = '<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fr"></xliff>\n';
    await mkdir(join(scratch, 'exports'));
    await writeFile(join(scratch, 'exports', 'compendium-es.xlf'), xliff);
    expect(refusal(join(scratch, 'exports'), [join(scratch, 'exports', 'compendium-fr.xlf')], join(ROOT, 'sources'))).toBe('');
    await mkdir(join(scratch, 'named'));
    await writeFile(join(scratch, 'named', 'compendium-es.xlf'), 'my notes, not an export\n');
    expect(refusal(join(scratch, 'named'), [join(scratch, 'named', 'compendium-fr.xlf')])).toMatch(/is not empty \(compendium-es\.xlf\) and holds files that are not XLIFF exports/);
    await mkdir(join(scratch, 'mine'));
    await writeFile(join(scratch, 'mine', 'thesis.xlf'), 'a chapter of mine\n');
    expect(refusal(join(scratch, 'mine', 'thesis.xlf'), [join(scratch, 'mine', 'thesis.xlf')])).toMatch(/thesis\.xlf exists and is not an XLIFF file: it would be replaced/);
    await writeFile(join(scratch, 'named', 'compendium-fr.xlf'), 'mine too\n');
    expect(refusal(join(scratch, 'named', 'compendium-fr.xlf'), [join(scratch, 'named', 'compendium-fr.xlf')])).toMatch(/not XLIFF exports|is not an XLIFF file/);
  });
});

describe('translate export --out on the command line', () => {
  it('writes into a new folder and again into it; refuses the sources, a filled folder and a link, exit 2, nothing written', async () => {
    const sources = await copySources(['en', 'fr']);
    const scratch = await mkdtemp(join(tmpdir(), 'export-out-'));
    const fresh = join(scratch, 'xliff');
    const first = await cli(['translate', 'export', '--lang', 'fr', '--sources', sources, '--out', fresh]);
    expect(first.status, first.stderr).toBe(0);
    expect(await readdir(fresh)).toEqual(['compendium-fr.xlf']);
    expect((await cli(['translate', 'export', '--lang', 'fr', '--sources', sources, '--out', fresh])).status).toBe(0);

    const filled = join(scratch, 'mine');
    await mkdir(filled);
    await writeFile(join(filled, 'notes.txt'), 'mine\n');
    const elsewhere = join(scratch, 'elsewhere.txt');
    await writeFile(elsewhere, 'not an export\n');
    const link = join(scratch, 'links');
    await mkdir(link);
    await symlink(elsewhere, join(link, 'fr.xlf'));
    const before = [treeHash(sources), treeHash(scratch)];
    for (const [out, why] of [
      [join(sources, 'fr'), /inside the sources/],
      [join(sources, 'fr', 'compendium-fr.xlf'), /inside the sources/],
      [filled, /is not empty \(notes\.txt\)/],
      [join(link, 'fr.xlf'), /is a symbolic link/],
    ] as const) {
      const run = await cli(['translate', 'export', '--lang', 'fr', '--sources', sources, '--out', out]);
      expect(run.status, `${out}: ${run.stderr}`).toBe(2);
      expect(run.stderr).toMatch(/^error: Refusing to write the XLIFF files to --out /m);
      expect(run.stderr).toMatch(why);
      expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    }
    expect([treeHash(sources), treeHash(scratch)]).toEqual(before);
  });
});
