import { describe, expect, it } from 'vitest';
import { applyTypography } from '../../src/transform/rehype-typography.js';

const FR = { nbspBefore: ':;!?»', nbspAfter: '«' };

describe('French no-break spaces', () => {
  it('turns the space before : ; ! ? » and after « into no-break spaces', () => {
    expect(applyTypography('« demande » ; voir : ceci ! Non ?', FR)).toBe('«\u00a0demande\u00a0»\u202f; voir\u00a0: ceci\u202f! Non\u202f?');
  });

  it('adds no space where there was none (URLs, times)', () => {
    expect(applyTypography('https://undocs.org 10:30', FR)).toBe('https://undocs.org 10:30');
  });
});
