/**
 * Regenerating after an update: an unchanged edition is not printed again, a change in one
 * language prints only that language, --force prints all (and subsets no font again), and the
 * renumbering report says which paragraph numbers moved.
 */
import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../helpers/cli.js';
import { copySources, edit, presentLangs } from '../helpers/sources.js';

describe('incremental builds', () => {
  it('prints only what changed, and reports renumbering', async () => {
    const sources = await copySources(presentLangs());
    const out = await mkdtemp(join(tmpdir(), 'incr-'));
    const args = ['build', '--lang', 'en,fr', '--out', out, '--sources', sources];

    const cold = await cli(args);
    expect(cold.status, cold.stderr).toBe(0);
    expect(cold.stderr).toContain('2 printed');
    // A rebuild with nothing changed: test/write/unchanged.test.ts (it stops before parsing)
    // and test/cli/ci-workflow.test.ts (what it says).

    // A new paragraph in one French paper: only French is printed again.
    await edit(join(sources, 'fr', 'papers', 'CTOC-COP-WG.4-2013-2.md'), (t) => t.replace(/\n$/, ' Phrase ajoutée.\n'));
    const frOnly = await cli(args);
    expect(frOnly.status, frOnly.stderr).toBe(0);
    expect(frOnly.stderr).toContain('1 printed');
    expect(frOnly.stderr).toMatch(/en: .*\(unchanged/);
    expect(frOnly.stderr).toMatch(/fr: paragraphs rewritten 83\n/);

    // A new paragraph in an English and French paper of paragraph 5: what follows moves.
    for (const lang of ['en', 'fr']) {
      await edit(join(sources, lang, 'papers', 'CTOC-COP-WG.4-2010-5.md'), (t) => {
        const parts = t.split('\n\n');
        parts.splice(2, 0, lang === 'en' ? 'A paragraph added after the first one.' : 'Un paragraphe ajouté après le premier.');
        return parts.join('\n\n');
      });
    }
    const moved = await cli(args);
    expect(moved.status, moved.stderr).toBe(0);
    expect(moved.stderr).toContain('2 printed');
    expect(moved.stderr).toMatch(/en: paragraphs renumbered 5→6, 6→7, .*88→89, 89→90; new 5\n/);
    expect(moved.stderr).toMatch(/fr: paragraphs renumbered 5→6, .*89→90; new 5\n/);
    const report = JSON.parse(await readFile(join(out, 'renumbering.json'), 'utf8')) as Record<string, { moved: Array<{ key: string; from: number; to: number }> }>;
    expect(report['en']?.moved).toHaveLength(85);
    expect(report['fr']?.moved[0]).toMatchObject({ from: 5, to: 6 });
    expect(report['fr']?.moved[0]?.key).toMatch(/^CTOC\/COP\/WG\.4\/2010\/5 [0-9a-f]{10}$/);

    // --force prints an unchanged edition again: test/write/unchanged.test.ts; and subsets no
    // font again: test/fonts/fonts-stage.test.ts (from the output folder's cache, in a new process).
  });
});
