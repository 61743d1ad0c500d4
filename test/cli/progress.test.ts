/**
 * Build progress: on a terminal, one line per edition redrawn in place (read back through a
 * small terminal emulator: what the screen shows at the end, and that no line wraps); in a
 * log, plain lines without control characters.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createProgress } from '../../src/cli/progress.js';
import { paint } from '../../src/cli/color.js';

/** Enough of a VT100 for what the renderer writes: \r, \n, ESC[nA, ESC[2K, ESC[0J, and wrapping at `columns`. */
function terminal(columns: number) {
  const rows: string[] = [''];
  let row = 0;
  let col = 0;
  let wrapped = 0;
  const put = (ch: string) => {
    if (col >= columns) {
      wrapped++;
      row++;
      col = 0;
      if (rows.length <= row) rows.push('');
    }
    const line = (rows[row] ?? '').padEnd(col, ' ');
    rows[row] = line.slice(0, col) + ch + line.slice(col + 1);
    col++;
  };
  return {
    isTTY: true,
    columns,
    write(text: string) {
      const re = /\x1b\[(\d*)([A-Za-z])|\r|\n|[^\x1b\r\n]/gu;
      for (const m of text.matchAll(re)) {
        const token = m[0];
        if (m[2] === 'A') row = Math.max(0, row - Number(m[1] || 1));
        else if (m[2] === 'K') rows[row] = '';
        else if (m[2] === 'J') rows.splice(row + 1), (rows[row] = (rows[row] ?? '').slice(0, col));
        else if (m[2]) throw new Error(`unexpected escape ${token}`);
        else if (token === '\r') col = 0;
        else if (token === '\n') {
          row++;
          col = 0;
          if (rows.length <= row) rows.push('');
        } else put(token);
      }
    },
    screen: () => rows.slice(0, rows.at(-1) === '' ? -1 : undefined),
    wrapped: () => wrapped,
  };
}

const LANGS = ['ar', 'zh', 'en', 'fr', 'ru', 'es'];
const stages = ['transform', 'print', 'postprocess'];

describe('progress on a terminal', () => {
  it('keeps one line per edition, updated in place, none wrapping, whatever the order of events', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...LANGS), fc.constantFrom(...stages, 'unchanged (cached, not printed)', 'a stage with a very long name that would wrap on a narrow terminal')), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 20, max: 100 }),
        (events, columns) => {
          const tty = terminal(columns);
          const progress = createProgress(tty, paint(false));
          for (const [lang, stage] of events) progress.update(lang, stage);
          const seen = [...new Set(events.map(([lang]) => lang))];
          const screen = tty.screen();
          expect(screen).toHaveLength(seen.length);
          expect(screen.map((l) => l.split(' ')[0])).toEqual(seen);
          expect(tty.wrapped()).toBe(0);
          // Each line shows the edition's last stage (cut to the width).
          seen.forEach((lang, i) => {
            const last = [...events].reverse().find(([l]) => l === lang)?.[1] ?? '';
            const shown = last.startsWith('unchanged') ? 'unchanged' : ({ transform: 'transforming', print: 'printing', postprocess: 'finishing the PDF' } as Record<string, string>)[last] ?? last;
            expect(`${shown}…`.startsWith((screen[i] ?? '').slice(lang.length + 2).replace(/…$/, ''))).toBe(true);
          });
        },
      ),
    );
  });

  it('ends with where each edition was written, in place of the progress', () => {
    const tty = terminal(80);
    const progress = createProgress(tty, paint(false));
    for (const lang of ['en', 'fr']) for (const stage of stages) progress.update(lang, stage);
    progress.finish([
      { lang: 'en', text: 'output/en/compendium-en.pdf, output/en/index.html' },
      { lang: 'fr', text: 'output/fr/compendium-fr.pdf, output/fr/index.html' },
    ]);
    expect(tty.screen()).toEqual(['en  output/en/compendium-en.pdf, output/en/index.html', 'fr  output/fr/compendium-fr.pdf, output/fr/index.html']);
  });

  it('takes a terminal of unknown size (0 columns) as 80 wide', () => {
    const tty = { ...terminal(80), columns: 0 };
    const progress = createProgress(tty, paint(false));
    progress.update('en', 'print');
    expect(tty.screen()).toEqual(['en  printing…']);
  });

  it('clears its lines when the build stops or nothing was printed', () => {
    const tty = terminal(80);
    tty.write('before\n');
    const progress = createProgress(tty, paint(false));
    for (const lang of LANGS) progress.update(lang, 'unchanged (cached, not printed)');
    progress.clear();
    tty.write('6 editions unchanged, nothing printed\n');
    expect(tty.screen()).toEqual(['before', '6 editions unchanged, nothing printed']);
  });
});

describe('progress in a log', () => {
  it('writes plain lines, only for printing and the outcome, with no control characters', () => {
    let log = '';
    const progress = createProgress({ isTTY: false, write: (s: string) => (log += s) }, paint(false));
    for (const lang of ['en', 'fr']) for (const stage of stages) progress.update(lang, stage);
    progress.update('es', 'unchanged (cached, not printed)');
    progress.finish([{ lang: 'en', text: 'output/en/compendium-en.pdf' }]);
    expect(log).toBe('en: printing\nfr: printing\nen: output/en/compendium-en.pdf\n');
    expect(log).not.toMatch(/[\x1b\r]/);
  });
});
