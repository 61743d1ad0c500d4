/**
 * Which characters an edition's declared fonts cover, from their @font-face unicode-range
 * (the @fontsource subsets are cut from each font's own character map). No I/O.
 */
export type Coverage = (codePoint: number) => boolean;

export function coverageFromCss(css: string): Coverage {
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
  const known = new Map<number, boolean>();
  return (cp) => {
    let covered = known.get(cp);
    if (covered === undefined) {
      covered = unlimited || ranges.some(([a, b]) => cp >= a && cp <= b);
      known.set(cp, covered);
    }
    return covered;
  };
}
