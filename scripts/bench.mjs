#!/usr/bin/env node
// Benchmark: prints medians of several runs on this machine (whole process unless said).
// Not a test: numbers to read, with the targets of the regeneration issue beside them.
//   npm run bench            (RUNS=5 npm run bench for more runs; SCALES=10,50,100 picks the
//                            scale runs, SCALES=0 skips them; ONLY=scale runs only those,
//                            ONLY=setup only the setup overhead)
import { spawn, spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, writeFile, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir, availableParallelism } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'bin', 'compendium.js');
const RUNS = Number(process.env.RUNS ?? 3);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (s) => `${s.toFixed(2)} s`;
const rows = [];
const row = (what, seconds, note = '') => {
  rows.push([what, fmt(seconds), note]);
  process.stderr.write(`  ${what}: ${fmt(seconds)} ${note}\n`);
};

function run(args, env = {}) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed:\n${r.stderr}`);
}

/** The median of RUNS timings of `fn` (seconds); `prepare(i)` runs before each, untimed. */
async function medianOf(fn, prepare = () => undefined) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    await prepare(i);
    const t = performance.now();
    await fn(i);
    times.push((performance.now() - t) / 1000);
  }
  return median(times);
}

/** Proportional set size (KiB) of a process: its share of pages shared with others. */
function pssKiB(pid) {
  try {
    return Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0; // ended meanwhile
  }
}

/**
 * Run a command, sampling the memory of its whole process tree (node + Chromium) every
 * 100 ms: the peak of the summed PSS (shared pages counted once across the tree) and, for
 * comparison, of the summed RSS (which counts them in every process).
 */
function runMeasured(args) {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const child = spawn(process.execPath, [cli, ...args], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    let peakPss = 0;
    let peakRss = 0;
    const sample = setInterval(() => {
      const ps = spawnSync('ps', ['-e', '-o', 'pid=,ppid=,rss='], { encoding: 'utf8' }).stdout.trim().split('\n').map((l) => l.trim().split(/\s+/).map(Number));
      const tree = new Set([child.pid]);
      let grew = true;
      while (grew) {
        grew = false;
        for (const [pid, ppid] of ps) if (tree.has(ppid) && !tree.has(pid)) (tree.add(pid), (grew = true));
      }
      peakRss = Math.max(peakRss, ps.filter(([pid]) => tree.has(pid)).reduce((sum, [, , kb]) => sum + kb, 0));
      peakPss = Math.max(peakPss, [...tree].reduce((sum, pid) => sum + pssKiB(pid), 0));
    }, 100);
    child.on('exit', (code) => {
      clearInterval(sample);
      if (code !== 0) reject(new Error(`${args.join(' ')} failed:\n${stderr}`));
      else resolve({ seconds: (performance.now() - t) / 1000, peakPssMiB: peakPss / 1024, peakRssMiB: peakRss / 1024 });
    });
  });
}

const out = await mkdtemp(join(tmpdir(), 'bench-out-'));
process.stderr.write(`Benchmark on ${availableParallelism()} cores, ${RUNS} runs each (medians)\n`);
const ONLY = process.env.ONLY;
if (ONLY === 'setup') await setupOverhead();
else {
  if (ONLY !== 'scale') await editions();
  await scale();
}
process.stdout.write(`\n| measurement | median | note |\n| --- | --- | --- |\n${rows.map((r) => `| ${r.join(' | ')} |`).join('\n')}\n`);

async function editions() {
  // 1–3. Whole process: six editions cold (--force), a rebuild with nothing changed, check.
  const cold = await medianOf(() => run(['build', '--out', out, '--force', '--quiet']));
  row('six editions, cold (--force)', cold, 'target ≤ 2.8 s');
  row('rebuild, nothing changed', await medianOf(() => run(['build', '--out', out, '--quiet'])));
  row('check, all sources', await medianOf(() => run(['check'])));
  await setupOverhead();

  // 4. In process, with a warm browser and the memo as watch keeps them: one paper edited in
  //    one language; the Chromium floor (launch + print a one-line page) and the warm print
  //    floor of the same edition.
  const { build, createMemo } = await import(pathToFileURL(join(root, 'dist', 'pipeline.js')).href);
  const { BrowserSession } = await import(pathToFileURL(join(root, 'dist', 'print', 'session.js')).href);
  const { launchBrowser } = await import(pathToFileURL(join(root, 'dist', 'print', 'browser.js')).href);
  const { printPdf } = await import(pathToFileURL(join(root, 'dist', 'print', 'print.js')).href);
  const sources = await mkdtemp(join(tmpdir(), 'bench-src-'));
  await cp(join(root, 'sources'), sources, { recursive: true });
  const warmOut = await mkdtemp(join(tmpdir(), 'bench-warm-'));
  const session = new BrowserSession();
  const memo = createMemo();
  await build({ root, outDir: warmOut, sourcesDir: sources, session, memo });
  const paper = join(sources, 'fr', 'papers', 'CTOC-COP-WG.4-2013-2.md');
  const original = await readFile(paper, 'utf8');
  const warm = await medianOf(
    async () => {
      const r = await build({ root, outDir: warmOut, sourcesDir: sources, session, memo });
      if (!r.ok || r.outputs.filter((o) => !o.cached).length !== 1) throw new Error('warm rebuild did not print exactly one edition');
    },
    (i) => writeFile(paper, original.replace(/\n$/, ` Modification ${i}.\n`)),
  );
  const staged = await mkdtemp(join(tmpdir(), 'bench-page-'));
  await writeFile(join(staged, 'one.html'), '<!DOCTYPE html><html lang="en"><title>x</title><p>One line.</p></html>');
  const floor = await medianOf(async () => {
    const b = await launchBrowser();
    await printPdf(b.browser, pathToFileURL(join(staged, 'one.html')).href);
    await b.close();
  });
  // The floor: printing the same (French) edition in the running browser, in a warm tab as the
  // build does, with nothing else — no checks, no transform, no pdf-lib, no files.
  const frUrl = pathToFileURL(join(warmOut, 'fr', 'index.html')).href;
  const warmPrint = await medianOf(async () => session.print(await session.browser(), frUrl));
  await session.close();
  row('rebuild after editing one paper in one language (warm, as in watch)', warm, `${(warm / warmPrint).toFixed(2)}× the warm print floor; target ≤ 1.5×`);
  row('Chromium floor: launch + print a one-line page + close', floor);
  row('warm print floor: the same edition (French), printed in a running browser', warmPrint);
  await compare(cold);
}

// What setup adds to an `npm run` script on an unchanged checkout: the command as the script
// runs it (`node scripts/setup.mjs cli check`: the checks, then the command in the same
// process) against the command alone, run by turns so that both see the same load; and, for
// scale, npm's own start (`npm run --silent check`), which is npm's, not setup's.
//   ONLY=setup npm run bench    (these rows alone)
async function setupOverhead() {
  const time = (cmd, args) => {
    const t = performance.now();
    const r = spawnSync(cmd, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${r.stderr}`);
    return (performance.now() - t) / 1000;
  };
  const pairs = Math.max(9, RUNS * 3);
  const withSetup = [];
  const direct = [];
  for (let i = 0; i < pairs; i++) {
    withSetup.push(time(process.execPath, [join(root, 'scripts', 'setup.mjs'), 'cli', 'check']));
    direct.push(time(process.execPath, [cli, 'check']));
  }
  const added = median(withSetup.map((t, i) => t - direct[i]));
  row('check through setup (node scripts/setup.mjs cli check, unchanged checkout)', median(withSetup), `setup adds ${(added * 1000).toFixed(0)} ms (median of ${pairs} paired runs) to the direct command; target ≤ 50 ms`);
  row('check, the direct command (node dist/bin/compendium.js check)', median(direct));
  const inProcess = median(
    Array.from({ length: pairs }, () => {
      const r = spawnSync(process.execPath, [join(root, 'scripts', 'setup.mjs'), 'cli', '--version'], { cwd: root, encoding: 'utf8', env: { ...process.env, SETUP_TIMING: '1' } });
      return Number(/checks took ([\d.]+) ms/.exec(r.stderr)?.[1] ?? NaN) / 1000;
    }),
  );
  row("setup's checks alone, timed inside its process (unchanged checkout)", inProcess, `${(inProcess * 1000).toFixed(1)} ms: hash of src/ and the lock file, stamps, and the system packages the command needs`);
  row('npm run --silent check (npm\'s own start included)', median(Array.from({ length: Math.max(3, RUNS) }, () => time('npm', ['run', '--silent', 'check']))));
}

// 5. Side by side, when pandoc and WeasyPrint are installed (apt-get install pandoc weasyprint):
//    six pandoc → WeasyPrint runs on the same text (each language's sources as one Markdown
//    file, pandoc's default page), and six WeasyPrint runs on our own HTML editions (same
//    layout and fonts as our PDFs).
async function compare(ours) {
  const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
  if (!has('pandoc') || !has('weasyprint')) {
    process.stderr.write('  (pandoc → WeasyPrint comparison skipped: pandoc or weasyprint is not installed)\n');
    return;
  }
  const langs = (await readdir(join(root, 'sources'), { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name);
  const work = await mkdtemp(join(tmpdir(), 'bench-weasy-'));
  for (const lang of langs) {
    const dir = join(root, 'sources', lang);
    const parts = [await readFile(join(dir, 'introduction.md'), 'utf8')];
    for (const name of (await readdir(join(dir, 'papers'))).sort()) parts.push((await readFile(join(dir, 'papers', name), 'utf8')).replace(/^---\n[\s\S]*?\n---\n/, ''));
    await writeFile(join(work, `${lang}.md`), parts.join('\n\n'));
  }
  const sh = (cmd, args) => {
    const r = spawnSync(cmd, args, { cwd: work, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr}`);
  };
  const six = (fn) => medianOf(() => langs.forEach(fn));
  const plain = await six((lang) => {
    sh('pandoc', [`${lang}.md`, '-s', '--metadata', `title=Compendium (${lang})`, '--metadata', `lang=${lang}`, '-o', `${lang}.html`]);
    sh('weasyprint', ['-q', `${lang}.html`, `${lang}.pdf`]);
  });
  row(`six pandoc → WeasyPrint runs on the same text (${langs.length} languages)`, plain, `our cold build is ${(ours / plain).toFixed(2)}× this (issue's aim: ≤ 0.5×)`);
  const same = await six((lang) => sh('weasyprint', ['-q', join(out, lang, 'index.html'), `${lang}-ours.pdf`]));
  row('six WeasyPrint runs on our own HTML editions (same layout and fonts)', same, `our cold build is ${(ours / same).toFixed(2)}× this`);
  await rm(work, { recursive: true, force: true });
}

// 6. Scale: a synthetic English compendium 10×, 50× and 100× the size (temporary, never committed).
async function scale() {
  const { PDFDocument } = await import('pdf-lib');
  const scales = (process.env.SCALES ?? '10,50,100').split(',').map(Number).filter((n) => n > 1);
  for (const factor of scales) {
    const dir = await mkdtemp(join(tmpdir(), `bench-x${factor}-`));
    await cp(join(root, 'sources', 'meetings.yaml'), join(dir, 'meetings.yaml'));
    await cp(join(root, 'sources', 'en'), join(dir, 'en'), { recursive: true });
    const papers = join(dir, 'en', 'papers');
    const files = (await readdir(papers)).sort();
    for (let copy = 1; copy < factor; copy++) {
      for (const name of files) {
        const text = await readFile(join(papers, name), 'utf8');
        const number = Number(/\/(\d+)\n/.exec(text)?.[1] ?? 1);
        const symbol = /symbol: (\S+)/.exec(text)?.[1] ?? '';
        const fresh = symbol.replace(/\/\d+$/, `/${number + copy * 20}`);
        await writeFile(join(papers, name.replace('.md', `-${copy}.md`)), text.split(symbol).join(fresh));
      }
    }
    const outX = await mkdtemp(join(tmpdir(), `bench-x${factor}-out-`));
    const { seconds, peakPssMiB, peakRssMiB } = await runMeasured(['build', '--lang', 'en', '--sources', dir, '--out', outX, '--quiet']);
    const pdf = await PDFDocument.load(await readFile(join(outX, 'en', 'compendium-en.pdf')), { updateMetadata: false });
    row(`scale ×${factor}: ${pdf.getPageCount()} pages, English`, seconds, `peak memory of the process tree ${peakPssMiB.toFixed(0)} MiB PSS (${peakRssMiB.toFixed(0)} MiB summed RSS); ${(seconds / pdf.getPageCount() * 1000).toFixed(1)} ms/page; targets for 1,000 pages ≤ 20 s, ≤ 2 GiB`);
    await rm(dir, { recursive: true, force: true });
    await rm(outX, { recursive: true, force: true });
  }
}
