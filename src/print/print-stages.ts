/**
 * The browser's whole lifetime for one build: started at once, while the sources are loaded
 * and checked (it is the slowest thing to start; a build with nothing changed stopped before) — and
 * closed at the end if the build started it (watch passes in a warm session it keeps).
 * A build's own browser runs in a thread of its own (browser-thread.ts): Puppeteer is loaded
 * there, and Chromium's launch, its tabs and its answers do not wait while this thread reads
 * and transforms the sources. Puppeteer and pdf-lib are loaded only when something is
 * printed: `check` stays light.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { envOf, required, runCleanup, type BuildState, type EditionJob } from '../run-stages.js';
import type { BrowserSession } from './browser-session.js';
import { onInterrupt } from './interrupt.js';
import { releaseMemory } from '../release-memory.js';

/** What the build asks of the browser, in this thread or in its own. */
export interface Printer {
  /** Launch Chromium now if it is not running, with `tabs` tabs opened and made ready. */
  warm: (tabs: number) => void;
  print: (url: string) => Promise<Uint8Array>;
  close: () => Promise<void>;
  kill: () => void | Promise<void>;
}

/** The browser's thread, beside this module once compiled (not when the sources run as TypeScript). */
const WORKER = new URL('./browser-thread.js', import.meta.url);

async function startPrinter(given: BrowserSession | undefined, env: NodeJS.ProcessEnv): Promise<Printer> {
  if (!given && existsSync(fileURLToPath(WORKER))) {
    const { WorkerPrinter } = await import('./browser-thread-client.js');
    return new WorkerPrinter(WORKER, env);
  }
  const [{ BrowserSession: Session, printWithRetry }, { launchBrowser, findChromium }, { printTimeout }] = await Promise.all([import('./browser-session.js'), import('./launch-chromium.js'), import('./print-page.js')]);
  const session = given ?? new Session(() => launchBrowser(findChromium(env)));
  const timeout = printTimeout(env);
  return { warm: (tabs) => session.warm(tabs), print: (url) => printWithRetry(session, url, { timeout }), close: () => session.close(), kill: () => session.kill() };
}

/**
 * Stage: the lazy printer for the build, started now, while the sources are loaded and checked
 * (a build with nothing to print has stopped before: the `unchanged` stage).
 * On Ctrl-C the browser is killed, the build marked stopped (nothing more is staged or
 * printed) and what the stages set up is undone (staged files, the lock).
 */
export async function browser(state: BuildState): Promise<void> {
  let started: Promise<Printer> | undefined;
  state.printer = () => (started ??= startPrinter(state.options.session, envOf(state.options)));
  const given = state.options.session;
  const unregister = onInterrupt(async () => {
    state.stopped = true;
    if (started) await (await started.catch(() => undefined))?.kill();
    await runCleanup(state);
  });
  state.cleanup.push(async () => {
    unregister();
    if (started && !given) await (await started).close();
  });
  // Printing is likely: a build with nothing changed has stopped before this stage. (A
  // session given by watch is warm already.)
  if (!given) (await state.printer()).warm(0);
}

/**
 * Stage, once the sources are read: as many tabs as editions will print at once, opened and
 * made ready while the first edition is transformed (a given warm session has its own).
 */
export async function tabs(state: BuildState): Promise<void> {
  if (state.options.session) return;
  const editions = required(state.project, 'the project').editions.length;
  (await state.printer()).warm(Math.min(state.concurrency, editions));
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
print.handsOver = true;

