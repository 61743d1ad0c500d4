#!/usr/bin/env node
// Makes a fresh machine ready to build and test, with no step done by hand:
//   1. npm packages: `npm ci` when node_modules is missing or older than package-lock.json;
//   2. compiles src/ to dist/ (tsc), when src/ changed since the last compile;
//   3. Debian packages: Chromium, used from the system (src/print/browser.ts looks it up),
//      poppler-utils for the tests' page pictures and translate-toolkit (the tests' second XLIFF
//      reader); when missing and running as root
//      with apt-get, installs them. No browser is ever downloaded from a vendor.
// Runs before `npm run build` and `npm test` (prebuild, pretest) and as `npm run setup`.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const say = (line) => process.stderr.write(`setup: ${line}\n`);
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) {
    say(`\`${cmd} ${args.join(' ')}\` failed (exit ${r.status ?? r.signal})`);
    process.exit(1);
  }
};

// 1. npm packages
const lock = readFileSync(join(root, 'package-lock.json'));
const hash = createHash('sha256').update(lock).digest('hex');
const stamp = join(root, 'node_modules', '.un-compendium-setup');
if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== hash) {
  say('installing npm packages (npm ci)');
  run('npm', ['ci', '--no-audit', '--no-fund']);
  writeFileSync(stamp, hash);
}

// 2. compile, unless dist/ was compiled from exactly these sources (a content hash of src/,
//    the tsconfig files and the lock file, kept in dist/), and has every module. tsc itself is
//    incremental (dist/.tsbuildinfo): a change to a few files recompiles in a few seconds.
//    Then the command line is bundled with its packages into dist/bin/compendium.js (rolldown):
//    one file to load instead of hundreds of modules starts ~0.5 s of CPU sooner on each run.
const sourceFiles = (dir) =>
  readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : [join(dir, e.name)])).sort();
const sources = sourceFiles('src');
const compiledHash = createHash('sha256');
for (const file of [...sources, 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json']) {
  compiledHash.update(file).update('\0').update(readFileSync(join(root, file))).update('\0');
}
const compiledStamp = join(root, 'dist', '.sources-hash');
const wanted = compiledHash.digest('hex');
const complete = sources
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
  .every((f) => existsSync(join(root, 'dist', f.slice('src/'.length).replace(/\.ts$/, '.js'))));
const bundle = join(root, 'dist', 'bin', 'compendium.js');
if (!complete || !existsSync(bundle) || !existsSync(compiledStamp) || readFileSync(compiledStamp, 'utf8') !== wanted) {
  // tsc's incremental state does not notice a deleted output: start afresh when one is missing.
  if (!complete) rmSync(join(root, 'dist', '.tsbuildinfo'), { force: true });
  run(join(root, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.build.json']);
  rmSync(join(root, 'dist', 'bin'), { recursive: true, force: true });
  const { build } = await import('rolldown');
  await build({
    input: join(root, 'dist', 'cli', 'main.js'),
    platform: 'node',
    logLevel: 'warn',
    output: { dir: join(root, 'dist', 'bin'), format: 'esm', entryFileNames: 'compendium.js', chunkFileNames: '[name]-[hash].js' },
  });
  writeFileSync(compiledStamp, wanted);
}

// 3. Debian packages: Chromium (printing), poppler-utils (pdftoppm: the tests' page
//    pictures) and translate-toolkit (the tests' second XLIFF reader). Chromium is looked up by src/print/browser.ts, the one place that knows where.
const { findChromium, BrowserNotFoundError } = await import(pathToFileURL(join(root, 'dist', 'print', 'browser.js')).href);
const missing = [];
try {
  findChromium();
} catch (error) {
  if (!(error instanceof BrowserNotFoundError)) throw error;
  missing.push({ pkg: 'chromium', why: error.message });
}
if (spawnSync('sh', ['-c', 'command -v pdftoppm'], { stdio: 'ignore' }).status !== 0) {
  missing.push({ pkg: 'poppler-utils', why: 'pdftoppm (poppler-utils) is not installed: the tests render page pictures with it.' });
}
// translate-toolkit: the tests read the exported XLIFF 1.2 with it (a second, independent implementation).
if (spawnSync('sh', ['-c', 'command -v pocount'], { stdio: 'ignore' }).status !== 0) {
  missing.push({ pkg: 'translate-toolkit', why: "translate-toolkit is not installed: the tests read the exported XLIFF files with Debian's translation tools." });
}
if (missing.length > 0) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  const names = missing.map((m) => m.pkg);
  if (!isRoot || !hasApt) {
    for (const m of missing) say(m.why);
    say(isRoot ? `apt-get is not available: install ${names.join(' and ')} with your package manager.` : `not root: run \`sudo apt-get install ${names.join(' ')}\`, then try again.`);
    process.exit(1);
  }
  say(`installing Debian's ${names.join(' and ')} (apt-get)`);
  run('apt-get', ['update', '-qq']);
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...names], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (names.includes('chromium')) findChromium();
  say(`${names.join(' and ')} installed`);
}
