#!/usr/bin/env node
// Makes a fresh machine ready for what is asked of it, with no step done by hand, and then
// runs it in this same process (one Node start: an unchanged checkout costs a few
// milliseconds, not a second process):
//   node scripts/setup.mjs                 everything (npm run setup)
//   node scripts/setup.mjs cli <command> … set up for that command, then run the command line
//   node scripts/setup.mjs test [files…]   set up for the tests, type-check, then vitest run
//   node scripts/setup.mjs bench           set up for building, then the benchmark
// What each needs:
//   1. npm packages: `npm ci` when node_modules is missing or older than package-lock.json;
//   2. dist/: compiles src/ (tsc) when src/ changed since the last compile, and bundles the
//      command line (rolldown);
//   3. Debian packages, only where needed: Chromium to print (build, watch, the tests, the
//      benchmark), poppler-utils for the tests' page pictures, translate-toolkit for the
//      tests' second XLIFF reader, qpdf for the tests' strict PDF reader and libxml2-utils
//      for the tests' schema validation of the Akoma Ntoso XML (xmllint); `check`, `rules`, `serve`,
//      `index`, `add-paper` need neither. Missing ones are installed with apt-get when running
//      as root; otherwise setup names the exact command and stops (exit 1), because the
//      command asked for cannot run without them. No browser is ever downloaded from a vendor.
// Everything setup says goes to stderr (and so does the output of what it runs for itself):
// stdout is left to the command, so `npm run --silent check -- --format json` is clean JSON.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const say = (line) => process.stderr.write(`setup: ${line}\n`);

/** The Debian packages a command needs. */
export function needsOf(mode, command) {
  if (mode === 'all' || mode === 'test') return ['chromium', 'poppler-utils', 'translate-toolkit', 'qpdf', 'libxml2-utils'];
  if (mode === 'bench') return ['chromium'];
  // The command line: only printing needs a browser.
  return command === 'build' || command === 'watch' ? ['chromium'] : [];
}

/**
 * What to do about missing Debian packages: install them (root with apt-get), or stop with
 * the exact command to run. Pure, for the tests.
 *   missing: [{ pkg, why }] of the packages needed and not found.
 */
export function decide({ missing, isRoot, hasApt }) {
  if (missing.length === 0) return { install: [], stop: undefined };
  const names = missing.map((m) => m.pkg);
  if (isRoot && hasApt) return { install: names, stop: undefined };
  const how = hasApt
    ? `run \`sudo apt-get install ${names.join(' ')}\`${names.includes('chromium') ? ' (or set CHROMIUM_PATH to a Chromium or Chrome executable)' : ''}, then try again.`
    : `install ${names.join(' and ')} with your package manager${names.includes('chromium') ? ' (or set CHROMIUM_PATH to a Chromium or Chrome executable)' : ''}, then try again.`;
  return { install: [], stop: [...missing.map((m) => m.why), `${isRoot ? 'apt-get is not available' : 'not root'}: ${how}`] };
}

/** Run a program for setup's own needs; its output goes to stderr, never to stdout. */
function run(cmd, args, env = process.env) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: ['ignore', 2, 2], env });
  if (r.status !== 0) {
    say(`\`${cmd} ${args.join(' ')}\` failed (exit ${r.status ?? r.signal})`);
    process.exit(1);
  }
}

const onPath = (name) => (process.env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, name)));

// 1. npm packages
function ensurePackages() {
  const hash = createHash('sha256').update(readFileSync(join(root, 'package-lock.json'))).digest('hex');
  const stamp = join(root, 'node_modules', '.un-compendium-setup');
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== hash) {
    say('installing npm packages (npm ci)');
    run('npm', ['ci', '--no-audit', '--no-fund']);
    writeFileSync(stamp, hash);
  }
}

// 2. compile, unless dist/ was compiled from exactly these sources (a content hash of src/,
//    the tsconfig files, the lock file and this script, which holds the bundle's options, kept
//    in dist/), and has every module. tsc itself is incremental (dist/.tsbuildinfo): a change
//    to a few files recompiles in a few seconds.
//    Then the command line is bundled with its packages into dist/bin/compendium.js (rolldown):
//    one file to load instead of hundreds of modules starts ~0.5 s of CPU sooner on each run.
async function ensureCompiled() {
  const sourceFiles = (dir) =>
    readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : [join(dir, e.name)])).sort();
  const sources = sourceFiles('src');
  const compiledHash = createHash('sha256');
  for (const file of [...sources, 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json', 'scripts/setup.mjs']) {
    compiledHash.update(file).update('\0').update(readFileSync(join(root, file))).update('\0');
  }
  const compiledStamp = join(root, 'dist', '.sources-hash');
  const wanted = compiledHash.digest('hex');
  const bundle = join(root, 'dist', 'bin', 'compendium.js');
  if (existsSync(bundle) && existsSync(compiledStamp) && readFileSync(compiledStamp, 'utf8') === wanted) {
    const complete = sources
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
      .every((f) => existsSync(join(root, 'dist', f.slice('src/'.length).replace(/\.ts$/, '.js'))));
    if (complete) return;
    // tsc's incremental state does not notice a deleted output: start afresh when one is missing.
    rmSync(join(root, 'dist', '.tsbuildinfo'), { force: true });
  }
  run(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json']);
  rmSync(join(root, 'dist', 'bin'), { recursive: true, force: true });
  const { build } = await import('rolldown');
  await build({
    // The browser's thread is an entry of its own: src/print/print-stages.ts starts it from beside itself.
    input: { compendium: join(root, 'dist', 'cli', 'bin.js'), 'browser-thread': join(root, 'dist', 'print', 'browser-thread.js') },
    platform: 'node',
    logLevel: 'warn',
    // Loaded from node_modules at run time, not bundled: their WebAssembly glue (emscripten)
    // finds its .wasm files beside itself, which in a bundle it is not.
    external: ['subset-font', 'fontverter', 'harfbuzzjs'],
    output: { dir: join(root, 'dist', 'bin'), format: 'esm', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
  });
  writeFileSync(compiledStamp, wanted);
}

// 3. Debian packages. Chromium is looked up by src/print/find-chromium.ts, the one place
//    that knows where; pdftoppm (poppler-utils) on the PATH.
async function ensureSystem(needs) {
  if (needs.length === 0) return;
  const { findChromium, BrowserNotFoundError } = await import(pathToFileURL(join(root, 'dist', 'print', 'find-chromium.js')).href);
  const missing = [];
  if (needs.includes('chromium')) {
    try {
      findChromium();
    } catch (error) {
      if (!(error instanceof BrowserNotFoundError)) throw error;
      missing.push({ pkg: 'chromium', why: error.message });
    }
  }
  if (needs.includes('poppler-utils') && !onPath('pdftoppm')) {
    missing.push({ pkg: 'poppler-utils', why: 'pdftoppm (poppler-utils) is not installed: the tests render page pictures with it.' });
  }
  // translate-toolkit: the tests read the exported XLIFF 1.2 with it (a second, independent implementation).
  // qpdf: the tests check the PDFs the post-processing rewrites with its strict reader.
  if (needs.includes('qpdf') && !onPath('qpdf')) {
    missing.push({ pkg: 'qpdf', why: 'qpdf is not installed: the tests check the rewritten PDFs with it.' });
  }
  // libxml2-utils: the tests validate the Akoma Ntoso editions against the OASIS schema with xmllint.
  if (needs.includes('libxml2-utils') && !onPath('xmllint')) {
    missing.push({ pkg: 'libxml2-utils', why: 'xmllint (libxml2-utils) is not installed: the tests validate the Akoma Ntoso XML against its schema with it.' });
  }
  if (needs.includes('translate-toolkit') && !onPath('pocount')) {
    missing.push({ pkg: 'translate-toolkit', why: "translate-toolkit is not installed: the tests read the exported XLIFF files with Debian's translation tools." });
  }
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const { install, stop } = decide({ missing, isRoot, hasApt: onPath('apt-get') });
  if (stop) {
    for (const line of stop) say(line);
    process.exit(1);
  }
  say(`installing Debian's ${install.join(' and ')} (apt-get)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], env);
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...install], env);
  if (install.includes('chromium')) findChromium();
  say(`${install.join(' and ')} installed`);
}

/** Run a Node program in this process, as if started as `node <file> <args…>`. */
async function runHere(file, args) {
  process.argv = [process.argv[0], file, ...args];
  await import(pathToFileURL(file).href);
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const [mode = 'all', ...args] = process.argv.slice(2);
  if (!['all', 'cli', 'test', 'bench'].includes(mode)) {
    say(`unknown mode "${mode}": node scripts/setup.mjs [cli <command> … | test [files…] | bench]`);
    process.exit(2);
  }
  const started = performance.now();
  ensurePackages();
  await ensureCompiled();
  await ensureSystem(needsOf(mode, args[0]));
  // For the benchmark: how long the checks took in this process.
  if (process.env.SETUP_TIMING) say(`checks took ${(performance.now() - started).toFixed(1)} ms`);
  if (mode === 'cli') await runHere(join(root, 'dist', 'bin', 'compendium.js'), args);
  else if (mode === 'bench') await runHere(join(root, 'scripts', 'bench.mjs'), args);
  else if (mode === 'test') {
    // The type-check and the tests side by side (the tests start with a build in Chromium,
    // which waits on the browser as much as on the processor); each says what fails, and the
    // run fails if either does.
    const ended = (child) => new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
    // Incremental: what it checked last time (kept in dist/, which setup owns) is not checked again.
    const typecheck = ended(spawn(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '-p', '.', '--incremental', '--tsBuildInfoFile', join(root, 'dist', '.typecheck.tsbuildinfo')], { cwd: root, stdio: 'inherit' }));
    const tests = ended(spawn(process.execPath, [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...args], { cwd: root, stdio: 'inherit' }));
    const [typed, tested] = await Promise.all([typecheck, tests]);
    if (typed !== 0) say('the type-check failed (above)');
    process.exit(typed !== 0 ? typed : tested);
  }
}
