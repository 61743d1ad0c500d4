import { describe, expect, it } from 'vitest';
import { wordDiff } from '../../src/translate/diff.js';

describe('the word diff of a changed original', () => {
  it('marks with … only the context it leaves out', () => {
    expect(wordDiff('Case management', 'Case management systems')).toBe('Case management {+systems+}');
    expect(wordDiff('one two three four five six seven', 'one two three four five SIX seven')).toBe('…two three four five [-six-]{+SIX+} seven');
    expect(wordDiff('a b c d e f g h', 'A b c d e f g h')).toBe('[-a-]{+A+} b c d e…');
  });

  it('says when only the spacing changed', () => {
    expect(wordDiff('a  b\nc', 'a b c')).toBe('no change in the words (only spacing)');
  });
});
