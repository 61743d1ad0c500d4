import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hyphenator, SHY, wordByWord } from '../../src/transform/rehype-hyphenate.js';

// The package itself, text whole, as the plugin called it before it went word by word.
const require = createRequire(import.meta.url);
const whole = (patterns: string) => {
  const module = require(`hyphen/${patterns}`) as { hyphenateSync: (t: string, o: object) => string };
  return (text: string) => module.hyphenateSync(text, { hyphenChar: SHY, minWordLength: 5 });
};

// Characters around every boundary of the package's word reader: letters of the six
// scripts, digits, the apostrophe, ASCII punctuation, the U+2013–U+203C range and what
// lies next to it, white space of several kinds, '<' and '>' (its tag skipping), the soft
// hyphen, a lone surrogate half and an astral character.
const pieces = [
  'a', 'e', 'n', 't', 'A', 'É', 'é', 'ç', 'œ', 'ß', 'н', 'о', 'в', 'Р', 'ё', 'й', 'ь', 'م', 'ل', '中', '国', 'ñ', 'ü',
  '0', '9', "'", '’', '-', '.', ',', ';', ':', '!', '?', '(', ')', '[', ']', '{', '}', '~', '`', '@', '/', '\\', '_',
  '\u2012', '\u2013', '\u2014', '\u201c', '\u203c', '\u203d', '«', '»', ' ', '\u00a0', '\t', '\n', '\u2009', '\u3000',
  '<', '>', '</', SHY, '\ud83d', '𝔄', 'международной', 'организованной', 'transnationale', 'Protocol', 'ТОРГОВЛИ',
];
const text = fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((parts) => parts.join(''));

describe('hyphenation word by word', () => {
  for (const patterns of ['ru', 'fr', 'en-us', 'es']) {
    it(`gives what the hyphen package gives for the whole text (${patterns})`, () => {
      const direct = whole(patterns);
      const ours = wordByWord(direct);
      fc.assert(
        fc.property(text, (t) => {
          expect(ours(t)).toBe(direct(t));
        }),
        { numRuns: 3000 },
      );
    });
  }

  it('hyphenates the words of a text, each distinct word once', async () => {
    const calls: string[] = [];
    const ours = wordByWord((t) => (calls.push(t), `${t.slice(0, 3)}${SHY}${t.slice(3)}`));
    expect(ours('Protocol, protocol; Protocol.')).toBe(`Pro${SHY}tocol, pro${SHY}tocol; Pro${SHY}tocol.`);
    expect(calls).toEqual(['Protocol', 'protocol']);
    expect(await hyphenator('ru').then((h) => h('международной'))).toContain(SHY);
  });
});
