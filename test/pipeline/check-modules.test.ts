/**
 * `check` loads only what it runs (src/pipeline-check.ts): the loader, the rules and the command
 * line, never the transform, the browser, pdf-lib, the barcode and QR code generators, the
 * hyphenation patterns, XLIFF or the server. Asserted on the modules the bundled command
 * really loads (a module hook records each one) and on what the chunks it loads were built
 * from (rolldown marks each bundled file with its path).
 */
import { expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT } from '../helpers/cli.js';

const BIN = join(ROOT, 'dist', 'bin');
const NOT_FOR_CHECK = ['puppeteer-core', 'pdf-lib', 'bwip-js', 'qrcode', 'hyphen', 'xliff', '@xmldom/xmldom', 'chokidar', 'mdast-util-to-hast', 'hast-util-to-html', 'parse5', 'rehype-sanitize'];

/** The packages a file holds: its own, if it lies in node_modules, and those bundled into it. */
async function packagesOf(url: string): Promise<Set<string>> {
  const path = fileURLToPath(url);
  const text = await readFile(path, 'utf8');
  const found = new Set<string>();
  for (const m of `${path}\n${text}`.matchAll(/node_modules\/((?:@[^/\s]+\/)?[^/\s]+)\//g)) found.add(m[1] as string);
  return found;
}

it('check loads the loader and the rules, and none of what only a build, watch or translate needs', async () => {
  const record = join(await mkdtemp(join(tmpdir(), 'check-modules-')), 'modules.txt');
  const run = spawnSync(process.execPath, ['--import', join(ROOT, 'test', 'helpers', 'record-modules.mjs'), join(BIN, 'compendium.js'), 'check', '--format', 'json'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, RECORD_MODULES: record },
  });
  expect(run.status, run.stderr).toBe(0);
  const urls = (await readFile(record, 'utf8')).split('\n').filter((u) => u.startsWith('file:'));
  const loaded = new Set<string>();
  for (const url of urls) for (const name of await packagesOf(url)) loaded.add(name);
  // What check runs is there (the hook saw the chunks) …
  expect([...loaded]).toEqual(expect.arrayContaining(['yaml', 'micromark', 'zod', 'diff']));
  // … and nothing else.
  expect(NOT_FOR_CHECK.filter((name) => loaded.has(name))).toEqual([]);
});

it('the packages check leaves out are in the bundle, for the commands that need them', async () => {
  const all = new Set<string>();
  for (const name of await readdir(BIN)) for (const p of await packagesOf(`file://${join(BIN, name)}`)) all.add(p);
  // hyphen's patterns are loaded from node_modules when an edition is hyphenated, not bundled.
  expect(NOT_FOR_CHECK.filter((name) => name !== 'hyphen' && !all.has(name))).toEqual([]);
});
