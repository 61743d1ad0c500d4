/**
 * Which characters an edition's declared fonts cover, from their @font-face unicode-range
 * (the @fontsource subsets are cut from each font's own character map). No I/O.
 */
import { memoize } from '../memo.js';

export type Coverage = (codePoint: number) => boolean;

/** Each stylesheet is parsed once, however many editions ask. */
export const coverageFromCss: (css: string) => Coverage = memoize(compile, 1000);

function compile(css: string): Coverage {
  const ranges: Array<[number, number]> = [];
  let unlimited = false;
  for (const rule of css.matchAll(/@font-face\s*\{([^}]*)\}/g)) {
    const range = /unicode-range:\s*([^;]+);/.exec(rule[1] ?? '')?.[1];
    if (!range) {
      unlimited = true;
      continue;
    }
    for (const part of range.split(',')) {
      const m = /U\+([0-9a-f?]+)(?:-([0-9a-f]+))?/i.exec(part.trim());
      if (!m?.[1]) continue;
      if (m[1].includes('?')) ranges.push([parseInt(m[1].replace(/\?/g, '0'), 16), parseInt(m[1].replace(/\?/g, 'f'), 16)]);
      else ranges.push([parseInt(m[1], 16), parseInt(m[2] ?? m[1], 16)]);
    }
  }
  if (unlimited) return () => true;
  // Sorted, merged ranges: a code point is looked up by binary search.
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [a, b] of ranges) {
    const last = merged.at(-1);
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  return (cp) => {
    let lo = 0;
    let hi = merged.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const [a, b] = merged[mid] as [number, number];
      if (cp < a) hi = mid - 1;
      else if (cp > b) lo = mid + 1;
      else return true;
    }
    return false;
  };
}
