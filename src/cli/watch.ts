/**
 * `compendium watch`: build, serve the output with live reload, and rebuild on every change
 * to the sources or templates — with one warm Chromium kept for the whole session, and only
 * the editions whose content changed printed again.
 */
import { watch as watchFiles } from 'node:fs';
import { relative } from 'node:path';
import type { Server } from 'node:http';
import { build, createMemo, type BuildResult } from '../pipeline.js';
import { BrowserSession } from '../print/session.js';
import { serve, type LiveReload } from './serve.js';

export interface WatchOptions {
  root: string;
  outDir: string;
  sourcesDir: string;
  templatesDir: string;
  port: number;
  log(line: string): void;
  report(result: BuildResult): void;
}

export async function watch(options: WatchOptions): Promise<{ stop(): Promise<void>; server: Server }> {
  const session = new BrowserSession();
  // Languages whose sources did not change are neither checked nor transformed again.
  const memo = createMemo();
  let reloader: LiveReload | undefined;
  const run = async (why: string): Promise<void> => {
    const started = performance.now();
    options.log(`${why}: building`);
    try {
      const result = await build({ root: options.root, outDir: options.outDir, sourcesDir: options.sourcesDir, session, memo });
      options.report(result);
      const printed = result.outputs.filter((o) => !o.cached).map((o) => o.lang);
      options.log(
        result.ok
          ? `built in ${((performance.now() - started) / 1000).toFixed(2)} s (printed: ${printed.join(', ') || 'none'})`
          : 'not built: fix the errors above (the previous outputs are still served)',
      );
      if (result.ok) reloader?.reload();
    } catch (error) {
      options.log(`error: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  await run('start');
  const server = await serve(options.outDir, options.port, '127.0.0.1', { onReady: (r) => (reloader = r) });

  // Changes come in bursts (an editor saves several files): wait for quiet, never overlap.
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const changed = new Set<string>();
  const onChange = (dir: string) => (_event: string, name: string | Buffer | null) => {
    if (name) changed.add(relative(options.root, `${dir}/${name.toString()}`));
    clearTimeout(timer);
    timer = setTimeout(() => {
      const what = [...changed].join(', ') || 'change';
      changed.clear();
      running = running.then(() => run(what));
    }, 150);
  };
  const watchers = [options.sourcesDir, options.templatesDir].map((dir) => watchFiles(dir, { recursive: true }, onChange(dir)));
  return {
    server,
    async stop() {
      clearTimeout(timer);
      for (const w of watchers) w.close();
      await running;
      await new Promise<void>((done) => server.close(() => done()));
      await session.close();
    },
  };
}
