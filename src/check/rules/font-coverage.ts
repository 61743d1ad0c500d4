/**
 * font-coverage: every character an edition prints is covered by one of the fonts its
 * locale declares, so nothing falls back silently to a system font (or prints as a box).
 */
import { lintRule } from '../rule.js';
import type { Coverage } from '../../model/fonts.js';

const SKIP = /[\s\u0000-\u001f⟦⟧]/u; // ⟦ ⟧ mark unfinished text (unfinished-text says so)

/** The fonts' answer for each character of the Basic Multilingual Plane, asked once (the sources repeat a few hundred characters). */
function onceEach(covers: Coverage): Coverage {
  const known = new Uint8Array(0x10000); // 0 not asked yet, 1 covered, 2 not covered
  return (cp) => {
    if (cp > 0xffff) return covers(cp);
    let answer = known[cp];
    if (answer === 0) known[cp] = answer = covers(cp) ? 1 : 2;
    return answer === 1;
  };
}

export default lintRule(
  {
    id: 'font-coverage',
    description: "Every character of an edition's sources is covered by a font its locale declares: no silent fallback to a system font, no missing glyph.",
    example: 'zh/papers/CTOC-COP-WG.4-2010-5.md:5:12 Character "𠀀" (U+20000) is not covered by the fonts declared for zh (Tinos, Noto Serif SC)',
    fixable: false,
  },
  (context, report) => {
    for (const edition of context.editions) {
      const declared = context.coverage.get(edition.lang);
      if (!declared) continue;
      const covers = onceEach(declared);
      const fonts = edition.locale.fonts.map((f) => f.family).join(', ');
      // The edition's sources and its locale pack: every file the loader stamped with its language.
      const files = context.project.files.filter((f) => f.data.lang === edition.lang);
      for (const file of files) {
        const value = String(file.value ?? '');
        const yaml = file.extname === '.yaml';
        const reported = new Set<number>();
        let offset = 0;
        for (const line of value.split('\n')) {
          const comment = yaml ? line.search(/(^|\s)#/) : -1;
          const text = comment >= 0 ? line.slice(0, comment) : line;
          for (let i = 0; i < text.length; ) {
            const cp = text.codePointAt(i) ?? 0;
            const width = cp > 0xffff ? 2 : 1;
            if (!covers(cp) && !reported.has(cp)) {
              const char = String.fromCodePoint(cp);
              if (!SKIP.test(char)) {
                reported.add(cp);
                const hex = cp.toString(16).toUpperCase().padStart(4, '0');
                report(file, context.pointAt(file, offset + i), `Character "${char}" (U+${hex}) is not covered by the fonts declared for ${edition.lang} (${fonts})`);
              }
            }
            i += width;
          }
          offset += line.length + 1;
        }
      }
    }
  },
);
