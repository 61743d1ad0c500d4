/**
 * scripts/setup.mjs: it asks for what the command needs. Its decision, in process; and for
 * real, a user who is not root, on a machine where Chromium and poppler cannot be found
 * (CHROMIUM_PATH pointing nowhere, a PATH with only node, npm and sh), runs `npm run check`
 * and gets findings and exit codes, while `npm run build` names the install command.
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmod, mkdtemp, readdir, symlink, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/cli.js';
import { copySources, edit } from '../helpers/sources.js';
// @ts-expect-error: a plain script, without types
import { decide, needsOf } from '../../scripts/setup.mjs';

const chromium = { pkg: 'chromium', why: 'Chromium was not found' };
const poppler = { pkg: 'poppler-utils', why: 'pdftoppm is not installed' };

describe('what setup asks for', () => {
  it('only printing needs Chromium, only the tests need poppler, translate-toolkit, qpdf and xmllint', () => {
    for (const command of ['check', 'rules', 'serve', 'add-paper', 'index', undefined]) expect(needsOf('cli', command), String(command)).toEqual([]);
    expect(needsOf('cli', 'build')).toEqual(['chromium']);
    expect(needsOf('cli', 'watch')).toEqual(['chromium']);
    expect(needsOf('bench')).toEqual(['chromium']);
    expect(needsOf('test')).toEqual(['chromium', 'poppler-utils', 'translate-toolkit', 'qpdf', 'libxml2-utils']);
    expect(needsOf('all')).toEqual(['chromium', 'poppler-utils', 'translate-toolkit', 'qpdf', 'libxml2-utils']);
  });

  it('installs as root with apt-get, and otherwise stops with the exact command', () => {
    expect(decide({ missing: [], isRoot: false, hasApt: false })).toEqual({ install: [], stop: undefined });
    expect(decide({ missing: [chromium, poppler], isRoot: true, hasApt: true })).toEqual({ install: ['chromium', 'poppler-utils'], stop: undefined });
    const user = decide({ missing: [chromium, poppler], isRoot: false, hasApt: true });
    expect(user.install).toEqual([]);
    expect(user.stop).toEqual(['Chromium was not found', 'pdftoppm is not installed', expect.stringContaining('not root: run `sudo apt-get install chromium poppler-utils`')]);
    const noApt = decide({ missing: [poppler], isRoot: true, hasApt: false });
    expect(noApt.stop?.at(-1)).toBe('apt-get is not available: install poppler-utils with your package manager, then try again.');
  });
});

describe('a user who is not root, without Chromium and poppler', () => {
  const runuser = spawnSync('sh', ['-c', 'command -v runuser'], { encoding: 'utf8' }).stdout.trim();
  // As root, the run is as `nobody` (runuser), when `nobody` can read this checkout; a
  // checkout in root's private home cannot be, and then the same restricted run is as root,
  // where setup finds no apt-get on that PATH and must behave as for a user.
  const isRoot = process.getuid?.() === 0;
  const asNobody = isRoot && runuser !== '' && spawnSync(runuser, ['-u', 'nobody', '--', '/bin/sh', '-c', `test -r '${join(ROOT, 'dist', 'bin', 'compendium.js')}' && test -r '${join(ROOT, 'node_modules', 'vfile', 'package.json')}'`]).status === 0;
  let bin: string;
  let home: string;
  let broken: string;
  let clean: string;
  beforeAll(async () => {
    // A PATH with node, npm and sh only: no chromium, no pdftoppm, no apt-get.
    bin = await mkdtemp(join(tmpdir(), 'bin-'));
    for (const [name, target] of [['node', process.execPath], ['npm', spawnSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).stdout.trim()], ['sh', '/bin/sh']] as const) {
      await symlink(target, join(bin, name));
    }
    home = await mkdtemp(join(tmpdir(), 'home-'));
    clean = await copySources(['en']);
    broken = await copySources(['en']);
    await edit(join(broken, 'en', 'papers', 'CTOC-COP-WG.4-2010-5.md'), (t) => t.replace('theme: case-management', 'theme: case-managment'));
    // Readable (and the home writable) by the other user.
    for (const dir of [bin, home, clean, broken]) spawnSync('chmod', ['-R', 'a+rwX', dir]);
  });

  /** `npm run …` as `nobody` when the tests run as root (runuser), else as the user at hand. */
  function npmRun(args: string[]): { status: number | null; stdout: string; stderr: string } {
    const env = { PATH: bin, HOME: home, CHROMIUM_PATH: '/nonexistent/chromium', npm_config_update_notifier: 'false' };
    const command = asNobody ? [runuser, ['-u', 'nobody', '--', join(bin, 'npm'), ...args]] as const : [join(bin, 'npm'), args] as const;
    const r = spawnSync(command[0], [...command[1]], { cwd: ROOT, encoding: 'utf8', env, timeout: 120_000 });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  it('npm run check gives findings and exit codes', () => {
    if (asNobody) expect(spawnSync(runuser, ['-u', 'nobody', '--', 'id', '-u'], { encoding: 'utf8' }).stdout.trim()).not.toBe('0');
    const bad = npmRun(['run', 'check', '--', '--sources', broken]);
    expect(bad.status, bad.stderr).toBe(1);
    expect(bad.stderr).toMatch(/CTOC-COP-WG\.4-2010-5\.md:5:1: error Unknown theme `case-managment`: did you mean `case-management`\? \(compendium-structure\)/);
    expect(bad.stderr).not.toContain('setup:');

    const good = npmRun(['run', 'check', '--', '--sources', clean]);
    expect(good.status, good.stderr).toBe(0);
    expect(good.stderr).toContain('No problems found.');

    // As a CI script reads it: stdout is the JSON alone.
    const json = npmRun(['run', '--silent', 'check', '--', '--sources', broken, '--format', 'json']);
    expect(json.status).toBe(1);
    expect((JSON.parse(json.stdout) as Array<{ ruleId: string }>).map((f) => f.ruleId)).toContain('compendium-structure');
  });

  it('npm run build says how to install Chromium, exit 1, and writes nothing', async () => {
    const out = join(home, 'output');
    await mkdir(out);
    await chmod(out, 0o777);
    const run = npmRun(['run', 'build', '--', '--sources', clean, '--out', out]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('setup: Chromium was not found');
    expect(run.stderr).toMatch(/setup: (not root|apt-get is not available): install chromium with your package manager \(or set CHROMIUM_PATH/);
    if (asNobody || !isRoot) expect(run.stderr).toContain('setup: not root');
    expect(run.stderr).not.toContain('poppler');
    expect(await readdir(out)).toEqual([]);
    expect(existsSync(join(home, 'output', 'en'))).toBe(false);
  });
});
