/**
 * The build cache's hint for starting Chromium early: whether any input changed since the
 * cache was last written. Only a hint (the content hash decides what is printed), but a wrong
 * "no" would make every build after an edit wait for the browser.
 */
import { describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, writeFile, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inputsNewerThanCache, writeCache } from '../../src/write/cache.js';

describe('inputsNewerThanCache', () => {
  it('says yes with no cache, no after the cache is written, and yes again when a nested input changes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cache-hint-'));
    const sources = join(dir, 'sources');
    const out = join(dir, 'out');
    await mkdir(join(sources, 'fr', 'papers'), { recursive: true });
    const paper = join(sources, 'fr', 'papers', 'a.md');
    await writeFile(paper, 'text');
    const past = new Date(Date.now() - 60_000);
    await utimes(paper, past, past);
    expect(await inputsNewerThanCache(out, [sources])).toBe(true);
    await writeCache(out, { editions: {}, paragraphs: {}, fonts: {} });
    expect(await inputsNewerThanCache(out, [sources, join(dir, 'missing')])).toBe(false);
    const future = new Date(Date.now() + 60_000);
    await utimes(paper, future, future);
    expect(await inputsNewerThanCache(out, [sources])).toBe(true);
  });
});
