/**
 * Watch keeps what it found between builds and checks again only the languages whose
 * sources changed. Whatever the edit, its findings must be exactly those of a full check.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { check, createWatchMemo, type CheckResult } from '../../src/pipeline.js';
import { ROOT } from '../helpers/cli.js';
import { copySources, edit, presentLangs } from '../helpers/sources.js';

function findings(result: CheckResult): string[] {
  return result.files
    .flatMap((f) => f.messages.map((m) => `${f.path}:${m.line ?? 0}:${m.column ?? 0} ${m.ruleId ?? ''} ${m.fatal === true ? 'error' : 'warning'} ${m.reason}`))
    .sort();
}

describe('checking again after an edit (watch)', () => {
  it('reports what a full check reports, edit after edit, and re-checks only the edited language', async () => {
    const langs = presentLangs();
    const dir = await copySources(langs);
    const memo = createWatchMemo();
    const fr = join(dir, 'fr', 'papers', 'CTOC-COP-WG.4-2013-2.md');
    const en = join(dir, 'en', 'papers', 'CTOC-COP-WG.4-2010-5.md');
    const steps: Array<[string, () => Promise<void>]> = [
      ['unchanged', async () => undefined],
      ['a French straight quote', () => edit(fr, (t) => t.replace(/\n$/, " l'ajout.\n"))],
      ['a French paragraph removed (parity)', () => edit(fr, (t) => t.replace(/\n\n[^\n]+\n$/, '\n'))],
      ['an English meeting that is not in the registry', () => edit(en, (t) => t.replace(/^meeting: \d+$/m, 'meeting: 3'))],
      ['the English put back', () => edit(en, (t) => t.replace(/^meeting: 3$/m, 'meeting: 2'))],
      ['a French unfinished marker', () => edit(fr, (t) => t.replace(/\n$/, ' ⟦à écrire⟧\n'))],
    ];
    for (const [what, change] of steps) {
      await change();
      const incremental = await check({ root: ROOT, sourcesDir: dir, memo });
      const full = await check({ root: ROOT, sourcesDir: dir });
      expect(findings(incremental), what).toEqual(findings(full));
      expect(incremental.ok, what).toBe(full.ok);
    }
    // Findings appeared along the way (the comparison above is not of two empty lists).
    const last = await check({ root: ROOT, sourcesDir: dir });
    expect(findings(last).some((f) => f.includes('unfinished-text'))).toBe(true);
    expect(findings(last).some((f) => f.includes('parity'))).toBe(true);
    // A French edit leaves the other translations' checked files as they were.
    const before = memo.check?.files.get(join(dir, 'es', 'introduction.md'));
    await edit(fr, (t) => t.replace(/\n$/, ' Encore.\n'));
    await check({ root: ROOT, sourcesDir: dir, memo });
    expect(before).toBeDefined();
    expect(memo.check?.files.get(join(dir, 'es', 'introduction.md'))).toBe(before);
    expect(memo.check?.files.get(fr)).not.toBe(undefined);
  });
});
