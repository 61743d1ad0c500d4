#!/usr/bin/env node
/**
 * Command-line entry. The only code that writes to stderr or sets the exit code.
 *   compendium build [--lang en,fr] [--out output] [--sources dir]
 *   compendium check [--format human|json|github] [--fix] [--lang …] [--sources dir]
 *   compendium rules
 */
import { parseArgs } from 'node:util';
import { resolve, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, check, interrupt } from '../pipeline.js';
import { LANGS, type Lang } from '../types.js';
import { rulesTable } from '../check/presets.js';
import { applyFixes } from '../write/fix.js';
import { diagnostics, github, human, type Format } from './format.js';
import { serve } from './serve.js';
import { addPaper } from './add-paper.js';
import { describeRenumbering } from '../render/renumbering.js';

const ROOT = resolve(fileURLToPath(new URL('../../', import.meta.url)));

const HELP = `Usage: compendium <command> [options]

Commands:
  build        Check the sources, then build the HTML and A4 PDF editions of every language
               that has sources (output/<lang>/). Refuses to print when a check fails.
  check        Check every source: numbering, lettering, symbols, job number, meetings,
               structure, typography, parity between languages.
  rules        Print the table of check rules (Markdown).
  add-paper    Add a paper in every language: --symbol S --year Y --meeting N --theme T
               [--topic "what it discusses"]; then check says what is left to write.
  serve        Serve the output folder on http://127.0.0.1:<port>/ (default port 8080).
  watch        Build, serve with live reload, and rebuild on every change to the sources.
  translate    export --lang L [--xliff 2.0|1.2] [--only missing|stale|all] [--out F]: XLIFF
               for translators; import FILE [--force]: their translations back into
               sources/<lang>/; mark-current --lang L: record the current original as
               what the translation translates.
  status       Per language: units translated, stale, missing (--format json for CI).

Options:
  --lang <codes>      Only these languages, comma-separated (${LANGS.join(', ')}).
  --sources <dir>     Sources folder (default: sources).
  --out <dir>         build: output folder (default: output).
  --quiet             build: print only problems.
  --force             build: print every edition, even those whose content has not changed.
  --format <name>     check: human (default, on stderr), json or github (on stdout).
  --fix               check: repair what a rule can repair mechanically, report the rest.
  --port <n>          serve, watch: the port (default 8080).
  -h, --help          Show this help.

Problems are reported as file:line:column with a rule id. Exit code 1 when there is an
error (a failed build writes nothing: earlier outputs stay as they were), 2 on bad usage.
Accept a known finding in place with a comment before the block concerned:
  <!-- check-ignore-next <rule-id>: reason -->   (Markdown)
  # check-ignore-next <rule-id>: reason          (YAML)
`;

class UsageError extends Error {}

function parseLangs(value: string | undefined): Lang[] | undefined {
  if (!value) return undefined;
  const asked = value.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = asked.filter((l) => !(LANGS as readonly string[]).includes(l));
  if (unknown.length > 0) throw new UsageError(`Unknown language ${unknown.join(', ')}: expected one of ${LANGS.join(', ')}`);
  return asked as Lang[];
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      lang: { type: 'string' },
      out: { type: 'string' },
      sources: { type: 'string' },
      format: { type: 'string', default: 'human' },
      fix: { type: 'boolean', default: false },
      port: { type: 'string', default: '8080' },
      symbol: { type: 'string' },
      year: { type: 'string' },
      meeting: { type: 'string' },
      theme: { type: 'string' },
      topic: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      xliff: { type: 'string' },
      only: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const command = positionals[0];
  if (values.help || !command) {
    process.stdout.write(HELP);
    return command || values.help ? 0 : 2;
  }
  const langs = parseLangs(values.lang);
  const sourcesDir = values.sources ? resolve(values.sources) : undefined;

  if (command === 'serve') {
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port takes a port number, not "${values.port}"`);
    const dir = resolve(values.out ?? resolve(ROOT, 'output'));
    const server = await serve(dir, port);
    const address = server.address();
    const actual = typeof address === 'object' && address ? address.port : port;
    process.stderr.write(`Serving ${relative(process.cwd(), dir) || '.'} on http://127.0.0.1:${actual}/ (Ctrl-C to stop)\n`);
    await new Promise<void>((done) => {
      const stop = () => server.close(() => done());
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return 0;
  }

  if (command === 'watch') {
    const port = Number(values.port);
    const outDir = resolve(values.out ?? resolve(ROOT, 'output'));
    const { watch } = await import('./watch.js');
    const watcher = await watch({
      root: ROOT,
      outDir,
      sourcesDir: sourcesDir ?? resolve(ROOT, 'sources'),
      templatesDir: resolve(ROOT, 'templates'),
      port,
      log: (line) => process.stderr.write(`${line}\n`),
      report: (result) => {
        const text = human(result.files, process.cwd());
        if (text) process.stderr.write(`${text}\n`);
        for (const [lang, r] of Object.entries(result.renumbering)) {
          const said = r ? describeRenumbering(r) : undefined;
          if (said) process.stderr.write(`${lang}: paragraphs ${said}\n`);
        }
      },
    });
    const address = watcher.server.address();
    const actual = typeof address === 'object' && address ? address.port : port;
    process.stderr.write(`Watching ${relative(process.cwd(), sourcesDir ?? resolve(ROOT, 'sources')) || '.'}; preview on http://127.0.0.1:${actual}/ (Ctrl-C to stop)\n`);
    await new Promise<void>((done) => {
      stopWatching = async () => {
        await watcher.stop();
        done();
      };
    });
    return 0;
  }

  if (command === 'add-paper') {
    const { symbol, theme } = values;
    const year = Number(values.year);
    const meeting = Number(values.meeting);
    if (!symbol || !theme || !Number.isInteger(year) || !Number.isInteger(meeting) || meeting < 1) {
      throw new UsageError('add-paper needs --symbol, --year, --meeting (a number) and --theme');
    }
    const created = await addPaper(ROOT, sourcesDir ?? resolve(ROOT, 'sources'), { symbol, year, meeting, theme, topic: values.topic });
    for (const path of created) process.stderr.write(`created ${relative(process.cwd(), path)}\n`);
    const result = await check({ root: ROOT, sourcesDir });
    const text = human(result.files, process.cwd());
    process.stderr.write(text ? `\nWhat is left to do:\n${text}\n` : 'No problems found.\n');
    return 0;
  }

  if (command === 'translate' || command === 'status') {
    const { runTranslate, TranslateUsageError } = await import('./translate.js');
    const options = { root: ROOT, sourcesDir: sourcesDir ?? resolve(ROOT, 'sources'), langs, xliff: values.xliff, only: values.only, out: values.out, force: values.force, format: values.format };
    return runTranslate(command, positionals.slice(1), options).catch((error: unknown) => {
      throw error instanceof TranslateUsageError ? new UsageError(error.message) : error;
    });
  }

  if (command === 'rules') {
    process.stdout.write(`${rulesTable()}\n`);
    return 0;
  }

  if (command === 'check') {
    const format = values.format as Format;
    if (!['human', 'json', 'github'].includes(format)) throw new UsageError(`Unknown format "${values.format}": human, json or github`);
    let result = await check({ root: ROOT, langs, sourcesDir });
    if (values.fix && result.fixes.length > 0) {
      const applied = await applyFixes(result.fixes);
      process.stderr.write(`Fixed ${applied} finding(s).\n`);
      result = await check({ root: ROOT, langs, sourcesDir });
    }
    if (format === 'json') process.stdout.write(`${JSON.stringify(diagnostics(result.files, ROOT), null, 2)}\n`);
    else if (format === 'github') {
      const text = github(diagnostics(result.files, ROOT));
      if (text) process.stdout.write(`${text}\n`);
    } else {
      const text = human(result.files, process.cwd());
      process.stderr.write(text ? `${text}\n` : 'No problems found.\n');
    }
    return result.ok ? 0 : 1;
  }

  if (command !== 'build') throw new UsageError(`Unknown command "${command}"`);
  const outDir = resolve(values.out ?? resolve(ROOT, 'output'));
  const started = performance.now();
  const progress = values.quiet ? undefined : createProgress(process.stderr);
  const result = await build({ root: ROOT, outDir, langs, sourcesDir, force: values.force, onProgress: progress?.update });
  progress?.done();
  const text = human(result.files, process.cwd());
  if (text) process.stderr.write(`${text}\n`);
  if (!result.ok) {
    process.stderr.write(result.project.editions.length === 0 && text === '' ? 'Nothing to build: no sources found.\n' : 'Build stopped: fix the errors above. Nothing was written.\n');
    return 1;
  }
  if (!values.quiet) {
    for (const o of result.outputs) {
      process.stderr.write(`${o.lang}: ${relative(process.cwd(), o.pdf)}, ${relative(process.cwd(), o.html)}${o.cached ? ' (unchanged, not printed again)' : ''}\n`);
    }
    for (const [lang, r] of Object.entries(result.renumbering)) {
      const said = r ? describeRenumbering(r) : undefined;
      if (said) process.stderr.write(`${lang}: paragraphs ${said}\n`);
    }
    const printed = result.outputs.filter((o) => !o.cached).length;
    process.stderr.write(`Built ${result.outputs.length} edition(s), ${printed} printed, in ${((performance.now() - started) / 1000).toFixed(2)} s\n`);
  }
  return 0;
}

/**
 * Progress of each edition through the stages: one line that updates in place on a terminal,
 * plain lines otherwise (CI logs).
 */
function createProgress(stream: NodeJS.WriteStream): { update: (lang: Lang, stage: string) => void; done: () => void } {
  const stages = new Map<string, string>();
  if (!stream.isTTY) return { update: (lang, stage) => void stream.write(`${lang}: ${stage}\n`), done: () => undefined };
  return {
    update(lang, stage) {
      stages.set(lang, stage);
      stream.write(`\r\x1b[2K${[...stages].map(([l, s]) => `${l}: ${s}`).join('  ')}`);
    },
    done() {
      if (stages.size > 0) stream.write('\n');
    },
  };
}

/** Set by `watch`: how to stop it cleanly. */
let stopWatching: (() => Promise<void>) | undefined;

// Ctrl-C or a kill: undo what a build in progress has started, then stop (exit 130/143).
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
  process.once(signal, () => {
    process.stderr.write(`\nInterrupted: stopping Chromium and removing partial files.\n`);
    void interrupt()
      .then(() => stopWatching?.())
      .finally(() => process.exit(code));
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError || (error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code.startsWith('ERR_PARSE_ARGS'))) {
      process.stderr.write(`${error.message}\n\nRun with --help for usage.\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    if (process.env['DEBUG']) console.error(error);
    process.exitCode = 1;
  },
);
