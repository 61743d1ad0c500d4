/**
 * `compendium watch`: serve the output with live reload, build, and rebuild on every change to
 * the sources or templates — with one warm Chromium kept for the whole session, and only the
 * editions whose content changed printed again.
 *
 * The output folder is checked and the port bound before anything is built (a busy port stops
 * at once, with nothing started). Changes are seen by chokidar on the folders, not on files, so
 * an editor's atomic save (write a temporary file, rename it over the old one), `sed -i` or a
 * `git checkout` is seen every time; bursts are debounced and builds never overlap.
 */
import { relative } from 'node:path';
import type { Server } from 'node:http';
import { watch as chokidar } from 'chokidar';
import { build, createWatchMemo, type BuildResult } from '../pipeline.js';
import type { BrowserSession } from '../print/browser-session.js';
import type { Lang } from '../types.js';
import { checkOutputFolder } from '../write/output-folder.js';
import { DEFAULT_HOST, serve, type LiveReload } from './serve.js';

export interface WatchOptions {
  root: string;
  outDir: string;
  sourcesDir: string;
  templatesDir: string;
  port: number;
  host?: string | undefined;
  langs?: readonly Lang[] | undefined;
  /** Quiet time after a change before rebuilding (ms). */
  debounce?: number | undefined;
  /** The environment the builds see (default: the process's). */
  env?: NodeJS.ProcessEnv | undefined;
  /** A warm browser to print with, kept open when watch stops (default: one of watch's own). */
  session?: BrowserSession | undefined;
  log(line: string): void;
  report(result: BuildResult): void;
}

export async function watch(options: WatchOptions): Promise<{ stop(): Promise<void>; server: Server }> {
  // Nothing is started for an output folder that may not be written, or a port that is taken.
  checkOutputFolder(options.outDir, { root: options.root, sources: options.sourcesDir, templates: options.templatesDir });
  let reloader: LiveReload | undefined;
  const server = await serve(options.outDir, options.port, options.host ?? DEFAULT_HOST, { onReady: (r) => (reloader = r) });
  const session: BrowserSession = options.session ?? (await ownSession(options.env ?? process.env));
  const closeSession = () => (options.session ? Promise.resolve() : session.close());
  // Languages whose sources did not change are neither checked nor transformed again.
  const memo = createWatchMemo();
  let stopping = false;
  const run = async (why: string): Promise<void> => {
    const started = performance.now();
    options.log(`${why}: building`);
    try {
      const result = await build({ root: options.root, outDir: options.outDir, sourcesDir: options.sourcesDir, langs: options.langs, session, memo, env: options.env });
      options.report(result);
      const printed = result.outputs.filter((o) => !o.cached).map((o) => o.lang);
      options.log(
        result.ok
          ? `built in ${((performance.now() - started) / 1000).toFixed(2)} s (printed: ${printed.join(', ') || 'none'})`
          : 'not built: fix the errors above (the previous outputs are still served)',
      );
      if (result.ok) reloader?.reload();
    } catch (error) {
      if (!stopping) options.log(`error: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  // Changes come in bursts (an editor saves several files): wait for quiet, never overlap.
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const changed = new Set<string>();
  const watcher = chokidar([options.sourcesDir, options.templatesDir], {
    ignoreInitial: true,
    // An atomic save (unlink then add of the same name) is one change.
    atomic: true,
    // Editors' temporary and backup files are not sources.
    ignored: (path: string) => /(?:^|[\\/])(?:\.#|#)|~$|\.swp$|\.swx$|\.tmp$/u.test(path),
  });
  watcher.on('all', (_event, path) => {
    if (stopping) return;
    changed.add(relative(options.root, path) || path);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const what = [...changed].join(', ') || 'change';
      changed.clear();
      running = running.then(() => run(what));
    }, options.debounce ?? 150);
  });
  const ready = new Promise<void>((done) => watcher.once('ready', () => done()));
  try {
    await run('start');
    await ready;
  } catch (error) {
    await watcher.close();
    await new Promise<void>((done) => server.close(() => done()));
    await closeSession();
    throw error;
  }
  return {
    server,
    async stop() {
      stopping = true;
      clearTimeout(timer);
      await watcher.close();
      await running;
      await new Promise<void>((done) => server.close(() => done()));
      await closeSession();
    },
  };
}

/** Watch's own warm browser, found where the environment says. */
async function ownSession(env: NodeJS.ProcessEnv): Promise<BrowserSession> {
  const [{ BrowserSession: Session }, { launchBrowser, findChromium }] = await Promise.all([import('../print/browser-session.js'), import('../print/launch-chromium.js')]);
  return new Session(() => launchBrowser(findChromium(env)));
}
