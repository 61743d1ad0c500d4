/** The font cache keeps what the recorded editions use and nothing else (src/write/font-cache.ts). */
import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pruneFontCache, readCachedFont, writeCachedFonts } from '../../src/write/font-cache.js';

describe('the font cache', () => {
  it('gives back what was kept under a key (a subset, or nothing to ship), nothing for another key, and prunes what is not kept', async () => {
    const out = await mkdtemp(join(tmpdir(), 'font-cache-'));
    expect(await readCachedFont(out, 'a')).toBeUndefined();
    // Two editions sharing a subset: written once.
    await writeCachedFonts(out, [
      { key: 'a', subset: new Uint8Array([1, 2, 3]) },
      { key: 'b', subset: new Uint8Array([4]) },
      { key: 'n', subset: undefined },
      { key: 'a', subset: new Uint8Array([1, 2, 3]) },
    ]);
    const written = (await stat(join(out, '.cache', 'fonts', 'a.woff2'))).mtimeMs;
    // What the cache has already is not written again.
    await new Promise((r) => setTimeout(r, 20));
    await writeCachedFonts(out, [{ key: 'a', subset: new Uint8Array([1, 2, 3]) }]);
    expect((await stat(join(out, '.cache', 'fonts', 'a.woff2'))).mtimeMs).toBe(written);
    // What a write cut short by a crash leaves behind.
    await writeFile(join(out, '.cache', 'fonts', 'c.woff2.123.tmp'), 'x');
    // A file this cache never writes, put there by someone.
    await writeFile(join(out, '.cache', 'fonts', 'notes.txt'), 'mine');
    expect(await readCachedFont(out, 'a')).toEqual({ subset: new Uint8Array([1, 2, 3]) });
    expect(await readCachedFont(out, 'n')).toEqual({ subset: undefined });
    expect(await readCachedFont(out, 'c')).toBeUndefined();
    await pruneFontCache(out, new Set(['a', 'n']));
    expect((await readdir(join(out, '.cache', 'fonts'))).filter((n) => n !== 'notes.txt').sort()).toEqual(['a.woff2', 'n.none']);
    expect(await readFile(join(out, '.cache', 'fonts', 'notes.txt'), 'utf8')).toBe('mine');
    // No cache folder yet: nothing to prune.
    await pruneFontCache(await mkdtemp(join(tmpdir(), 'font-cache-none-')), new Set());
  });
});
