/**
 * A build with nothing changed since the last one (same code, same bytes read, same options,
 * the output folder as that build left it) stops before parsing anything, and reports the
 * last build's findings again, exactly. Anything else goes through the whole pipeline.
 */
import { appendFile, readFile, utimes } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline.js';
import { diagnostics } from '../../src/cli/format.js';
import { ROOT, sharedSession } from '../helpers/cli.js';
import { copySources, edit } from '../helpers/sources.js';

describe('a build with nothing changed', () => {
  it('stops before parsing, reports the same findings, and sees every change', async () => {
    const sourcesDir = await copySources(['en', 'fr']);
    const outDir = await mkdtemp(join(tmpdir(), 'unchanged-'));
    const options = { root: ROOT, outDir, sourcesDir, langs: ['fr' as const], session: await sharedSession() };
    const shown = (files: Parameters<typeof diagnostics>[0]) => diagnostics(files, sourcesDir);

    const first = await build(options);
    expect(first.ok).toBe(true);
    expect(first.project).toBeDefined();
    expect(first.outputs.map((o) => [o.lang, o.cached])).toEqual([['fr', false]]);
    const findings = shown(first.files);
    expect(findings.map((f) => f.ruleId)).toContain('job-number'); // the placeholder job number
    const html = await readFile(join(outDir, 'fr', 'index.html'), 'utf8');

    const again = await build(options);
    expect(again.ok).toBe(true);
    expect(again.project).toBeUndefined(); // nothing was parsed
    expect(again.outputs.map((o) => [o.lang, o.cached])).toEqual([['fr', true]]);
    expect(shown(again.files)).toEqual(findings);

    // A source saved again with the same bytes is no change.
    const paper = join(sourcesDir, 'fr', 'papers', 'CTOC-COP-WG.4-2013-2.md');
    await utimes(paper, new Date(), new Date());
    expect((await build(options)).project).toBeUndefined();

    // The output folder edited by hand: the whole pipeline runs, and puts the edition back.
    await appendFile(join(outDir, 'fr', 'index.html'), '<!-- edited -->');
    const repaired = await build(options);
    expect(repaired.project).toBeDefined();
    expect(repaired.outputs.map((o) => [o.lang, o.cached])).toEqual([['fr', false]]);
    expect(await readFile(join(outDir, 'fr', 'index.html'), 'utf8')).toBe(html);
    expect((await build(options)).project).toBeUndefined();

    // Other options, or --force: the whole pipeline.
    expect((await build({ ...options, langs: ['en' as const, 'fr' as const] })).project).toBeDefined();
    const forced = await build({ ...options, force: true });
    expect(forced.project).toBeDefined();
    expect(forced.outputs.map((o) => [o.lang, o.cached])).toEqual([['fr', false]]); // printed again

    // A source changed: the whole pipeline; the edited language is printed again.
    await edit(paper, (t) => t.replace(/\n$/, ' Phrase ajoutée.\n'));
    const changed = await build(options);
    expect(changed.project).toBeDefined();
    expect(changed.outputs.map((o) => [o.lang, o.cached])).toEqual([['fr', false]]);
  }, 120_000);
});
