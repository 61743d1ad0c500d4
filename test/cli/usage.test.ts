/**
 * The command line's conventions (tsc, eslint, remark-cli): misuses of every command exit 2
 * with that command's usage on stderr and nothing on stdout; --help on stdout with exit 0;
 * --version; options are checked against each command's own table.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, ROOT } from '../helpers/cli.js';
import { parseCommand, UsageError, type CommandSpec } from '../../src/cli/args.js';

const COMMANDS = ['build', 'check', 'rules', 'add-paper', 'serve', 'watch', 'index'];

/** A misuse must not run anything: exit 2, the command's usage on stderr, stdout empty. */
async function expectUsage(args: string[], command: string | undefined, words: RegExp): Promise<void> {
  const run = await cli(args);
  expect(run.status, `${args.join(' ')}\n${run.stderr}`).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(words);
  expect(run.stderr).toContain(command ? `Usage: compendium ${command}` : 'Usage: compendium <command>');
  expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
}

describe('usage errors, through the command line', () => {
  it.each([
    [['build', '--fix'], 'build', /^compendium build: unknown option --fix$/m],
    [['build', '--forse'], 'build', /unknown option --forse \(did you mean --force\?\)/],
    [['build', 'en'], 'build', /unexpected argument "en"/],
    [['build', '--lang'], 'build', /--lang needs a value/],
    [['build', '--lang', '--force'], 'build', /--lang needs a value/],
    [['build', '--lang', 'de'], 'build', /Unknown language de/],
    [['build', '--quiet=yes'], 'build', /--quiet takes no value/],
    [['check', '--quiet'], 'check', /unknown option --quiet/],
    [['check', '--format', 'xml'], 'check', /Unknown format "xml"/],
    [['check', '--format', 'jsn'], 'check', /did you mean json\?/],
    [['check', '--max-warnings', 'many'], 'check', /--max-warnings takes a whole number/],
    [['check', 'no/such/file.md'], 'check', /no\/such\/file\.md: no such file or folder/],
    [['check', 'README.md'], 'check', /README\.md is not in the sources folder/],
    [['check', 'sources/en/notes.txt'], 'check', /no such file/],
    [['check', '--sources', '/nonexistent'], 'check', /--sources \/nonexistent: the folder does not exist/],
    [['check', '--sources', 'README.md'], 'check', /--sources README\.md: not a folder/],
    [['rules', '--lang', 'en'], 'rules', /unknown option --lang/],
    [['rules', 'extra'], 'rules', /unexpected argument "extra"/],
    [['add-paper', '--symbol', 'CTOC/COP/WG.4/2021/2'], 'add-paper', /needs --symbol, --year, --meeting \(a number\) and --theme/],
    [['add-paper', '--colour'], 'add-paper', /unknown option --colour \(did you mean --color\?\)/],
    [['serve', '--port', 'http'], 'serve', /--port takes a port number/],
    [['serve', '--port', '70000'], 'serve', /--port takes a port number/],
    [['serve', '--sources', 'sources'], 'serve', /unknown option --sources/],
    [['watch', '--force'], 'watch', /unknown option --force/],
    [['index', '--out', '/nonexistent'], 'index', /--out \/nonexistent: the folder does not exist/],
    [['index', '--lang', 'en'], 'index', /unknown option --lang/],
    [['buidl'], undefined, /^compendium: Unknown command "buidl" \(did you mean build\?\)$/m],
    [['--lang', 'en', 'build'], undefined, /options go after the command/],
    [[], undefined, /a command is needed/],
    [['help', 'nope'], undefined, /Unknown command "nope"/],
  ] as Array<[string[], string | undefined, RegExp]>)('%j', async (args, command, words) => {
    await expectUsage(args, command, words);
  });

  it('every command has its own --help on stdout, exit 0', async () => {
    for (const command of COMMANDS) {
      const run = await cli([command, '--help']);
      expect(run.status, command).toBe(0);
      expect(run.stderr).toBe('');
      expect(run.stdout).toMatch(new RegExp(`^Usage: compendium ${command}\\b`));
      expect(run.stdout).toContain('-h, --help');
    }
    expect((await cli(['help', 'check'])).stdout).toBe((await cli(['check', '-h'])).stdout);
    const general = await cli(['--help']);
    expect(general.status).toBe(0);
    for (const command of COMMANDS) expect(general.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
  });

  it('--version prints the package version alone on stdout', async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-v']) {
      const run = await cli([flag]);
      expect(run.status).toBe(0);
      expect(run.stdout).toBe(`${version}\n`);
      expect(run.stderr).toBe('');
    }
  });
});

describe('parseCommand (in process)', () => {
  const spec: CommandSpec = {
    name: 'demo',
    summary: 'A demo.',
    positionals: { name: '[path…]', help: 'paths' },
    options: {
      lang: { type: 'string', help: 'languages' },
      fix: { type: 'boolean', help: 'fix' },
      color: { type: 'boolean', negatable: true, help: 'colour' },
      help: { type: 'boolean', short: 'h', help: 'help' },
    },
  };

  it('reads values, negations, inline values and positionals after --', () => {
    expect(parseCommand(spec, ['--lang', 'en', '--no-color', 'a.md', '--', '--fix'])).toEqual({ values: { lang: 'en', color: false }, positionals: ['a.md', '--fix'] });
    expect(parseCommand(spec, ['--lang=fr', '--color', '-h', '--fix'])).toEqual({ values: { lang: 'fr', color: true, help: true, fix: true }, positionals: [] });
    expect(() => parseCommand(spec, ['--no-fix'])).toThrow(/unknown option --no-fix/);
    expect(() => parseCommand(spec, ['--no-color=1'])).toThrow(UsageError);
  });

  it('any option the table lacks is a usage error naming the command, never accepted silently', () => {
    const known = new Set(['lang', 'fix', 'color', 'no-color', 'help']);
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z][a-z-]{0,12}$/).filter((name) => !known.has(name)),
        fc.boolean(),
        (name, inline) => {
          const arg = inline ? `--${name}=x` : `--${name}`;
          try {
            parseCommand(spec, [arg]);
            return false;
          } catch (error) {
            return error instanceof UsageError && error.command === spec && error.message.startsWith(`demo: unknown option --${name}`);
          }
        },
      ),
    );
  });

  it('a command without positionals refuses any stray argument', () => {
    const none: CommandSpec = { ...spec, positionals: undefined as never };
    delete (none as Partial<CommandSpec>).positionals;
    fc.assert(
      fc.property(fc.string({ minLength: 1 }).filter((s) => !s.startsWith('-')), (word) => {
        expect(() => parseCommand(none, [word])).toThrow(/unexpected argument/);
      }),
    );
  });
});
