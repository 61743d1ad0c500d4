#!/usr/bin/env node
/**
 * Command-line entry. The only code that writes to stderr or sets the exit code.
 *   compendium build [--lang en,fr] [--out output]
 */
import { parseArgs } from 'node:util';
import { resolve, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { reporter } from 'vfile-reporter';
import type { VFile } from 'vfile';
import { build } from '../pipeline.js';
import { LANGS, type Lang } from '../types.js';
import { BrowserNotFoundError } from '../print/browser.js';

const ROOT = resolve(fileURLToPath(new URL('../../', import.meta.url)));

const HELP = `Usage: compendium <command> [options]

Commands:
  build        Build the HTML and A4 PDF editions of every language that has sources.

Options for build:
  --lang <codes>   Only these languages, comma-separated (${LANGS.join(', ')}).
  --out <dir>      Output folder (default: output).
  --sources <dir>  Sources folder (default: sources).
  --quiet          Print only problems.
  -h, --help       Show this help.

Problems in the sources are reported as file:line:column with a rule id; any error stops
the build before anything is written (earlier outputs stay as they were), exit code 1.
`;

function report(files: VFile[], root: string): string {
  const withMessages = files.filter((f) => f.messages.length > 0);
  for (const file of withMessages) {
    file.cwd = root;
    if (file.path) file.path = relative(root, resolve(root, file.path));
  }
  return withMessages.length > 0 ? reporter(withMessages, { quiet: true }) : '';
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      lang: { type: 'string' },
      out: { type: 'string' },
      sources: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const command = positionals[0];
  if (values.help || !command) {
    process.stdout.write(HELP);
    return command || values.help ? 0 : 2;
  }
  if (command !== 'build') {
    process.stderr.write(`Unknown command "${command}".\n\n${HELP}`);
    return 2;
  }
  let langs: Lang[] | undefined;
  if (values.lang) {
    const asked = values.lang.split(',').map((s) => s.trim()).filter(Boolean);
    const unknown = asked.filter((l) => !(LANGS as readonly string[]).includes(l));
    if (unknown.length > 0) {
      process.stderr.write(`Unknown language ${unknown.join(', ')}: expected one of ${LANGS.join(', ')}\n`);
      return 2;
    }
    langs = asked as Lang[];
  }
  const outDir = resolve(values.out ?? resolve(ROOT, 'output'));
  const started = performance.now();
  const result = await build({
    root: ROOT,
    outDir,
    langs,
    sourcesDir: values.sources ? resolve(values.sources) : undefined,
    onProgress: values.quiet ? undefined : (lang, stage) => process.stderr.write(`${lang}: ${stage}\n`),
  });
  const text = report(result.files, process.cwd());
  if (text) process.stderr.write(`${text}\n`);
  if (!result.ok) {
    process.stderr.write(result.project.editions.length === 0 && text === '' ? 'Nothing to build: no sources found.\n' : 'Build stopped: fix the errors above. Nothing was written.\n');
    return 1;
  }
  if (!values.quiet) {
    for (const o of result.outputs) process.stderr.write(`${o.lang}: ${relative(process.cwd(), o.pdf)}, ${relative(process.cwd(), o.html)}\n`);
    process.stderr.write(`Built ${result.outputs.length} edition(s) in ${((performance.now() - started) / 1000).toFixed(2)} s\n`);
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof BrowserNotFoundError || (error instanceof Error && ['PrintError', 'OutlineMismatchError'].includes(error.name))) {
      process.stderr.write(`error: ${error.message}\n`);
    } else if (error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`${error.message}\n\n${HELP}`);
    } else {
      process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
      if (process.env['DEBUG']) console.error(error);
    }
    process.exitCode = 1;
  },
);
