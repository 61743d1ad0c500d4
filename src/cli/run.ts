/**
 * The command line as a function (after ESLint's `cli.execute`): `run(argv, io)` returns the
 * exit code; everything it prints goes to `io.stdout`/`io.stderr`, everything it reads of the
 * process comes from `io` (environment, working folder, the project root, the stop signal).
 * src/cli/bin.ts wires it to the process (signals, EPIPE, the exit code); tests call it in
 * process. A table of commands, each with its own options (src/cli/args.ts reads them); each
 * command's action is one function below. Conventions of tsc, eslint and remark-cli:
 *   - machine output (check --format json|github, rules) alone on stdout; everything else,
 *     findings in the human formats included, on stderr;
 *   - exit 0 success, 1 problems found or a failure, 2 bad usage (with that command's usage
 *     on stderr); --help (stdout, exit 0) on every command; --version;
 *   - colour on a terminal only, unless --color/--no-color, FORCE_COLOR, NO_COLOR or TERM=dumb
 *     say otherwise (src/cli/color.ts).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve, relative, sep } from 'node:path';
import type { VFile } from 'vfile';
import { LANGS, type Lang } from '../types.js';
import { FORMATS, diagnostics, github, grouped, human, json, oneLine, summary, tally, terminalText, type Format } from './format.js';
import { commandHelp, parseCommand, wrap, UsageError, type CommandSpec, type OptionSpec, type Parsed } from './args.js';
import { paint, useColor, type Paint } from './color.js';
import { createProgress } from './progress.js';
import { closest } from '../model/suggest.js';
import { signalExitCode, type CliIO } from './io.js';

export type { CliIO, OutStream } from './io.js';

// The pipeline and what each command needs are loaded when a command runs: help, --version
// and usage errors answer at once.
const pipeline = async () => import('../pipeline.js');
/** `check` alone: without the transform, the browser, pdf-lib and the writers. */
const checkPipeline = async () => import('../pipeline-check.js');
const describeRenumbering = async () => (await import('../render/renumbering.js')).describeRenumbering;

const PROGRAM = 'compendium';

// Options several commands share, written once.
const help: OptionSpec = { type: 'boolean', short: 'h', help: 'Show this help.' };
const color: OptionSpec = { type: 'boolean', negatable: true, help: 'Colour the output (default: on a terminal, unless NO_COLOR or TERM=dumb).' };
const lang: OptionSpec = { type: 'string', value: 'codes', help: `Only these languages, comma-separated (${LANGS.join(', ')}).` };
const sources: OptionSpec = { type: 'string', value: 'dir', help: 'The sources folder (default: sources).' };
const out: OptionSpec = { type: 'string', value: 'dir', help: 'The output folder (default: output).' };
const port: OptionSpec = { type: 'string', value: 'n', help: 'The port (default 8080; 0 picks a free one).' };
const host: OptionSpec = { type: 'string', value: 'address', help: 'The address to listen on (default 127.0.0.1, this machine only).' };

/**
 * One run of the command line: what it was given (`io`), the command at hand (for usage
 * errors), and what Ctrl-C must stop.
 */
class Invocation {
  /** The command being run, once known: its usage follows a usage error. */
  current: Command | undefined;
  /** Set on Ctrl-C: what fails after it (a print whose Chromium was stopped) is not news. */
  interrupted = false;
  /** Set by `watch` and `serve`: how to stop them cleanly. */
  stopServing: (() => Promise<void>) | undefined;

  constructor(readonly io: CliIO) {}

  usage(message: string): never {
    throw new UsageError(this.current ? `${this.current.name}: ${message}` : message, this.current);
  }

  /** A line for people, on stderr. */
  readonly say = (line: string): void => void this.io.stderr.write(`${line}\n`);
  /** A path as messages show it: from the working folder, escaped for the terminal. */
  readonly shown = (path: string): string => terminalText(relative(this.io.cwd, path) || '.');
  /** A path given on the command line. */
  path(value: string): string {
    return resolve(this.io.cwd, value);
  }
  get root(): string {
    return this.io.root;
  }

  langsOf(values: Parsed['values']): Lang[] | undefined {
    const value = values['lang'];
    if (typeof value !== 'string') return undefined;
    const asked = value.split(',').map((s) => s.trim()).filter(Boolean);
    const unknown = asked.filter((l) => !(LANGS as readonly string[]).includes(l));
    if (unknown.length > 0 || asked.length === 0) this.usage(`Unknown language ${unknown.join(', ') || '""'}: expected one of ${LANGS.join(', ')}`);
    return asked as Lang[];
  }

  existingDir(values: Parsed['values'], name: string): string | undefined {
    const value = values[name];
    if (typeof value !== 'string') return undefined;
    const dir = this.path(value);
    if (!existsSync(dir)) this.usage(`--${name} ${value}: the folder does not exist`);
    if (!statSync(dir).isDirectory()) this.usage(`--${name} ${value}: not a folder`);
    return dir;
  }

  sourcesOf(values: Parsed['values']): string | undefined {
    return this.existingDir(values, 'sources');
  }

  outDirOf(values: Parsed['values']): string {
    return typeof values['out'] === 'string' ? this.path(values['out']) : resolve(this.root, 'output');
  }

  countOf(values: Parsed['values'], name: string): number | undefined {
    const value = values[name];
    if (typeof value !== 'string') return undefined;
    if (!/^\d+$/.test(value)) this.usage(`--${name} takes a whole number, not "${value}"`);
    return Number(value);
  }

  portOf(values: Parsed['values']): number {
    const value = typeof values['port'] === 'string' ? values['port'] : '8080';
    const n = Number(value);
    if (!/^\d{1,5}$/.test(value.trim()) || n > 65535) this.usage(`--port takes a port number (0–65535), not "${value}"`);
    return n;
  }

  formatOf(values: Parsed['values']): Format {
    const value = typeof values['format'] === 'string' ? values['format'] : 'human';
    if (!(FORMATS as readonly string[]).includes(value)) {
      const near = closest(value, FORMATS);
      this.usage(`Unknown format "${value}"${near ? ` (did you mean ${near}?)` : ''}: ${FORMATS.join(', ')}`);
    }
    return value as Format;
  }

  /** Colours for stderr, where people read. */
  colorOf(values: Parsed['values']): Paint {
    const flag = typeof values['color'] === 'boolean' ? values['color'] : undefined;
    return paint(useColor({ flag, env: this.io.env, isTTY: this.io.stderr.isTTY === true }));
  }

  /** Resolves when the run is asked to stop (never, without a signal). */
  stopped(): Promise<void> {
    const { signal } = this.io;
    if (!signal) return new Promise<void>(() => {});
    if (signal.aborted) return Promise.resolve();
    return new Promise((done) => signal.addEventListener('abort', () => done(), { once: true }));
  }
}

interface Command extends CommandSpec {
  run(args: Parsed, cli: Invocation): Promise<number>;
}

const hostOf = (values: Parsed['values']): string | undefined => (typeof values['host'] === 'string' ? values['host'] : undefined);

const COMMANDS: Command[] = [
  {
    name: 'build',
    summary: 'Check the sources, then build the HTML and A4 PDF editions of every language that has sources (output/<lang>/).',
    description: 'Refuses to print when a check fails: nothing is written and earlier outputs stay as they were.',
    options: { lang, out, sources, force: { type: 'boolean', help: 'Print every edition, even those whose content has not changed.' }, quiet: { type: 'boolean', help: 'Print only problems.' }, color, help },
    run: ({ values }, cli) =>
      runBuild(cli, { langs: cli.langsOf(values), outDir: cli.outDirOf(values), sourcesDir: cli.sourcesOf(values), force: values['force'] === true, quiet: values['quiet'] === true }, cli.colorOf(values)),
  },
  {
    name: 'check',
    summary: 'Check the sources: numbering, lettering, symbols, job number, meetings, structure, typography, parity, fonts, word limit.',
    description: 'With paths, check those files and folders of the sources (loading what they depend on) and report only their findings.',
    positionals: { name: '[path…]', help: 'Source files or folders to report on (default: all).' },
    options: {
      format: { type: 'string', value: 'name', help: 'human (the default: `file:line:col: severity message (rule-id)`) or grouped, on stderr; json or github (annotations), alone on stdout.' },
      fix: { type: 'boolean', help: 'Repair what a rule can repair mechanically, then report the rest.' },
      'max-warnings': { type: 'string', value: 'n', help: 'Exit 1 when there are more than n warnings.' },
      frail: { type: 'boolean', help: 'Exit 1 on any warning (the same as --max-warnings 0).' },
      lang,
      sources,
      color,
      help,
    },
    run: ({ values, positionals }, cli) =>
      runCheck(
        cli,
        {
          paths: positionals,
          format: cli.formatOf(values),
          fix: values['fix'] === true,
          maxWarnings: values['frail'] === true ? 0 : cli.countOf(values, 'max-warnings'),
          langs: cli.langsOf(values),
          sourcesDir: cli.sourcesOf(values),
        },
        cli.colorOf(values),
      ),
  },
  {
    name: 'rules',
    summary: 'Print the table of check rules (Markdown, on stdout).',
    options: { help },
    run: (_, cli) => runRules(cli),
  },
  {
    name: 'add-paper',
    summary: 'Add a paper in every language, then say what is left to write.',
    description: 'Example: add-paper --symbol CTOC/COP/WG.4/2021/2 --year 2021 --meeting 11 --theme demand --topic "…"',
    options: {
      symbol: { type: 'string', value: 'S', help: 'The document symbol (required).' },
      year: { type: 'string', value: 'Y', help: 'The year (required).' },
      meeting: { type: 'string', value: 'N', help: 'The meeting number (required).' },
      theme: { type: 'string', value: 'id', help: 'The theme id, from themes.yaml (required).' },
      topic: { type: 'string', value: 'text', help: 'What it discusses (its first sentence in each language).' },
      sources,
      color,
      help,
    },
    run: ({ values }, cli) => runAddPaper(cli, values, cli.sourcesOf(values), cli.colorOf(values)),
  },
  {
    name: 'serve',
    summary: 'Serve the output folder on http://127.0.0.1:<port>/ (localhost only).',
    options: { port, host, out, help },
    run: ({ values }, cli) => runServe(cli, cli.outDirOf(values), cli.portOf(values), hostOf(values)),
  },
  {
    name: 'watch',
    summary: 'Build, serve with live reload, and rebuild on every change to the sources or templates.',
    options: { port, host, lang, out, sources, color, help },
    run: ({ values }, cli) =>
      runWatch(cli, { outDir: cli.outDirOf(values), sourcesDir: cli.sourcesOf(values) ?? resolve(cli.root, 'sources'), port: cli.portOf(values), host: hostOf(values), langs: cli.langsOf(values) }, cli.colorOf(values)),
  },
  {
    name: 'translate',
    summary: 'XLIFF for translators: export --lang L, import FILE, mark-current --lang L.',
    description:
      'export --lang L [--xliff 2.0|1.2] [--only missing|stale|all] [--out F]: one XLIFF file per language (default output/xliff/). import FILE [--force]: translations back into sources/<lang>/ (text only; nothing written unless every unit is valid). mark-current --lang L: record the current original as what the translation translates.',
    positionals: { name: 'export|import|mark-current [FILE]', help: 'What to do; import takes the XLIFF file.' },
    options: {
      lang,
      xliff: { type: 'string', value: 'version', help: 'export: XLIFF 2.0 (default) or 1.2.' },
      only: { type: 'string', value: 'which', help: 'export: missing, stale or all (default) units.' },
      out: { type: 'string', value: 'path', help: 'export: the folder (or, for one language, the .xlf file) to write.' },
      force: { type: 'boolean', help: 'import: take units translated from an earlier original, marked stale.' },
      sources,
      help,
    },
    run: ({ values, positionals }, cli) => runTranslateCommand(cli, 'translate', positionals, values),
  },
  {
    name: 'status',
    summary: 'Per language: units translated, stale and missing, and the percentage done.',
    options: { format: { type: 'string', value: 'name', help: 'human (a table, the default) or json.' }, lang, sources, help },
    run: ({ values, positionals }, cli) => runTranslateCommand(cli, 'status', positionals, values),
  },
  {
    name: 'index',
    summary: 'Write <out>/index.html listing the editions in the output folder (after building languages apart, e.g. one CI job each).',
    options: { out, sources, help },
    run: ({ values }, cli) => runIndex(cli, cli.existingDir(values, 'out') ?? resolve(cli.root, 'output'), cli.sourcesOf(values)),
  },
];

function generalHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  return `Usage: ${PROGRAM} <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}${wrap(c.summary, 98 - width, ' '.repeat(width + 2))}`).join('\n')}

Run \`${PROGRAM} <command> --help\` for a command's options; \`${PROGRAM} --version\` for the version.

Problems are reported as file:line:column: severity message (rule-id). Exit code 0 when all is
well, 1 when there is an error (a failed build writes nothing), 2 on bad usage.
Accept a known finding in place with a comment before the block concerned:
  <!-- check-ignore-next <rule-id>: reason -->   (Markdown)
  # check-ignore-next <rule-id>: reason          (YAML)
`;
}

// ---------------------------------------------------------------------------------------------
// The commands' actions.

export interface BuildCommand {
  langs: Lang[] | undefined;
  outDir: string;
  sourcesDir: string | undefined;
  force: boolean;
  quiet: boolean;
}

async function runBuild(cli: Invocation, options: BuildCommand, colors: Paint): Promise<number> {
  const { say, shown, io } = cli;
  const started = performance.now();
  const progress = options.quiet ? undefined : createProgress(io.stderr, colors);
  const { build } = await pipeline();
  const describe = await describeRenumbering();
  const result = await build({ root: cli.root, outDir: options.outDir, langs: options.langs, sourcesDir: options.sourcesDir, force: options.force, onProgress: progress?.update, env: io.env, session: io.session });
  const printed = result.outputs.filter((o) => !o.cached).length;
  // The progress lines end first (on a terminal they are redrawn in place), then the findings.
  if (!result.ok || printed === 0) progress?.clear();
  else progress?.finish(result.outputs.map((o) => ({ lang: o.lang, text: `${shown(o.pdf)}, ${shown(o.html)}${o.cached ? colors.dim(' (unchanged, not printed again)') : ''}` })));
  const findings = diagnostics(result.files, io.cwd);
  if (findings.length > 0) say(oneLine(findings, colors));
  if (!result.ok) {
    say(result.project?.editions.length === 0 && findings.length === 0 ? 'Nothing to build: no sources found.' : colors.red('Build stopped: fix the errors above. Nothing was written.'));
    return 1;
  }
  if (options.quiet) return 0;
  const n = result.outputs.length;
  if (printed === 0) {
    // Nothing new: one line, whatever the number of editions.
    say(`${n} edition${n === 1 ? '' : 's'} unchanged, nothing printed`);
    return 0;
  }
  for (const [l, r] of Object.entries(result.renumbering)) {
    const said = r ? describe(r) : undefined;
    if (said) say(`${l}: paragraphs ${said}`);
  }
  say(colors.green(`Built ${n} edition${n === 1 ? '' : 's'}, ${printed} printed, in ${((performance.now() - started) / 1000).toFixed(2)} s`));
  return 0;
}

export interface CheckCommand {
  paths: string[];
  format: Format;
  fix: boolean;
  /** Exit 1 when there are more warnings than this (--max-warnings; --frail is 0). */
  maxWarnings: number | undefined;
  langs: Lang[] | undefined;
  sourcesDir: string | undefined;
}

async function runCheck(cli: Invocation, options: CheckCommand, colors: Paint): Promise<number> {
  const { say, shown, io } = cli;
  const sourcesDir = options.sourcesDir ?? resolve(cli.root, 'sources');
  if (!existsSync(sourcesDir)) cli.usage(`the sources folder ${shown(sourcesDir)} does not exist`);
  const named = namedPaths(cli, options.paths, sourcesDir);
  const { check } = await checkPipeline();
  const checkOptions = { root: cli.root, langs: options.langs, sourcesDir: options.sourcesDir, env: io.env };
  let result = await check(checkOptions);
  // With paths, --fix repairs only the files named (as eslint --fix does).
  const fixes = named ? result.fixes.filter((f) => isUnder(resolve(f.file.cwd, f.file.path), named)) : result.fixes;
  if (options.fix && fixes.length > 0) {
    const { runFix } = await import('./fix-report.js');
    await runFix({ ...checkOptions, only: named ? (path) => isUnder(path, named) : undefined }, say, shown);
    result = await check(checkOptions);
  }
  const { reported, others } = named ? reportedFiles(cli, result.files, named, sourcesDir) : { reported: result.files, others: [] };
  const list = diagnostics(reported, io.cwd);
  if (options.format === 'json') io.stdout.write(`${json(list)}\n`);
  else if (options.format === 'github') {
    if (list.length > 0) io.stdout.write(`${github(list)}\n`);
  } else if (options.format === 'grouped') {
    const text = grouped(reported, io.cwd, { color: colors.enabled });
    say(text || 'No problems found.');
  } else {
    if (list.length > 0) say(human(reported, io.cwd, { color: colors.enabled }));
    say(summary(list, colors) ?? 'No problems found.');
  }
  const elsewhere = diagnostics(others, io.cwd);
  if (elsewhere.length > 0) say(`(${summary(elsewhere)} in files not named: run check without paths to see them)`);
  const { errors, warnings } = tally(list);
  if (errors > 0) return 1;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    say(`${warnings} warning${warnings === 1 ? '' : 's'}: more than --max-warnings ${options.maxWarnings} allows.`);
    return 1;
  }
  return 0;
}

/** The paths given to check, each an existing file or folder inside the sources folder. */
function namedPaths(cli: Invocation, paths: readonly string[], sourcesDir: string): string[] | undefined {
  if (paths.length === 0) return undefined;
  return paths.map((p) => {
    const full = cli.path(p);
    if (!existsSync(full)) cli.usage(`${p}: no such file or folder`);
    if (full !== sourcesDir && !full.startsWith(sourcesDir + sep)) cli.usage(`${p} is not in the sources folder (${cli.shown(sourcesDir)}); use --sources <dir> for another one`);
    return full;
  });
}

const isUnder = (path: string, named: readonly string[]) => named.some((n) => path === n || path.startsWith(n + sep));

/** Split the checked files into those named (or under a named folder) and the others. */
function reportedFiles(cli: Invocation, files: readonly VFile[], named: readonly string[], sourcesDir: string): { reported: VFile[]; others: VFile[] } {
  const reported: VFile[] = [];
  const others: VFile[] = [];
  const covered = new Set<string>();
  for (const file of files) {
    const path = resolve(file.cwd, file.path);
    const under = named.find((n) => path === n || path.startsWith(n + sep));
    // A file outside the sources (the configuration) concerns every check: always reported.
    if (under || !(path === sourcesDir || path.startsWith(sourcesDir + sep))) reported.push(file);
    else others.push(file);
    if (under) covered.add(under);
  }
  for (const n of named) {
    if (!covered.has(n) && !statSync(n).isDirectory()) cli.usage(`${cli.shown(n)} is not a source the check reads`);
  }
  return { reported, others };
}

async function runRules(cli: Invocation): Promise<number> {
  const { rulesTable } = await import('../check/presets.js');
  cli.io.stdout.write(`${rulesTable()}\n`);
  return 0;
}

async function runAddPaper(cli: Invocation, values: Parsed['values'], sourcesDir: string | undefined, colors: Paint): Promise<number> {
  const symbol = values['symbol'];
  const theme = values['theme'];
  const year = Number(values['year']);
  const meeting = Number(values['meeting']);
  const topic = typeof values['topic'] === 'string' ? values['topic'] : undefined;
  if (typeof symbol !== 'string' || typeof theme !== 'string' || !Number.isInteger(year) || !Number.isInteger(meeting) || meeting < 1) {
    cli.usage('needs --symbol, --year, --meeting (a number) and --theme');
  }
  const [{ addPaper }, { check }] = await Promise.all([import('./add-paper.js'), checkPipeline()]);
  const created = await addPaper(cli.root, sourcesDir ?? resolve(cli.root, 'sources'), { symbol: String(symbol), year, meeting, theme: String(theme), topic });
  for (const path of created) cli.say(`created ${cli.shown(path)}`);
  const result = await check({ root: cli.root, sourcesDir, env: cli.io.env });
  const text = human(result.files, cli.io.cwd, { color: colors.enabled });
  cli.say(text ? `\nWhat is left to do:\n${text}` : 'No problems found.');
  return 0;
}

async function runServe(cli: Invocation, dir: string, portNumber: number, hostName: string | undefined): Promise<number> {
  const { serve, serverUrl, DEFAULT_HOST } = await import('./serve.js');
  const server = await serve(dir, portNumber, hostName ?? DEFAULT_HOST);
  cli.say(`Serving ${cli.shown(dir)} on ${serverUrl(server, hostName)} (Ctrl-C to stop)`);
  cli.stopServing = () => new Promise<void>((done) => server.close(() => done()));
  await cli.stopped();
  return 0;
}

async function runWatch(cli: Invocation, options: { outDir: string; sourcesDir: string; port: number; host: string | undefined; langs: Lang[] | undefined }, colors: Paint): Promise<number> {
  const [{ watch }, { serverUrl }] = await Promise.all([import('./watch.js'), import('./serve.js')]);
  const describe = await describeRenumbering();
  const { sourcesDir } = options;
  const { io } = cli;
  const watcher = await watch({
    root: cli.root,
    ...options,
    templatesDir: resolve(cli.root, 'templates'),
    env: io.env,
    session: io.session,
    // After Ctrl-C, what fails because Chromium was stopped is not news.
    log: (line) => void (cli.interrupted || cli.say(terminalText(line))),
    report: (result) => {
      const text = human(result.files, io.cwd, { color: colors.enabled });
      if (text) cli.say(text);
      for (const [l, r] of Object.entries(result.renumbering)) {
        const said = r ? describe(r) : undefined;
        if (said) cli.say(`${l}: paragraphs ${said}`);
      }
    },
  });
  cli.say(`Watching ${cli.shown(sourcesDir)}; preview on ${serverUrl(watcher.server, options.host)} (Ctrl-C to stop)`);
  cli.stopServing = () => watcher.stop();
  await cli.stopped();
  return 0;
}

async function runTranslateCommand(cli: Invocation, command: 'translate' | 'status', positionals: string[], values: Parsed['values']): Promise<number> {
  const { runTranslate, TranslateUsageError } = await import('./translate.js');
  const text = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  const out = text('out');
  const options = {
    root: cli.root,
    sourcesDir: cli.sourcesOf(values) ?? resolve(cli.root, 'sources'),
    langs: cli.langsOf(values),
    xliff: text('xliff'),
    only: text('only'),
    out: out === undefined ? undefined : cli.path(out),
    force: values['force'] === true,
    format: text('format') ?? 'human',
  };
  return runTranslate(command, positionals.map((p, i) => (command === 'translate' && i === 1 ? cli.path(p) : p)), options, cli.io).catch((error: unknown) => {
    if (error instanceof TranslateUsageError) cli.usage(error.message);
    throw error;
  });
}

async function runIndex(cli: Invocation, outDir: string, sourcesDir: string | undefined): Promise<number> {
  const { assembleIndex } = await import('./assemble-index.js');
  const { present, files, written } = await assembleIndex(cli.root, outDir, sourcesDir);
  const text = human(files, cli.io.cwd);
  if (text) cli.say(text);
  if (written) {
    cli.say(`${cli.shown(resolve(outDir, 'index.html'))}: ${present.join(', ')}`);
    return 0;
  }
  cli.say(text ? 'Index not written: fix the errors above.' : `No edition in ${cli.shown(outDir)}: expected ${cli.shown(outDir)}/<lang>/index.html (build the languages, or download their artifacts, first).`);
  return 1;
}

// ---------------------------------------------------------------------------------------------

function version(root: string): string {
  return (JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string }).version;
}

async function dispatch(cli: Invocation, argv: readonly string[]): Promise<number> {
  const { io } = cli;
  const [first, ...rest] = argv;
  if (first === '--version' || first === '-v') {
    if (rest.length > 0) cli.usage(`${first} takes no arguments`);
    io.stdout.write(`${version(cli.root)}\n`);
    return 0;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    const topic = first === 'help' ? rest[0] : undefined;
    const command = topic === undefined ? undefined : COMMANDS.find((c) => c.name === topic);
    if (topic !== undefined && !command) cli.usage(`Unknown command "${topic}"`);
    io.stdout.write(command ? commandHelp(PROGRAM, command) : generalHelp());
    return 0;
  }
  if (first === undefined) cli.usage('a command is needed');
  if (first.startsWith('-')) cli.usage(`${first}: options go after the command (\`${PROGRAM} <command> ${first}\`)`);
  const command = COMMANDS.find((c) => c.name === first);
  if (!command) {
    const near = closest(first, COMMANDS.map((c) => c.name));
    cli.usage(`Unknown command "${first}"${near ? ` (did you mean ${near}?)` : ''}`);
  }
  cli.current = command;
  const parsed = parseCommand(command, rest);
  if (parsed.values['help'] === true) {
    io.stdout.write(commandHelp(PROGRAM, command));
    return 0;
  }
  return command.run(parsed, cli);
}

/** What a failed command prints, and its exit code: usage (2), or one line without a stack trace. */
function failure(cli: Invocation, error: unknown): number {
  const { io } = cli;
  if (error instanceof UsageError) {
    const usageText = error.command ? commandHelp(PROGRAM, error.command) : generalHelp();
    io.stderr.write(`${PROGRAM}${error.command ? ' ' : ': '}${terminalText(error.message)}\n\n${usageText}`);
    return 2;
  }
  io.stderr.write(`error: ${terminalText(error instanceof Error ? error.message : String(error))}\n`);
  if (io.env['DEBUG'] && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
  // A refused output folder or a bad port (their errors carry exitCode 2) is bad usage.
  const code = (error as { exitCode?: unknown }).exitCode;
  return typeof code === 'number' ? code : 1;
}

/**
 * Run the command line with `argv` (the arguments after the program's name); resolves with
 * the exit code. Never throws, never exits the process. When `io.signal` is aborted, a build
 * in progress is undone (Chromium stopped, partial files removed), watch and serve stop, and
 * the result is 130 (SIGINT) or 143 (SIGTERM).
 */
export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const cli = new Invocation(io);
  const done = dispatch(cli, argv).then(
    (code) => code,
    (error: unknown) => (cli.interrupted ? undefined : failure(cli, error)),
  );
  const { signal } = io;
  if (!signal) return (await done) ?? 1;
  const interrupted = cli.stopped().then(async () => {
    cli.interrupted = true;
    io.stderr.write(`\nInterrupted: stopping Chromium and removing partial files.\n`);
    const { interrupt } = await import('../print/interrupt.js');
    await interrupt().catch(() => undefined);
    await cli.stopServing?.().catch(() => undefined);
    return signalExitCode(signal.reason);
  });
  const code = await Promise.race([done, interrupted]);
  // Stopped: the clean-up is waited for, and the exit code is the signal's.
  return signal.aborted ? await interrupted : (code ?? 1);
}
