import { describe, expect, it } from 'vitest';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { cli } from '../helpers/cli.js';
import { copySources, edit, presentLangs } from '../helpers/sources.js';

describe('add-paper', () => {
  it('scaffolds the paper in every language; check then says what is left, and passes once it is written', async () => {
    const sources = await copySources(presentLangs());
    const run = await cli(['add-paper', '--sources', sources, '--symbol', 'CTOC/COP/WG.4/2021/2', '--year', '2021', '--meeting', '11', '--theme', 'demand', '--topic', 'emerging forms of demand']);
    expect(run.status, run.stderr).toBe(0);
    for (const lang of presentLangs()) {
      expect(await readdir(join(sources, lang, 'papers'))).toContain('CTOC-COP-WG.4-2021-2.md');
    }
    const en = await readFile(join(sources, 'en', 'papers', 'CTOC-COP-WG.4-2021-2.md'), 'utf8');
    expect(en).toContain('year: 2021\nmeeting: 11\ntheme: demand');
    expect(en).toContain('In 2021, for the eleventh meeting of the Working Group, the Secretariat drafted a background paper to inform the Group’s discussion on emerging forms of demand (CTOC/COP/WG.4/2021/2).');
    expect(run.stderr).toContain('What is left to do');
    expect(run.stderr).toMatch(/unfinished-text/);
    // The registry finding gives the two lines to add, in the registry's own layout.
    const registry = /^\S+CTOC-COP-WG\.4-2021-2\.md:\d+:\d+: error Meeting 11 is not in the meeting registry \(sources\/meetings\.yaml\) \(meetings\)\n {4}.*add these two lines.*\n((?: {4}.*\n){2})/m.exec(run.stderr);
    expect(registry, run.stderr).not.toBeNull();
    const toAdd = (registry?.[1] ?? '').replace(/^ {4}/gm, '');
    expect(toAdd).toBe('  - number: 11\n    year: 2021\n');

    const again = await cli(['add-paper', '--sources', sources, '--symbol', 'CTOC/COP/WG.4/2021/2', '--year', '2021', '--meeting', '11', '--theme', 'demand']);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('Already there');

    // The editor writes the text and registers the meeting: check passes.
    for (const lang of presentLangs()) {
      await edit(join(sources, lang, 'papers', 'CTOC-COP-WG.4-2021-2.md'), (t) => t.replace(/⟦topic[^⟧]*⟧/u, 'demand').replace(/⟦[^⟧]*⟧/u, 'Text.'));
    }
    await edit(join(sources, 'meetings.yaml'), (t) => `${t}${toAdd}`);
    const check = await cli(['check', '--sources', sources]);
    // Nothing left but the warnings about the translations' placeholder job numbers.
    expect(check.stderr).toContain('5 warnings');
    expect(check.stderr.split('\n').filter((l) => / (error|warning) /.test(l) && !l.includes('is a placeholder, not confirmed'))).toEqual([]);
    expect(check.status).toBe(0);
  });

  it('refuses an unknown theme or a malformed symbol', async () => {
    const sources = await copySources(presentLangs());
    const theme = await cli(['add-paper', '--sources', sources, '--symbol', 'CTOC/COP/WG.4/2021/2', '--year', '2021', '--meeting', '11', '--theme', 'nope']);
    expect(theme.status).toBe(1);
    expect(theme.stderr).toContain('Unknown theme "nope": one of ');
    const typo = await cli(['add-paper', '--sources', sources, '--symbol', 'CTOC/COP/WG.4/2021/2', '--year', '2021', '--meeting', '11', '--theme', 'demnd']);
    expect(typo.status).toBe(1);
    expect(typo.stderr).toContain('Unknown theme "demnd": did you mean "demand"?');
    const symbol = await cli(['add-paper', '--sources', sources, '--symbol', 'CTOC/COP/WG4/2021/2', '--year', '2021', '--meeting', '11', '--theme', 'demand']);
    expect(symbol.status).toBe(1);
    expect(symbol.stderr).toContain('missing dot in "WG4"');
  });
});
