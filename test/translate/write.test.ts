/** Writing a set of source files all or nothing (src/write/sources.ts). */
import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFilesAtomic } from '../../src/write/sources.js';

describe('writeFilesAtomic', () => {
  it('writes every file, replacing old ones, and leaves no temporary file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'atomic-'));
    await writeFile(join(dir, 'a.md'), 'old a');
    await writeFilesAtomic([{ path: join(dir, 'a.md'), data: 'new a' }, { path: join(dir, 'sub', 'b.yaml'), data: 'new b' }]);
    expect(await readFile(join(dir, 'a.md'), 'utf8')).toBe('new a');
    expect(await readFile(join(dir, 'sub', 'b.yaml'), 'utf8')).toBe('new b');
    expect((await readdir(dir)).sort()).toEqual(['a.md', 'sub']);
  });

  it('when one file cannot be written, changes none and leaves no temporary file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'atomic-'));
    await writeFile(join(dir, 'a.md'), 'old a');
    await writeFile(join(dir, 'blocker'), 'a file where a folder is needed');
    await expect(writeFilesAtomic([{ path: join(dir, 'a.md'), data: 'new a' }, { path: join(dir, 'blocker', 'b.yaml'), data: 'new b' }])).rejects.toThrow();
    expect(await readFile(join(dir, 'a.md'), 'utf8')).toBe('old a');
    expect((await readdir(dir)).sort()).toEqual(['a.md', 'blocker']);
  });
});
