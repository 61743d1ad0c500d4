#!/usr/bin/env node
// Benchmark: each measurement beside its floor — the same work done without our code, measured
// in the same run, turn about with ours so that both see the same machine — and the ratio.
// Not a test: numbers to read (issue 16 gives the targets, printed beside them).
//   npm run bench                  the table (markdown) on stdout, progress on stderr
//   npm run bench -- --json        the same as JSON, for tracking over time
// Environment: RUNS=5 (runs of each measurement, medians; default 3), SCALES=10,100 (the
// synthetic English compendium ×N; SCALES=0 skips them), SCALE_RUNS=1, ONLY=editions,check,…
// (groups, comma-separated: editions|fonts|check|warm|scale|setup).
// Floors:
//   cold build      scripts/floor.mjs: the same Chromium, flags and page.pdf options, printing
//                   the finished print.html of every edition, as many tabs as the build uses;
//   check           pandoc's Markdown → HTML of the English text (when pandoc is installed);
//   1,000 pages     scripts/floor.mjs printing that edition's print.html;
//   warm rebuild    printing the same edition again in the running browser, in a warm tab.
// When pandoc and WeasyPrint are installed, six pandoc → WeasyPrint runs are timed beside.
import { spawn, spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, writeFile, rm, stat } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir, availableParallelism, loadavg } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'bin', 'compendium.js');
const floorScript = join(root, 'scripts', 'floor.mjs');
const RUNS = Number(process.env.RUNS ?? 3);
const SCALE_RUNS = Number(process.env.SCALE_RUNS ?? 1);
const ONLY = process.env.ONLY ? new Set(process.env.ONLY.split(',')) : undefined;
const only = (part) => !ONLY || ONLY.has(part);
const json = process.argv.includes('--json');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const say = (line) => process.stderr.write(`${line}\n`);
const rows = [];

/**
 * One row: what, ours (seconds, or a value with a unit), the floor and what it is, the
 * ratio, the target. `unit` other than 's' for sizes and memory.
 */
function row(what, ours, { floor, floorWhat, target, unit = 's', note = '', cpu } = {}) {
  const ratio = floor ? ours / floor : undefined;
  const r = { what, ours, unit, floor, floorWhat, ratio, target, note, cpu };
  rows.push(r);
  say(`  ${what}: ${show(ours, unit)}${floor ? ` / ${show(floor, unit)} = ${ratio.toFixed(2)}×` : ''}${target ? ` (target ${target})` : ''}${note ? ` ${note}` : ''}`);
}
const show = (v, unit) => (v === undefined ? '—' : unit === 's' ? `${v.toFixed(2)} s` : unit === 'MiB' ? `${v.toFixed(0)} MiB` : unit === 'MB' ? `${v.toFixed(2)} MB` : `${v} ${unit}`);

/** CPU seconds of this process's waited-for children (and theirs): utime + stime. */
function childCpu() {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

/** A whole process, timed: seconds and the CPU seconds of its process tree. */
function timed(cmd, args, options = {}) {
  const cpu0 = childCpu();
  const t = performance.now();
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26, ...options });
  const seconds = (performance.now() - t) / 1000;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status ?? r.signal}):\n${r.stderr}`);
  return { seconds, cpu: childCpu() - cpu0, stdout: r.stdout };
}
const ourCommand = (args, env = {}) => timed(process.execPath, [cli, ...args], { env: { ...process.env, ...env } });

/** RUNS turns of ours then the floor (the same load for both); medians of each. */
function pairs(ours, floor, runs = RUNS) {
  const a = [];
  const b = [];
  for (let i = 0; i < runs; i++) {
    a.push(ours(i));
    b.push(floor(i));
  }
  return {
    ours: median(a.map((x) => x.seconds)),
    floor: median(b.map((x) => x.seconds)),
    oursCpu: median(a.map((x) => x.cpu)),
    floorCpu: median(b.map((x) => x.cpu)),
  };
}

const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
const out = await mkdtemp(join(tmpdir(), 'bench-out-'));
const langs = (await readdir(join(root, 'sources'), { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();
say(`Benchmark on ${availableParallelism()} cores, load average ${loadavg()[0].toFixed(2)} at start, ${RUNS} runs each (medians)`);

// A first build, untimed: the outputs the floors print, and warm caches for both sides.
ourCommand(['build', '--out', out, '--force', '--quiet']);
const printPages = langs.map((lang) => join(out, lang, 'print.html'));

if (only('editions')) await editions();
if (only('fonts')) await fontSubsets();
if (only('check')) await check();
if (only('warm')) await warm();
if (only('scale')) await scale();
if (ONLY?.has('setup')) await setupOverhead();
if (only('editions')) await compare();
say(`load average ${loadavg()[0].toFixed(2)} at the end`);

if (json) process.stdout.write(`${JSON.stringify({ cores: availableParallelism(), runs: RUNS, rows }, null, 2)}\n`);
else {
  const cell = (r) => [r.what, show(r.ours, r.unit), r.floor ? `${show(r.floor, r.unit)} (${r.floorWhat})` : '—', r.ratio ? `${r.ratio.toFixed(2)}×` : '—', r.target ?? '—', [r.cpu, r.note].filter(Boolean).join('; ')];
  process.stdout.write(`\n| measurement | ours | floor (same run) | ratio | target | note |\n| --- | --- | --- | --- | --- | --- |\n${rows.map((r) => `| ${cell(r).join(' | ')} |`).join('\n')}\n`);
}
await rm(out, { recursive: true, force: true });

async function editions() {
  say('six editions, cold');
  const tabs = String(Number(process.env.COMPENDIUM_CONCURRENCY) || availableParallelism());
  const cold = pairs(
    () => ourCommand(['build', '--out', out, '--force', '--quiet']),
    () => timed(process.execPath, [floorScript, '--tabs', tabs, ...printPages]),
  );
  row('six editions, cold (`build --force`)', cold.ours, {
    floor: cold.floor,
    floorWhat: `Chromium alone printing the six print.html, ${tabs} tabs`,
    target: '≤ 1.15×',
    cpu: `CPU ${cold.oursCpu.toFixed(2)} s against ${cold.floorCpu.toFixed(2)} s`,
  });
  const unchanged = median(Array.from({ length: RUNS }, () => ourCommand(['build', '--out', out, '--quiet']).seconds));
  row('rebuild, nothing changed', unchanged, { target: '≤ 0.5 s' });
  const sizes = await Promise.all(langs.map(async (lang) => [lang, await folderBytes(join(out, lang, 'fonts'))]));
  for (const [lang, bytes] of sizes) row(`web edition's fonts, ${lang}`, bytes / 1e6, { unit: 'MB', target: lang === 'zh' ? '≤ 2 MB' : undefined });
}

// The fonts stage for the six editions of the build in `out`, each run a fresh process (nothing
// remembered): cold, with an empty font cache (every face subset), and warm, from the cache a
// cold run left (none subset). Wall time and the process's CPU time (user + system) of the stage alone.
async function fontSubsets() {
  say('fonts stage, cold and warm');
  const program = `
    const dist = ${JSON.stringify(`${pathToFileURL(join(root, 'dist')).href}/`)};
    const [{ loadProject }, { localeFonts }, { editionFonts }, { subsetEditionFonts }, { subsetRuns }, { writeCachedFonts }] = await Promise.all(
      ['load/project.js', 'load/assets.js', 'model/fonts.js', 'fonts/fonts-stage.js', 'fonts/subset.js', 'write/font-cache.js'].map((m) => import(dist + m)));
    const { readFile } = await import('node:fs/promises');
    const [root, built, cache, keep] = JSON.parse(process.argv[1]);
    const project = await loadProject(root);
    const editions = await Promise.all(project.editions.map(async (e) => {
      // The faces the transform stage picks: the locale's, and those of the switcher's names.
      const others = await Promise.all(project.languages.filter((l) => l.lang !== e.lang).map(async (l) => ({ name: l.name, fonts: await localeFonts(l) })));
      const read = (name) => readFile(built + '/' + e.lang + '/' + name, 'utf8');
      return { html: await read('index.html'), printHtml: await read('print.html'), fonts: editionFonts(await localeFonts(e.locale), others) };
    }));
    const cpu = process.cpuUsage();
    const t = performance.now();
    const shipped = [];
    for (const edition of editions) shipped.push(await subsetEditionFonts(edition, cache));
    const seconds = (performance.now() - t) / 1000;
    const used = process.cpuUsage(cpu);
    if (keep) await writeCachedFonts(cache, shipped.flatMap((s) => s.subsets));
    console.log(JSON.stringify({ seconds, cpu: (used.user + used.system) / 1e6, runs: subsetRuns(), files: shipped.reduce((n, s) => n + s.files.length, 0) }));`;
  const stage = (cache, keep = false) => {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', program, JSON.stringify([root, out, cache, keep])], { cwd: root, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`fonts stage failed:\n${r.stderr}`);
    return JSON.parse(r.stdout);
  };
  const warmCache = await mkdtemp(join(tmpdir(), 'bench-fonts-'));
  stage(warmCache, true);
  const cold = [];
  const warm = [];
  for (let i = 0; i < RUNS; i++) {
    const empty = await mkdtemp(join(tmpdir(), 'bench-fonts-cold-'));
    cold.push(stage(empty));
    await rm(empty, { recursive: true, force: true });
    warm.push(stage(warmCache));
  }
  const m = (xs, k) => median(xs.map((x) => x[k]));
  row('fonts stage, six editions, cold (no font cache)', m(cold, 'seconds'), { cpu: `CPU ${m(cold, 'cpu').toFixed(2)} s`, note: `${cold[0].runs} faces subset, ${cold[0].files} files shipped` });
  row('fonts stage, six editions, warm (from the font cache)', m(warm, 'seconds'), { cpu: `CPU ${m(warm, 'cpu').toFixed(2)} s`, note: `${warm[0].runs} faces subset` });
  await rm(warmCache, { recursive: true, force: true });
}

async function folderBytes(dir) {
  let total = 0;
  for (const name of await readdir(dir).catch(() => [])) total += (await stat(join(dir, name))).size;
  return total;
}

/** Each language's sources as one Markdown file (introduction, then the papers' bodies). */
async function markdownOf(sourcesDir, lang, dir) {
  const base = join(sourcesDir, lang);
  const parts = [await readFile(join(base, 'introduction.md'), 'utf8')];
  for (const name of (await readdir(join(base, 'papers'))).sort()) parts.push((await readFile(join(base, 'papers', name), 'utf8')).replace(/^---\n[\s\S]*?\n---\n/, ''));
  const file = join(dir, `${lang}.md`);
  await writeFile(file, parts.join('\n\n'));
  return file;
}

async function check() {
  say('check');
  if (has('pandoc')) {
    const work = await mkdtemp(join(tmpdir(), 'bench-pandoc-'));
    const md = await markdownOf(join(root, 'sources'), 'en', work);
    const r = pairs(
      () => ourCommand(['check']),
      () => timed('pandoc', [md, '-s', '--metadata', 'title=Compendium', '-o', join(work, 'en.html')]),
    );
    row('check, six languages', r.ours, { floor: r.floor, floorWhat: "pandoc's Markdown → HTML of the English text", target: '≤ 3×' });
    await rm(work, { recursive: true, force: true });
  } else {
    row('check, six languages', median(Array.from({ length: RUNS }, () => ourCommand(['check']).seconds)), { note: 'pandoc is not installed: no floor (apt-get install pandoc)' });
  }
}

async function warm() {
  say('warm one-paper rebuild');
  // In process, with a warm browser and the memo as watch keeps them: one paper edited in one
  // language, against printing the same edition again in the same running browser.
  const { build, createWatchMemo } = await import(pathToFileURL(join(root, 'dist', 'pipeline.js')).href);
  const { BrowserSession } = await import(pathToFileURL(join(root, 'dist', 'print', 'browser-session.js')).href);
  const sources = await mkdtemp(join(tmpdir(), 'bench-src-'));
  await cp(join(root, 'sources'), sources, { recursive: true });
  const warmOut = await mkdtemp(join(tmpdir(), 'bench-warm-'));
  const session = new BrowserSession();
  const memo = createWatchMemo();
  await build({ root, outDir: warmOut, sourcesDir: sources, session, memo });
  const paper = join(sources, 'fr', 'papers', 'CTOC-COP-WG.4-2013-2.md');
  const original = await readFile(paper, 'utf8');
  const frUrl = pathToFileURL(join(warmOut, 'fr', 'print.html')).href;
  const ours = [];
  const floor = [];
  for (let i = 0; i < RUNS; i++) {
    await writeFile(paper, original.replace(/\n$/, ` Modification ${i}.\n`));
    let t = performance.now();
    const r = await build({ root, outDir: warmOut, sourcesDir: sources, session, memo });
    ours.push((performance.now() - t) / 1000);
    if (!r.ok || r.outputs.filter((o) => !o.cached).length !== 1) throw new Error('the warm rebuild did not print exactly one edition');
    t = performance.now();
    await session.print(await session.browser(), frUrl);
    floor.push((performance.now() - t) / 1000);
  }
  await session.close();
  row('rebuild after editing one paper in one language (warm, as in watch)', median(ours), { floor: median(floor), floorWhat: 'printing the same edition in the running browser, warm tab', target: '≤ 1.2×' });
  await rm(sources, { recursive: true, force: true });
  await rm(warmOut, { recursive: true, force: true });
}

/**
 * Run a command, sampling the memory of its whole process tree (node + Chromium) every
 * 100 ms: the peak of the summed PSS (shared pages counted once across the tree).
 */
function runMeasured(cmd, args) {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    let peak = 0;
    const sample = setInterval(() => {
      const ps = spawnSync('ps', ['-e', '-o', 'pid=,ppid='], { encoding: 'utf8' }).stdout.trim().split('\n').map((l) => l.trim().split(/\s+/).map(Number));
      const tree = new Set([child.pid]);
      for (let grew = true; grew; ) {
        grew = false;
        for (const [pid, ppid] of ps) if (tree.has(ppid) && !tree.has(pid)) (tree.add(pid), (grew = true));
      }
      peak = Math.max(peak, [...tree].reduce((sum, pid) => sum + pssKiB(pid), 0));
    }, 100);
    child.on('exit', (code) => {
      clearInterval(sample);
      if (code !== 0) reject(new Error(`${args.join(' ')} failed:\n${stderr}`));
      else resolve({ seconds: (performance.now() - t) / 1000, peakMiB: peak / 1024 });
    });
  });
}

function pssKiB(pid) {
  try {
    return Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0; // ended meanwhile
  }
}

/** The English sources ×factor (papers copied with fresh symbols), in a temporary folder. */
async function scaledSources(factor) {
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
  return dir;
}

async function scale() {
  const { PDFDocument } = await import('pdf-lib');
  const scales = (process.env.SCALES ?? '10,100').split(',').map(Number).filter((n) => n > 1);
  for (const factor of scales) {
    say(`scale ×${factor}`);
    const dir = await scaledSources(factor);
    const outX = await mkdtemp(join(tmpdir(), `bench-x${factor}-out-`));
    const args = ['build', '--lang', 'en', '--sources', dir, '--out', outX, '--quiet'];
    await runMeasured(process.execPath, [cli, ...args, '--force']); // untimed: the page to print
    const print = join(outX, 'en', 'print.html');
    const ours = [];
    const floor = [];
    for (let i = 0; i < SCALE_RUNS; i++) {
      ours.push(await runMeasured(process.execPath, [cli, ...args, '--force']));
      floor.push(await runMeasured(process.execPath, [floorScript, '--tabs', '1', print]));
    }
    const pdf = await PDFDocument.load(await readFile(join(outX, 'en', 'compendium-en.pdf')), { updateMetadata: false });
    const pages = pdf.getPageCount();
    const seconds = median(ours.map((r) => r.seconds));
    const peak = Math.max(...ours.map((r) => r.peakMiB));
    row(`scale ×${factor}: ${pages} pages, English, built`, seconds, {
      floor: median(floor.map((r) => r.seconds)),
      floorWhat: 'Chromium alone printing its print.html',
      target: factor >= 100 ? '≤ 1.25×' : undefined,
      note: `${((seconds / pages) * 1000).toFixed(1)} ms/page (floor ${((median(floor.map((r) => r.seconds)) / pages) * 1000).toFixed(1)})`,
    });
    row(`scale ×${factor}: peak memory of the process tree (PSS)`, peak, { unit: 'MiB', floor: Math.max(...floor.map((r) => r.peakMiB)), floorWhat: 'Chromium alone', target: factor >= 100 ? '≤ 1536 MiB' : undefined });
    const checked = median(Array.from({ length: Math.max(1, SCALE_RUNS) }, () => ourCommand(['check', '--sources', dir]).seconds));
    row(`scale ×${factor}: check`, checked, { target: factor >= 100 ? '≤ 1.5 s' : undefined });
    await rm(dir, { recursive: true, force: true });
    await rm(outX, { recursive: true, force: true });
  }
}

// Side by side, when pandoc and WeasyPrint are installed (apt-get install pandoc weasyprint):
// six pandoc → WeasyPrint runs on the same text, and six WeasyPrint runs on our print.html.
async function compare() {
  if (!has('pandoc') || !has('weasyprint')) {
    say('  (pandoc → WeasyPrint comparison skipped: pandoc or weasyprint is not installed)');
    return;
  }
  const work = await mkdtemp(join(tmpdir(), 'bench-weasy-'));
  const files = await Promise.all(langs.map((lang) => markdownOf(join(root, 'sources'), lang, work)));
  const six = (fn) => median(Array.from({ length: RUNS }, () => langs.reduce((sum, lang, i) => sum + fn(lang, i), 0)));
  const ours = median(Array.from({ length: RUNS }, () => ourCommand(['build', '--out', out, '--force', '--quiet']).seconds));
  const plain = six((lang, i) => {
    const html = join(work, `${lang}.html`);
    return timed('pandoc', [files[i], '-s', '--metadata', `title=Compendium (${lang})`, '--metadata', `lang=${lang}`, '-o', html]).seconds + timed('weasyprint', ['-q', html, join(work, `${lang}.pdf`)]).seconds;
  });
  row('six editions, cold, beside pandoc → WeasyPrint on the same text', ours, { floor: plain, floorWhat: 'six pandoc → WeasyPrint runs' });
  const same = six((lang) => timed('weasyprint', ['-q', join(out, lang, 'print.html'), join(work, `${lang}-ours.pdf`)]).seconds);
  row('six editions, cold, beside WeasyPrint on our print.html', ours, { floor: same, floorWhat: 'six WeasyPrint runs' });
  await rm(work, { recursive: true, force: true });
}

// What setup adds to an `npm run` script on an unchanged checkout (ONLY=setup): the command as
// the script runs it against the command alone, by turns.
async function setupOverhead() {
  const n = Math.max(9, RUNS * 3);
  const r = pairs(
    () => timed(process.execPath, [join(root, 'scripts', 'setup.mjs'), 'cli', 'check']),
    () => ourCommand(['check']),
    n,
  );
  row('check through setup (node scripts/setup.mjs cli check)', r.ours, { floor: r.floor, floorWhat: 'node dist/bin/compendium.js check', note: `setup adds ${((r.ours - r.floor) * 1000).toFixed(0)} ms (medians of ${n})` });
}
