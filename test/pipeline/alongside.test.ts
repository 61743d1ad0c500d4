/**
 * The build runner's `alongside` stages (the checks and the gate): they start once the first
 * edition is on its way to the printer and take turns with it; when they stop the build, no
 * edition starts after that, nothing after them runs, and their verdict is the build's even
 * when an edition failed meanwhile.
 */
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline.js';
import { ROOT, sharedSession } from '../helpers/cli.js';
import { copySources, edit } from '../helpers/sources.js';
import { treeHash } from '../helpers/tree-hash.js';
import { runEditions, type BuildState, type EditionStage, type Stage } from '../../src/run-stages.js';
import type { Lang } from '../../src/types.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

function fakeState(langs: Lang[], concurrency = 1): BuildState {
  return {
    options: { root: '/nowhere', outDir: '/nowhere/out' },
    coverage: new Map(),
    files: [],
    fixes: [],
    ok: true,
    cleanup: [],
    printer: () => Promise.reject(new Error('no printer')),
    concurrency,
    stopped: false,
    jobs: langs.map((lang) => ({ lang })),
    outputs: [],
    renumbering: {},
  };
}

function stages(log: string[], options: { printTurns?: number; failTransform?: Lang } = {}): EditionStage[] {
  const transform: EditionStage = async (job) => {
    log.push(`transform ${job.lang}`);
    if (job.lang === options.failTransform) throw new Error(`transform of ${job.lang} failed`);
  };
  const print: EditionStage = async (job) => {
    log.push(`print ${job.lang}`);
    for (let i = 0; i < (options.printTurns ?? 5); i++) await tick();
    log.push(`printed ${job.lang}`);
  };
  print.concurrent = true;
  print.handsOver = true;
  return [transform, print];
}

function checks(log: string[], ok: boolean): Array<Stage<BuildState>> {
  return [
    async (state) => {
      log.push('check');
      for (let i = 0; i < 3; i++) await tick(); // a rule at a time
      state.ok = ok;
      log.push('checked');
    },
    (state) => (state.ok ? undefined : 'stop'),
  ];
}

describe('checks alongside the editions', () => {
  it('start when the first edition goes to the printer, and run while it prints', async () => {
    const log: string[] = [];
    const state = fakeState(['en', 'fr', 'es']);
    await runEditions(stages(log), state, checks(log, true));
    expect(state.ok).toBe(true);
    expect(log.indexOf('check')).toBeGreaterThan(log.indexOf('print en'));
    expect(log.indexOf('check')).toBeLessThan(log.indexOf('printed en'));
    expect(log.filter((l) => l.startsWith('printed'))).toEqual(['printed en', 'printed fr', 'printed es']);
  });

  it('let the next edition be transformed only once the one before is in the printer’s hands', async () => {
    const log: string[] = [];
    const state = fakeState(['en', 'fr', 'es'], 2);
    const list = stages(log);
    // A stage between the transform and the print that takes turns (writing files).
    const stage: EditionStage = async (job) => {
      for (let i = 0; i < 3; i++) await tick();
      log.push(`staged ${job.lang}`);
    };
    stage.concurrent = true;
    await runEditions([list[0] as EditionStage, stage, list[1] as EditionStage], state, checks(log, true));
    expect(log.indexOf('transform fr')).toBeGreaterThan(log.indexOf('print en'));
    expect(log.indexOf('transform es')).toBeGreaterThan(log.indexOf('print fr'));
    expect(log.indexOf('check')).toBeGreaterThan(log.indexOf('print en'));
    expect(log.filter((l) => l.startsWith('printed')).sort()).toEqual(['printed en', 'printed es', 'printed fr']);
  });

  it('stop the build: no edition starts after their verdict, and it is the build’s', async () => {
    const log: string[] = [];
    const state = fakeState(['en', 'fr', 'es', 'ru', 'zh', 'ar']);
    await runEditions(stages(log, { printTurns: 40 }), state, checks(log, false));
    expect(state.ok).toBe(false);
    const verdict = log.indexOf('checked');
    expect(log.slice(verdict + 1).some((l) => l.startsWith('transform') || l.startsWith('print '))).toBe(false);
    expect(log.filter((l) => l.startsWith('print '))).toEqual(['print en']);
  });

  it('explain a failure of an edition transformed before they finished: their findings, not its error', async () => {
    const log: string[] = [];
    const state = fakeState(['en', 'fr']);
    await expect(runEditions(stages(log, { failTransform: 'en' }), state, checks(log, false))).resolves.toBeUndefined();
    expect(state.ok).toBe(false);
    expect(log).toContain('checked');
  });

  it('let an edition’s failure through when the sources pass', async () => {
    const state = fakeState(['en', 'fr']);
    await expect(runEditions(stages([], { failTransform: 'fr' }), state, checks([], true))).rejects.toThrow('transform of fr failed');
  });

  it('still run when no edition needs printing', async () => {
    const log: string[] = [];
    const unchanged: EditionStage = async () => 'done' as const;
    const state = fakeState(['en', 'fr']);
    await runEditions([unchanged], state, checks(log, false));
    expect(log).toEqual(['check', 'checked']);
    expect(state.ok).toBe(false);
  });
});

describe('a real build whose sources have an error (checked while the first edition prints)', () => {
  it('writes nothing: a new output folder is not left behind, an existing one is unchanged', async () => {
    const sourcesDir = await copySources(['en']);
    const parent = await mkdtemp(join(tmpdir(), 'alongside-'));
    const out = join(parent, 'new', 'output');
    // An error the loader lets through and a rule reports: a paper filed under an unknown theme.
    await edit(join(sourcesDir, 'en', 'papers', 'CTOC-COP-WG.4-2010-5.md'), (t) => t.replace('theme: case-management', 'theme: cases'));
    const failed = await build({ root: ROOT, outDir: out, sourcesDir, session: await sharedSession() });
    expect(failed.ok).toBe(false);
    expect(failed.files.flatMap((f) => f.messages.map((m) => m.ruleId))).toContain('compendium-structure');
    expect(existsSync(join(parent, 'new'))).toBe(false);

    const good = await copySources(['en']);
    expect((await build({ root: ROOT, outDir: out, sourcesDir: good, session: await sharedSession() })).ok).toBe(true);
    const before = treeHash(out);
    expect((await build({ root: ROOT, outDir: out, sourcesDir, force: true, session: await sharedSession() })).ok).toBe(false);
    expect(treeHash(out)).toBe(before);
  }, 120_000);
});
