/**
 * watch: builds, serves with live reload, rebuilds after an edit (printing only the edition
 * that changed, with the warm browser), tells open pages to reload, and stops on Ctrl-C.
 */
import { expect, it } from 'vitest';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, waitFor } from '../helpers/cli.js';
import { copySources, edit } from '../helpers/sources.js';


it('rebuilds on a change and reloads the preview', async () => {
  // French and the original it translates: what one edition's rebuild needs.
  const sources = await copySources(['en', 'fr']);
  const out = await mkdtemp(join(tmpdir(), 'watch-'));
  const stop = new AbortController();
  let log = '';
  const exited = cli(['watch', '--lang', 'fr', '--sources', sources, '--out', out, '--port', '0'], {}, { signal: stop.signal, onOutput: (o) => (log = o.stderr) });
  try {
    const [, port] = await waitFor(() => log, /preview on http:\/\/127\.0\.0\.1:(\d+)\//, 120_000);
    // The page loads the reload script from the server (an inline one would break its CSP).
    const page = await (await fetch(`http://127.0.0.1:${port}/fr/index.html`)).text();
    expect(page).toContain('<script src="/__live-reload.js"></script></body>');
    expect(await (await fetch(`http://127.0.0.1:${port}/__live-reload.js`)).text()).toContain("new EventSource('/__events')");
    expect(await readFile(join(out, 'fr', 'index.html'), 'utf8')).not.toContain('__live-reload');

    // Listen for the reload event, then edit one French paper.
    const events = await fetch(`http://127.0.0.1:${port}/__events`);
    const reader = events.body?.getReader();
    let received = '';
    const reading = (async () => {
      for (;;) {
        const chunk = await reader?.read();
        if (!chunk || chunk.done) return;
        received += Buffer.from(chunk.value).toString();
        if (received.includes('data: reload')) return;
      }
    })();
    await edit(join(sources, 'fr', 'papers', 'CTOC-COP-WG.4-2013-2.md'), (t) => t.replace(/\n$/, ' Phrase ajoutée en direct.\n'));
    await waitFor(() => log, /built in [\d.]+ s \(printed: fr\)/, 60_000);
    await Promise.race([reading, new Promise((r) => setTimeout(r, 10_000))]);
    expect(received, log).toContain('data: reload');
    expect(await readFile(join(out, 'fr', 'index.html'), 'utf8')).toContain('Phrase ajoutée en direct.');
    expect(log).toMatch(/fr: paragraphs rewritten 83/);
  } finally {
    stop.abort('SIGINT');
  }
  expect((await exited).status).toBe(130);
});
