/**
 * font-coverage: every character an edition prints is covered by one of the fonts its
 * locale declares, so nothing falls back silently to a system font (or prints as a box).
 */
import { lintRule } from '../rule.js';
import type { Coverage } from '../../model/fonts.js';

const SKIP = /[\s\u0000-\u001f⟦⟧]/u; // ⟦ ⟧ mark unfinished text (unfinished-text says so)

/** Whether a text holds a character the fonts lack that is reported (most files hold none): each character once. */
function lacks(value: string, covers: Coverage): boolean {
  for (const char of new Set(value)) if (!covers(char.codePointAt(0) ?? 0) && !SKIP.test(char)) return true;
  return false;
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
      const covers = context.coverage.get(edition.lang);
      if (!covers) continue;
      const fonts = edition.locale.fonts.map((f) => f.family).join(', ');
      // The edition's sources and its locale pack: every file the loader stamped with its language.
      const files = context.project.files.filter((f) => f.data.lang === edition.lang);
      for (const file of files) {
        const value = String(file.value ?? '');
        if (!lacks(value, covers)) continue;
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
