/**
 * The browser's whole lifetime for one build: started at once, while the sources are loaded
 * and checked (it is the slowest thing to start; a build with nothing changed stopped before) — and
 * closed at the end if the build started it (watch passes in a warm session it keeps).
 * Puppeteer and pdf-lib are loaded only when something is printed: `check` stays light.
 */
import { required, runCleanup, type BuildState, type EditionJob } from '../stages.js';
import type { BrowserSession } from './session.js';
import { onInterrupt } from './interrupt.js';
import { releaseMemory } from '../memory.js';

export interface Printer {
  session: BrowserSession;
  print: (url: string) => Promise<Uint8Array>;
}

async function startPrinter(given: BrowserSession | undefined): Promise<Printer> {
  const { BrowserSession: Session, printWithRetry } = await import('./session.js');
  const session = given ?? new Session();
  return { session, print: (url) => printWithRetry(session, url) };
}

/**
 * Stage: the lazy printer for the build, started now, while the sources are loaded and checked
 * (a build with nothing to print has stopped before: the `unchanged` stage).
 * On Ctrl-C the browser is killed, the build marked stopped (nothing more is staged or
 * printed) and what the stages set up is undone (staged files, the lock).
 */
export async function browser(state: BuildState): Promise<void> {
  let started: Promise<Printer> | undefined;
  state.printer = () => (started ??= startPrinter(state.options.session));
  const given = state.options.session;
  const unregister = onInterrupt(async () => {
    state.stopped = true;
    if (started) (await started.catch(() => undefined))?.session.kill();
    await runCleanup(state);
  });
  state.cleanup.push(async () => {
    unregister();
    if (started && !given) await (await started).session.close();
  });
  // Printing is likely: a build with nothing changed has stopped before this stage. (A
  // session given by watch is warm already.)
  if (!given) (await state.printer()).session.warm();
}

/** Per-edition stage: print the staged HTML in Chromium. */
export async function print(job: EditionJob, state: BuildState): Promise<void> {
  if (state.stopped) throw new Error('The build was stopped');
  const printer = await state.printer();
  state.options.onProgress?.(job.lang, 'print');
  const printed = printer.print(new URL('print.html', required(job.staged, 'the staged edition').url).href);
  // While Chromium lays the page out, give back what transforming it left (large editions).
  setImmediate(releaseMemory);
  job.pdf = await printed;
}
print.concurrent = true;
