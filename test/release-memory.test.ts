/** src/release-memory.ts: a full collection over the threshold only, with the function Node's --expose-gc gives. */
import { getHeapStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { releaseMemory } from '../src/release-memory.js';

describe('releaseMemory', () => {
  it('does nothing under the threshold', () => {
    expect(releaseMemory(Number.MAX_SAFE_INTEGER)).toBe(false);
  });

  it('collects over it: the garbage is gone afterwards', () => {
    let garbage: unknown[] | undefined = Array.from({ length: 200_000 }, (_, i) => ({ i, text: `item ${i}` }));
    const withGarbage = getHeapStatistics().used_heap_size;
    garbage = undefined;
    expect(garbage).toBeUndefined();
    expect(releaseMemory(0)).toBe(true);
    expect(getHeapStatistics().used_heap_size).toBeLessThan(withGarbage - 5 * 1024 * 1024);
  });
});
