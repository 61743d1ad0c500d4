/**
 * The `compendium` program as a process (src/cli/bin.ts): what only a process shows. The
 * commands themselves are tested in process (test/helpers/cli.ts `cli`).
 *   - it finds its project from where the bundle is, and passes the exit code out;
 *   - colour on a real terminal;
 *   - a reader that stops early (EPIPE).
 * (Ctrl-C and kills: test/faults/signals.test.ts; `npm run` through setup: test/cli/setup.test.ts.)
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { cliProcess, ROOT } from '../helpers/cli.js';
import { copySources, edit, projectWith } from '../helpers/sources.js';

const BIN = join(ROOT, 'dist', 'bin', 'compendium.js');
const PAPER = join('en', 'papers', 'CTOC-COP-WG.4-2010-3.md');

let sources: string;
beforeAll(async () => {
  sources = await copySources(['en']);
  await edit(join(sources, PAPER), (t) => t.replace('The term “demand”', 'The term "demand"'));
});

describe('the program', () => {
  it('reads the project it was installed in (its configuration), and exits with the command’s code', async () => {
    const root = await projectWith('rules:\n  typography: warning\nyearSeries:\n  - CTOC/COP/WG.4\n');
    const plain = cliProcess(['check', '--sources', sources], {}, root);
    expect(plain.status, plain.stderr).toBe(0);
    expect(plain.stderr).toMatch(/warning Straight quotation mark.*\(typography\)/);
    expect(cliProcess(['check', '--sources', sources, '--frail'], {}, root).status).toBe(1);
    // This project's own configuration makes the same finding an error.
    expect(cliProcess(['check', '--sources', sources]).status).toBe(1);
    const usage = cliProcess(['check', '--forse']);
    expect(usage.status).toBe(2);
    expect(usage.stdout).toBe('');
  });

  // How NO_COLOR, FORCE_COLOR, TERM=dumb and the flags decide: test/cli/format.test.ts (useColor)
  // and test/cli/check.test.ts (in process); what only a real terminal shows is here.
  it('colours on a terminal, and never machine output', () => {
    const ESC = '\x1b[';
    /** Run check under a real pseudo-terminal (util-linux `script`), so stderr is a TTY. */
    const onTerminal = (env: Record<string, string>, ...args: string[]) => {
      const command = [process.execPath, BIN, 'check', '--sources', sources, ...args].map((a) => `'${a}'`).join(' ');
      const base = { ...process.env, TERM: 'xterm' } as Record<string, string | undefined>;
      delete base['NO_COLOR'];
      delete base['FORCE_COLOR'];
      return spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8', env: { ...base, ...env } }).stdout;
    };
    expect(onTerminal({})).toContain(`${ESC}31merror`);
    expect(onTerminal({ NO_COLOR: '1' })).not.toContain(ESC);
    expect(onTerminal({}, '--format', 'json')).not.toContain(ESC);
  });

  it("gives a reader that stops early (`check --format json | head`) no stack trace, and still the findings' exit code", async () => {
    const child = spawn(process.execPath, [BIN, 'check', '--format', 'json', '--sources', sources], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy(); // closed before the command writes
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|\n\s+at /);
    expect(code).toBe(1);
  });
});
