/**
 * control-characters: no control character, invisible or bidirectional character in any source
 * (a safety check, after the "Trojan Source" attacks: such characters can make the text read in
 * the file differ from the text printed, and an escape sequence (ESC) shown by a terminal can
 * rewrite what it shows). The C0 controls (NUL, ESC, …; not tab, line feed and carriage return,
 * which sources hold for what they are), DEL and the C1 controls are reported as well as the
 * invisible and bidirectional ones. Separate from typography, so switching typography off does
 * not switch this off.
 */
import { lintRule } from '../rule.js';

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u;
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/gu;

function codePoint(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

export default lintRule(
  {
    id: 'control-characters',
    description: 'No control characters (NUL, ESC, …; tab and line breaks are fine), invisible or bidirectional characters in any source: they make the text read differ from the text printed, and a terminal acts on escape sequences.',
    example: 'papers/CTOC-COP-WG.4-2010-5.md:10:6 Invisible or bidirectional control character U+202E: remove it',
    fixable: true,
  },
  (context, report) => {
    for (const file of context.project.files) {
      const value = String(file.value ?? '');
      for (const match of value.matchAll(FORBIDDEN)) {
        const what = CONTROL.test(match[0]) ? 'Control character' : 'Invisible or bidirectional control character';
        report(file, context.pointAt(file, match.index), `${what} ${codePoint(match[0])}: remove it`, {
          start: match.index,
          end: match.index + match[0].length,
          text: '',
        });
      }
    }
  },
);
