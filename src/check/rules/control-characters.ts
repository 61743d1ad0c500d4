/**
 * control-characters: no invisible or bidirectional control character in any source (a
 * safety check, after the "Trojan Source" attacks: such characters can make the text read in
 * the file differ from the text printed). Separate from typography, so switching typography
 * off does not switch this off.
 */
import { lintRule } from '../rule.js';

const INVISIBLE = /[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/gu;

function codePoint(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

export default lintRule(
  {
    id: 'control-characters',
    description: 'No invisible or bidirectional control characters in any source (they make the text read differ from the text printed).',
    example: 'papers/CTOC-COP-WG.4-2010-5.md:10:6 Invisible or bidirectional control character U+202E: remove it',
    fixable: true,
  },
  (context, report) => {
    for (const file of context.project.files) {
      const value = String(file.value ?? '');
      for (const match of value.matchAll(INVISIBLE)) {
        report(file, context.pointAt(file, match.index), `Invisible or bidirectional control character ${codePoint(match[0])}: remove it`, {
          start: match.index,
          end: match.index + match[0].length,
          text: '',
        });
      }
    }
  },
);
