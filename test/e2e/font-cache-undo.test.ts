/**
 * An edit undone does not subset again: a character added to an English paper changes the
 * subset of the face that covers it; taken out again, the edition finds the subset it shipped
 * before in the output folder's font cache (kept one change longer), not a new one.
 */
import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { cli } from '../helpers/cli.js';
import { copySources, edit } from '../helpers/sources.js';

const cacheFiles = async (out: string): Promise<Map<string, number>> => {
  const dir = join(out, '.cache', 'fonts');
  return new Map(await Promise.all((await readdir(dir)).map(async (name) => [name, (await stat(join(dir, name))).mtimeMs] as const)));
};

describe('the font cache across an edit and its undoing', () => {
  it('keeps the subsets of the last change, and the undone edition ships them again without subsetting', async () => {
    const sources = await copySources(['en']);
    const out = await mkdtemp(join(tmpdir(), 'font-undo-'));
    const args = ['build', '--lang', 'en', '--out', out, '--sources', sources, '--quiet'];
    const paper = join(sources, 'en', 'papers', 'CTOC-COP-WG.4-2013-2.md');
    const original = await readFile(paper, 'utf8');

    expect((await cli(args)).status).toBe(0);
    const first = await cacheFiles(out);
    const firstCss = await readFile(join(out, 'en', 'fonts', 'fonts.css'), 'utf8');
    // ¤ (U+00A4): in the Latin faces' range, and in no English source.
    expect(original.includes('¤')).toBe(false);
    await edit(paper, (t) => t.replace(/\n$/, ' ¤\n'));
    expect((await cli(args)).status).toBe(0);
    const second = await cacheFiles(out);
    // New subsets for the Latin faces, and the first build's ones still there.
    expect([...second.keys()].filter((name) => !first.has(name)).length).toBeGreaterThan(0);
    for (const [name, time] of first) expect(second.get(name), name).toBe(time);

    await edit(paper, () => original);
    expect((await cli(args)).status).toBe(0);
    const third = await cacheFiles(out);
    // Nothing subset again: every file the first build made is the same file, untouched.
    for (const [name, time] of first) expect(third.get(name), name).toBe(time);
    expect(await readFile(join(out, 'en', 'fonts', 'fonts.css'), 'utf8')).toBe(firstCss);
  });
});
