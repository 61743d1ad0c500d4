/**
 * The World is all loading reads: a project held in memory (`memoryDisk`) — sources, locale
 * packs, templates, configuration, a font package and an XLIFF file — loads, checks and
 * exports with no file of its own on the disk, and what the memory disk lacks is missing,
 * never read from the file system instead. The memory project stands at this project's own
 * root, where every one of those files also exists on the disk with other content: a read that
 * went past the World would show.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from '../helpers/cli.js';
import { RULES_DIR } from '../helpers/fixtures.js';
import { memoryDisk } from '../../src/load/read.js';
import { createWorld, type World } from '../../src/load/world.js';
import { loadProject } from '../../src/load/project.js';
import { loadConfig } from '../../src/load/config.js';
import { loadTemplates, localeFonts, readFontFile } from '../../src/load/assets.js';
import { readExchangeFile } from '../../src/load/translation.js';
import { inputsDigest } from '../../src/load/inputs.js';
import { check } from '../../src/pipeline-check.js';
import { worldOf, type CheckState } from '../../src/run-stages.js';
import { exportDocument } from '../../src/translate/export.js';
import { readXliff, writeXliff } from '../../src/translate/xliff.js';
import { planImport } from '../../src/translate/import.js';

const SOURCES = join(ROOT, 'sources');
const TEMPLATES = join(ROOT, 'templates');
const TINOS = join(ROOT, 'node_modules', '@fontsource', 'tinos');
const FONT_FILE = join(TINOS, 'files', 'tinos-latin-400-normal.woff2');
const CONFIG = join(ROOT, 'compendium.config.yaml');

const real = (path: string): string => readFileSync(path, 'utf8');
const base = parse(readFileSync(join(RULES_DIR, 'fixtures', 'base.yaml'), 'utf8')) as { config: { yearSeries: string[] }; files: Record<string, string> };

/** The memory project: the rule fixtures' two-language compendium, the real locale packs, marked templates, a font package of its own release. */
function project(): Record<string, string | Uint8Array> {
  const files: Record<string, string | Uint8Array> = {};
  for (const [path, text] of Object.entries(base.files)) files[join(SOURCES, path)] = text;
  for (const name of readdirSync(join(TEMPLATES, 'locales'))) files[join(TEMPLATES, 'locales', name)] = real(join(TEMPLATES, 'locales', name));
  files[join(TEMPLATES, 'edition.html')] = `${real(join(TEMPLATES, 'edition.html'))}<!-- memory -->\n`;
  files[join(TEMPLATES, 'edition.css')] = `${real(join(TEMPLATES, 'edition.css'))}/* memory */\n`;
  files[CONFIG] = `rules:\n  no-such-rule: error\nyearSeries: [${base.config.yearSeries.join(', ')}]\n`;
  files[join(TINOS, 'package.json')] = JSON.stringify({ name: '@fontsource/tinos', version: '0.0.0-memory' });
  for (const css of ['400.css', '700.css', '400-italic.css', '700-italic.css']) files[join(TINOS, css)] = real(join(TINOS, css));
  files[FONT_FILE] = new Uint8Array([0x77, 0x4f, 0x46, 0x32, 1, 2, 3]);
  return files;
}

/** The memory project without some of its files (each one is on the disk). */
function without(...paths: string[]): World {
  const files = project();
  for (const path of paths) delete files[path];
  return createWorld(ROOT, { disk: memoryDisk(files) });
}

describe('a project held in memory', () => {
  const world = createWorld(ROOT, { disk: memoryDisk(project()) });

  it('loads its sources and locale packs, and only them', async () => {
    const loaded = await loadProject(ROOT, { world });
    expect(loaded.editions.map((e) => e.lang)).toEqual(['en', 'fr']);
    expect(loaded.editions[0]?.papers.map((p) => p.symbol)).toEqual(['CTOC/COP/WG.4/2010/5', 'CTOC/COP/WG.4/2017/2']);
    expect(loaded.files.flatMap((f) => f.messages)).toEqual([]);
    expect(loaded.files.map((f) => f.path)).toContain(join(TEMPLATES, 'locales', 'fr.yaml'));
  });

  it('reads its configuration and templates from memory', async () => {
    const config = await loadConfig(world);
    expect(config.file?.path).toBe(CONFIG);
    expect(Object.keys(config.rules)).toEqual(['no-such-rule']);
    expect(config.yearSeries).toEqual(base.config.yearSeries);
    const templates = await loadTemplates(world);
    expect(templates.html.endsWith('<!-- memory -->\n')).toBe(true);
    expect(templates.css.endsWith('/* memory */\n')).toBe(true);
  });

  it('finds its font package and font files in memory', async () => {
    const fonts = await localeFonts({ lang: 'en', fonts: [{ package: '@fontsource/tinos', family: 'Tinos', css: ['400.css'], subsets: ['latin'] }] }, world.disk);
    const face = fonts.faces.find((f) => f.file.name === 'tinos-latin-400-normal.woff2');
    expect(face?.file).toEqual({ from: FONT_FILE, name: 'tinos-latin-400-normal.woff2', id: '@fontsource/tinos@0.0.0-memory/tinos-latin-400-normal.woff2' });
    expect(fonts.covers('é'.codePointAt(0) as number)).toBe(true);
    expect(fonts.covers('ő'.codePointAt(0) as number)).toBe(false); // latin-ext was not asked for
    expect([...(await readFontFile(FONT_FILE, world.disk)).bytes]).toEqual([0x77, 0x4f, 0x46, 0x32, 1, 2, 3]);
  });

  it("is checked through the pipeline from memory: the configuration's unknown rule is its one finding", async () => {
    const result = await check({ root: ROOT, disk: world.disk });
    const found = result.files.flatMap((f) => f.messages.map((m) => `${f.path}:${m.line}:${m.column}: ${m.ruleId}`));
    expect(found).toEqual([`${CONFIG}:2:3: config`]);
    expect(result.project.editions.map((e) => e.lang)).toEqual(['en', 'fr']);
  });

  it('exports a translation and reads the XLIFF file back from memory', async () => {
    const loaded = await loadProject(ROOT, { world: createWorld(ROOT, { disk: world.disk }) });
    const xlf = await writeXliff(exportDocument(loaded, 'fr', { version: '2.0', only: 'all', sourcesDir: SOURCES }));
    const path = join(ROOT, 'fr.xlf');
    const disk = memoryDisk({ ...project(), [path]: xlf });
    const file = await readExchangeFile(path, ROOT, disk);
    expect(file.messages).toEqual([]);
    expect(file.value).toBe(xlf);
    const doc = readXliff(file);
    expect(doc?.units.length).toBeGreaterThan(5);
    const plan = doc && planImport(loaded, doc, file, { force: false, sourcesDir: SOURCES });
    expect(file.messages).toEqual([]);
    // Nothing to change; the record of which original each unit translates is written (the memory project has none).
    expect(plan).toMatchObject({ lang: 'fr', changed: [] });
    expect(plan?.writes.map((w) => w.path)).toEqual([join(SOURCES, 'fr', 'translation.yaml')]);
  });

  it('digests its inputs from memory: the same files give the same digest, a changed template another', async () => {
    const again = await inputsDigest(createWorld(ROOT, { disk: memoryDisk(project()) }));
    expect(await inputsDigest(world)).toBe(again);
    const files = { ...project(), [join(TEMPLATES, 'edition.css')]: `${real(join(TEMPLATES, 'edition.css'))}/* memory, changed */\n` };
    expect(await inputsDigest(createWorld(ROOT, { disk: memoryDisk(files) }))).not.toBe(again);
    expect(await inputsDigest(createWorld(ROOT))).not.toBe(again);
  });

  it("is a run's World with the run's environment", () => {
    const env = { SOURCE_DATE_EPOCH: '1700000000' };
    const state = { options: { root: ROOT, disk: world.disk, env } } as unknown as CheckState;
    expect(worldOf(state).env).toBe(env);
    expect(worldOf(state)).toBe(worldOf(state));
    expect(worldOf(state).disk).toBe(world.disk);
  });
});

describe('a file the memory disk lacks is missing, though the disk has it', () => {
  it('a source is reported', async () => {
    const loaded = await loadProject(ROOT, { world: without(join(SOURCES, 'en', 'themes.yaml')) });
    const messages = loaded.files.flatMap((f) => f.messages.map((m) => `${f.path}: ${m.reason} (${m.ruleId})`));
    expect(messages).toEqual([`${join(SOURCES, 'en', 'themes.yaml')}: Missing source \`en/themes.yaml\` (missing-source)`]);
  });

  it('the configuration is absent', async () => {
    const config = await loadConfig(without(CONFIG));
    expect(config.file).toBeUndefined();
    expect(config.rules).toEqual({});
  });

  it('a template cannot be read', async () => {
    await expect(loadTemplates(without(join(TEMPLATES, 'edition.css')))).rejects.toThrow(/ENOENT/);
  });

  it('a font package is not installed, a font file cannot be read', async () => {
    const { disk } = without(join(TINOS, 'package.json'), FONT_FILE);
    await expect(localeFonts({ lang: 'en', fonts: [{ package: '@fontsource/tinos', family: 'Tinos', css: ['400.css'], subsets: ['latin'] }] }, disk)).rejects.toThrow(
      'Font package @fontsource/tinos (locale en) is not installed: run npm ci',
    );
    await expect(readFontFile(FONT_FILE, disk)).rejects.toThrow(/ENOENT/);
  });

  it('an exchange file is reported', async () => {
    const path = join(ROOT, 'package.json');
    const file = await readExchangeFile(path, ROOT, without().disk);
    expect(file.messages.map((m) => `${m.reason} (${m.ruleId})`)).toEqual([`Cannot read ${path}: no such file (xliff-read)`]);
  });
});
