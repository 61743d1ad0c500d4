/**
 * The fonts stage in process, with the real fonts and the real subsetter: an edition ships
 * the faces its characters need, each subset holding every one of them the full font has;
 * a subset is made once per content — remembered in the process (watch), found in the output
 * folder's cache by the next process (a rebuild, --force too: test/e2e/incremental.test.ts
 * runs the command line) — and a new character subsets again only the faces that cover it.
 */
import { describe, expect, it } from 'vitest';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { localeFonts, readFontFile } from '../../src/load/assets.js';
import { subsetEditionFonts } from '../../src/fonts/fonts-stage.js';
import { subsetRuns } from '../../src/fonts/subset.js';
import { writeCachedFonts } from '../../src/write/font-cache.js';
import { loadProject } from '../../src/load/project.js';
import { ROOT } from '../helpers/cli.js';
import { characterMap, declaredFaces } from '../helpers/font-files.js';

const russian = (await loadProject(ROOT)).editions.find((e) => e.lang === 'ru');
if (!russian) throw new Error('no Russian edition');
const fonts = await localeFonts(russian.locale);
const html = '<p>Доклад Секретариата, para. 12</p>';
const printHtml = '<p>вопро\u00ADсам</p>';
const styles = ['400-italic', '400-normal', '700-italic', '700-normal'];

/** Subsets made since the last call. */
let runs = subsetRuns();
function made(): number {
  const now = subsetRuns();
  const n = now - runs;
  runs = now;
  return n;
}

describe('the fonts stage', () => {
  it('ships the faces the characters need, each subset holding every used character the full font has', async () => {
    const out = await mkdtemp(join(tmpdir(), 'fonts-stage-'));
    const shipped = await subsetEditionFonts({ html, printHtml, fonts }, out);
    // Latin and Cyrillic, in each of the four styles; no latin-ext, no cyrillic-ext.
    expect(shipped.files.map((f) => f.name).sort()).toEqual(['cyrillic', 'latin'].flatMap((s) => styles.map((w) => `tinos-${s}-${w}.woff2`)).sort());
    expect(declaredFaces(shipped.css).map((d) => d.file).sort()).toEqual(shipped.files.map((f) => f.name).sort());
    for (const file of shipped.files) {
      const face = fonts.faces.find((f) => f.file.name === file.name);
      if (!face) throw new Error(file.name);
      const full = characterMap((await readFontFile(face.file.from)).bytes);
      const subset = characterMap(file.data);
      const wanted = [...new Set([...html, ...printHtml, '0', '9', '-'].map((c) => c.codePointAt(0) ?? 0))].filter((c) => (face.ranges ?? []).some(([a, b]) => c >= a && c <= b) && full.has(c));
      for (const c of wanted) expect(subset.has(c), `${file.name} U+${c.toString(16)}`).toBe(true);
      // Cut down: a Cyrillic face keeps a few dozen characters, not its hundred.
      expect(subset.size).toBeLessThan(full.size);
      expect(file.data.byteLength).toBeLessThan((await readFontFile(face.file.from)).bytes.byteLength);
    }
  });

  it('ships no face whose font has none of the characters its unicode-range claims', async () => {
    // œ is in the unicode-range of Tinos latin-ext as well as latin, but only the latin file has it.
    const shipped = await subsetEditionFonts({ html: '<p>œuvre</p>', printHtml: '', fonts }, await mkdtemp(join(tmpdir(), 'fonts-none-')));
    const latinExt = fonts.faces.filter((f) => f.file.name.startsWith('tinos-latin-ext-'));
    expect(latinExt.length).toBe(4);
    expect(latinExt.every((f) => (f.ranges ?? []).some(([a, b]) => 0x153 >= a && 0x153 <= b))).toBe(true);
    expect(shipped.files.map((f) => f.name).sort()).toEqual(styles.map((w) => `tinos-latin-${w}.woff2`));
    expect(shipped.css).not.toContain('latin-ext');
    // Asked for all the same (and so cached as nothing to ship).
    expect(shipped.subsets.filter((s) => s.subset === undefined).length).toBe(4);
  });

  it('subsets once per content: remembered in process, found in the cache by the next process; a new character subsets only its faces', async () => {
    const out = await mkdtemp(join(tmpdir(), 'fonts-cache-'));
    made();
    // Letters no other test of this process asked for: Latin, Cyrillic, and Œ for faces with nothing to ship.
    const text = `${html}<p>ЁQŒ</p>`;
    const first = await subsetEditionFonts({ html: text, printHtml, fonts }, out);
    expect(made()).toBe(first.subsets.length);
    expect(first.subsets.some((s) => s.subset === undefined)).toBe(true);
    // The stage writes nothing; the record stage keeps the subsets in the cache.
    await expect(readdir(join(out, '.cache', 'fonts'))).rejects.toThrow();
    await writeCachedFonts(out, first.subsets);
    expect((await readdir(join(out, '.cache', 'fonts'))).sort()).toEqual(first.subsets.map((s) => `${s.key}.${s.subset ? 'woff2' : 'none'}`).sort());

    // Another process (the compiled stage, as a rebuild runs it) finds them in the cache: it subsets nothing.
    const program = `
      const [{ subsetEditionFonts }, { subsetRuns }, { localeFonts }] = await Promise.all(
        ['fonts/fonts-stage.js', 'fonts/subset.js', 'load/assets.js'].map((m) => import(${JSON.stringify(`${pathToFileURL(join(ROOT, 'dist')).href}/`)} + m)));
      const [locale, html, printHtml, out] = JSON.parse(process.argv[1]);
      const shipped = await subsetEditionFonts({ html, printHtml, fonts: await localeFonts(locale) }, out);
      console.log(JSON.stringify({ runs: subsetRuns(), css: shipped.css, keys: shipped.subsets.map((s) => s.key) }));`;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', program, JSON.stringify([{ lang: 'ru', fonts: russian.locale.fonts }, text, printHtml, out])], { encoding: 'utf8' });
    expect(child.status, child.stderr).toBe(0);
    expect(JSON.parse(child.stdout)).toEqual({ runs: 0, css: first.css, keys: first.subsets.map((s) => s.key) });

    // The same process (watch): remembered, the cache is not even read.
    await rm(join(out, '.cache'), { recursive: true });
    expect(await subsetEditionFonts({ html: text, printHtml, fonts }, out)).toEqual(first);
    expect(made()).toBe(0);

    // A Cyrillic letter not used before: the four Cyrillic faces are subset again, the others not.
    const more = await subsetEditionFonts({ html: `${text}<p>Ж</p>`, printHtml, fonts }, out);
    expect(made()).toBe(4);
    const changed = more.files.filter((f, i) => f.data !== first.files[i]?.data).map((f) => f.name);
    expect(changed.sort()).toEqual(styles.map((w) => `tinos-cyrillic-${w}.woff2`));
  });
});
