/**
 * Progress of a build, one line per edition.
 *   On a terminal: the lines are redrawn in place as each edition moves through the stages
 *   (cursor up, clear line; each line cut to the terminal's width so nothing wraps), and at
 *   the end each line says where the edition was written.
 *   Elsewhere (CI logs, a pipe): plain lines, only for what takes time (`en: printing`) and
 *   the outcome; no control characters.
 * Written by hand rather than with log-update/listr2: they bring signal-exit, whose signal
 * handlers would race the build's own Ctrl-C clean-up, for the ~30 lines this needs.
 */
import type { Paint } from './color.js';

export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean | undefined;
  columns?: number | undefined;
}

export interface Progress {
  /** An edition reached a stage (the pipeline's names: transform, print, postprocess, unchanged …). */
  update(lang: string, stage: string): void;
  /** The outcome, one line per edition, replacing the progress lines on a terminal. */
  finish(lines: ReadonlyArray<{ lang: string; text: string }>): void;
  /** Take the progress lines away (a failed build: its findings follow). */
  clear(): void;
}

const STAGES: Record<string, string> = { transform: 'transforming', fonts: 'subsetting fonts', print: 'printing', postprocess: 'finishing the PDF' };

export function stageName(stage: string): string {
  return stage.startsWith('unchanged') ? 'unchanged' : (STAGES[stage] ?? stage);
}

export function createProgress(stream: ProgressStream, colors: Paint): Progress {
  const lines = new Map<string, string>();
  if (!stream.isTTY) {
    return {
      update(lang, stage) {
        if (stage === 'print') stream.write(`${lang}: ${stageName(stage)}\n`);
      },
      finish(outcome) {
        for (const { lang, text } of outcome) stream.write(`${lang}: ${text}\n`);
      },
      clear: () => undefined,
    };
  }
  let drawn = 0;
  // The line, language included, within the terminal's width less one column (a character
  // in the last column wraps on some terminals).
  const fit = (lang: string, s: string) => {
    // A terminal of unknown size (0 columns, as under `script` with no terminal) is taken as 80.
    const columns = stream.columns !== undefined && stream.columns > 0 ? stream.columns : 80;
    const width = Math.max(1, columns - 1 - lang.length - 2);
    const chars = [...s.replace(/\x1b\[[0-9;]*m/g, '')]; // measured without its colours
    return chars.length > width ? `${chars.slice(0, width - 1).join('')}…` : s;
  };
  const draw = () => {
    let out = drawn > 0 ? `\x1b[${drawn}A` : '';
    for (const [lang, text] of lines) out += `\r\x1b[2K${colors.bold(lang)}  ${fit(lang, text)}\n`;
    drawn = lines.size;
    stream.write(out);
  };
  return {
    update(lang, stage) {
      const name = stageName(stage);
      lines.set(lang, name === 'unchanged' ? colors.dim(name) : `${name}…`);
      draw();
    },
    finish(outcome) {
      for (const { lang, text } of outcome) lines.set(lang, text);
      draw();
    },
    clear() {
      if (drawn > 0) stream.write(`\x1b[${drawn}A\r\x1b[0J`);
      drawn = 0;
      lines.clear();
    },
  };
}
