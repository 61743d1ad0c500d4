/**
 * writeFilesAtomic interrupted (Ctrl-C: the command line's `interrupt`) at any step: the folder
 * ends as it was or with every file written, never with staged *.tmp or *.old files or with
 * some files new and some old. (Seen before: an export stopped by Ctrl-C left its *.tmp files.)
 */
import { expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFilesAtomic } from '../../src/write/sources.js';
import { interrupt } from '../../src/print/interrupt.js';

it('leaves the folder as it was or as it should be, whenever it is interrupted', async () => {
  const outcomes = new Set<string>();
  // Later and later, until the writing has ended before the interrupt came.
  for (let turns = 0; turns < 2000 && !outcomes.has('a.txt=new a b.txt=new b c.txt=new c'); turns++) {
    const dir = await mkdtemp(join(tmpdir(), 'atomic-'));
    await writeFile(join(dir, 'b.txt'), 'old b');
    const files = ['a', 'b', 'c'].map((n) => ({ path: join(dir, `${n}.txt`), data: `new ${n}` }));
    const writing = writeFilesAtomic(files).then(
      () => 'written',
      () => 'stopped',
    );
    for (let i = 0; i < turns; i++) await new Promise((resolve) => setImmediate(resolve));
    await interrupt();
    const outcome = await writing;
    const names = (await readdir(dir)).sort();
    const texts = await Promise.all(names.map((n) => readFile(join(dir, n), 'utf8')));
    const state = names.map((n, i) => `${n}=${texts[i]}`).join(' ');
    expect(['b.txt=old b', 'a.txt=new a b.txt=new b c.txt=new c'], `${outcome} after ${turns} turns`).toContain(state);
    outcomes.add(state);
  }
  expect(outcomes.size).toBe(2); // both ends were reached
});
