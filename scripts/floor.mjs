#!/usr/bin/env node
// The Chromium floor: the same printing our build does, by Chromium alone, with none of our
// code in the way — no checks, no transform, no pdf-lib, no files written. It launches the
// same Chromium with the same flags (imported, so that they are written once), and prints the
// given finished HTML pages with the same page.pdf options, `--tabs` tabs at a time (the build
// prints as many editions at once as the machine has cores). The PDFs are discarded.
//   node scripts/floor.mjs [--tabs N] [--warm] page.html …
// --warm: launch and print every page once untimed, then time the same prints again in the
// same tabs (the warm print floor, as watch prints). Prints the seconds as JSON on stdout.
// The benchmark (scripts/bench.mjs) runs this as a whole process, beside our own command.
import { availableParallelism } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { CHROMIUM_ARGS, findChromium } = await import(pathToFileURL(join(root, 'dist', 'print', 'launch-chromium.js')).href);
const { PDF_OPTIONS } = await import(pathToFileURL(join(root, 'dist', 'print', 'print-page.js')).href);
const { default: puppeteer } = await import('puppeteer-core');
const { mkdtemp, rm } = await import('node:fs/promises');
const { tmpdir } = await import('node:os');

const args = process.argv.slice(2);
let tabs = availableParallelism();
let warm = false;
const pages = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--tabs') tabs = Number(args[++i]);
  else if (args[i] === '--warm') warm = true;
  else pages.push(pathToFileURL(resolve(args[i])).href);
}
if (pages.length === 0 || !(tabs >= 1)) {
  process.stderr.write('usage: node scripts/floor.mjs [--tabs N] [--warm] page.html …\n');
  process.exit(2);
}

const started = performance.now();
const userDataDir = await mkdtemp(join(tmpdir(), 'floor-chromium-'));
const browser = await puppeteer.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS, userDataDir });
const open = await Promise.all(Array.from({ length: Math.min(tabs, pages.length) }, () => browser.newPage()));
// No time limit: the floor is measured, never cut short (a 1,000-page print takes long).
for (const page of open) page.setDefaultTimeout(0);
await Promise.all(open.map((page) => page.emulateMediaType('print')));

async function printAll() {
  const queue = [...pages];
  await Promise.all(
    open.map(async (page) => {
      for (let url = queue.shift(); url; url = queue.shift()) {
        await page.goto(url, { waitUntil: 'load', timeout: 0 });
        await page.evaluate(async () => {
          await document.fonts.ready;
        });
        await page.pdf({ ...PDF_OPTIONS, timeout: 0 });
      }
    }),
  );
}

let seconds;
if (warm) {
  await printAll();
  const t = performance.now();
  await printAll();
  seconds = (performance.now() - t) / 1000;
}
await (warm ? Promise.resolve() : printAll());
await browser.close();
await rm(userDataDir, { recursive: true, force: true });
process.stdout.write(`${JSON.stringify({ seconds: seconds ?? (performance.now() - started) / 1000, pages: pages.length, tabs })}\n`);
