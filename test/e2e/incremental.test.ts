/**
 * Regenerating after an update: an unchanged edition is not printed again, a change in one
 * language prints only that language, --force prints all (and subsets no font again), and the
 * renumbering report says which paragraph numbers moved.
 */
import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, cli } from '../helpers/cli.js';
import { declaredFaces } from '../helpers/font-files.js';
import { copySources, edit, presentLangs } from '../helpers/sources.js';

describe('incremental builds', () => {
  it('prints only what changed, and reports renumbering', async () => {
    const sources = await copySources(presentLangs());
    const out = await mkdtemp(join(tmpdir(), 'incr-'));
    const args = ['build', '--lang', 'en,fr', '--out', out, '--sources', sources];

    const cold = await cli(args);
    expect(cold.status, cold.stderr).toBe(0);
    expect(cold.stderr).toContain('2 printed');
    const enPdf = join(out, 'en', 'compendium-en.pdf');
    const bytes = await readFile(enPdf);

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

    // --force prints again but subsets no font again: it ships what the cache holds. To see
    // that, the cached subset of a Tinos face of the English edition is replaced by the whole
    // face (it draws the same), which is what must then be shipped; nothing in the cache changes.
    const cacheDir = join(out, '.cache', 'fonts');
    const state = JSON.parse(await readFile(join(out, '.cache', 'state.json'), 'utf8')) as { fonts: Record<string, string[]> };
    const face = declaredFaces(await readFile(join(out, 'en', 'fonts', 'fonts.css'), 'utf8')).find((f) => f.family === 'Tinos')?.file ?? '?';
    const shippedSubset = await readFile(join(out, 'en', 'fonts', face));
    const key = (state.fonts['en'] ?? []).find((k) => existsSync(join(cacheDir, `${k}.woff2`)) && readFileSync(join(cacheDir, `${k}.woff2`)).equals(shippedSubset));
    expect(key, face).toBeDefined();
    const full = await readFile(join(ROOT, 'node_modules', '@fontsource', 'tinos', 'files', face));
    await writeFile(join(cacheDir, `${key}.woff2`), full);
    const subsets = async () => Object.fromEntries(await Promise.all((await readdir(cacheDir)).map(async (f) => [f, (await stat(join(cacheDir, f))).mtimeMs] as const)));
    const cached = await subsets();
    const forced = await cli([...args, '--force']);
    expect(forced.stderr).toContain('2 printed');
    expect(Buffer.compare(await readFile(enPdf), bytes)).not.toBe(0);
    expect(Buffer.compare(await readFile(join(out, 'en', 'fonts', face)), full)).toBe(0);
    expect(await subsets()).toEqual(cached);
  });
});
