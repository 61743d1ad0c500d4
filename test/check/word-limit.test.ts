/**
 * The word limit: words counted as the UN counts them (src/model/word-count.ts), the real
 * original's count, the default limit of 8,500 when the configuration gives none, and the
 * limit the project configures.
 */
import { describe, expect, it } from 'vitest';
import { countWords } from '../../src/model/word-count.js';
import { countedStretches } from '../../src/check/rules/word-limit.js';
import { createContext } from '../../src/check/context.js';
import { loadConfig } from '../../src/load/config.js';
import { nodeDisk } from '../../src/load/read.js';
import { loadProject } from '../../src/load/project.js';
import { baseFile, checkFixture } from '../helpers/fixtures.js';
import { ROOT } from '../helpers/cli.js';

describe('words, as the UN counts them', () => {
  it.each([
    ['For each meeting, background papers were provided.', 7],
    ['gender- and age-sensitive approaches', 4],
    ['(a) coordination; (b) use of calendars', 6],
    ['papers – in all six languages — were provided', 7],
    ['see A/56/23 (Part III), A/RES/61/128 A-B and (CTOC/COP/WG.4/2010/5).', 5],
    ['秘书处于2010年编写了背景文件', 13],
    ['  ', 0],
  ])('%s: %i', (text, words) => {
    expect(countWords(text)).toBe(words);
  });
});

describe('the word limit', () => {
  it('the real English original counts 6,412 words, within the limit the project configures (8,500)', async () => {
    const project = await loadProject(ROOT, { langs: ['en'] });
    const original = project.originalEdition;
    expect(original?.lang).toBe('en');
    const context = createContext(project, { yearSeries: [] });
    const words = original ? countedStretches(original, context.pointAt).reduce((sum, s) => sum + s.words, 0) : 0;
    expect(words).toBe(6412);
    const config = await loadConfig({ root: ROOT, disk: nodeDisk });
    expect(config.rules['word-limit']).toMatchObject({ severity: 'error', options: { limit: 8500 } });
  });

  it('is 8,500 words when the configuration gives no limit', async () => {
    const intro = 'en/introduction.md';
    // The base's 142 words and 8,400 more (2,800 times three).
    const longer = `${baseFile(intro).trimEnd().replace(/\.$/, '')} ${Array.from({ length: 2800 }, () => 'and further papers').join(' ')}.\n`;
    const { messages } = await checkFixture({ name: 'long', files: { [intro]: longer } });
    expect(messages.filter((m) => m.ruleId === 'word-limit').map((m) => m.text)).toEqual([
      'en/papers/CTOC-COP-WG.4-2017-2.md:8:1: error: The original (en) has 8,542 words, 42 over the limit of 8,500: word 8,501 is here',
    ]);
    const { messages: under } = await checkFixture({ name: 'under', files: { [intro]: longer }, rules: { 'word-limit': ['error', { limit: 9000 }] } });
    expect(under.filter((m) => m.ruleId === 'word-limit')).toEqual([]);
  });
});
