/**
 * The subsetter itself (src/fonts/subset.ts), on the real fonts: the same face and code points
 * give the same bytes, every time (the editions are byte-identical build after build); the
 * layout features come along (Arabic joining forms); and the key changes with each input.
 */
import { describe, expect, it } from 'vitest';
import { create, type Font } from 'fontkit';
import { localeFonts, readFontFile, subsetterVersion } from '../../src/load/assets.js';
import { subsetFace, subsetKey } from '../../src/fonts/subset.js';
import { loadProject } from '../../src/load/project.js';
import { ROOT } from '../helpers/cli.js';
import { characterMap } from '../helpers/font-files.js';

const arabic = (await loadProject(ROOT)).editions.find((e) => e.lang === 'ar');
if (!arabic) throw new Error('no Arabic edition');
const amiri = (await localeFonts(arabic.locale)).faces.find((f) => f.file.name === 'amiri-arabic-400-normal.woff2');
if (!amiri) throw new Error('no Amiri face');
const source = await readFontFile(amiri.file.from);
const cps = (text: string) => [...new Set([...text].map((c) => c.codePointAt(0) ?? 0))].sort((a, b) => a - b);

describe('subsetFace', () => {
  it('gives the same bytes for the same face and code points', async () => {
    const a = await subsetFace(source.bytes, cps('بسم'));
    const b = await subsetFace(new Uint8Array(source.bytes), cps('بسم'));
    expect(a).toBeDefined();
    expect(Buffer.compare(Buffer.from(a ?? []), Buffer.from(b ?? []))).toBe(0);
  });

  it('keeps the glyphs the layout features reach: an Arabic letter with its joining forms', async () => {
    const bytes = (await subsetFace(source.bytes, cps('ب'))) ?? new Uint8Array();
    expect([...characterMap(bytes)]).toEqual(cps('ب'));
    const subset = create(Buffer.from(bytes)) as Font;
    // .notdef, the isolated letter and its initial, medial and final forms (and more Amiri has).
    expect(subset.numGlyphs).toBeGreaterThanOrEqual(5);
    const word = subset.layout('ببب');
    expect(new Set(word.glyphs.map((g) => g.id)).size).toBe(3); // initial, medial, final: three different glyphs
  });

  it('gives nothing for a font with none of the code points', async () => {
    expect(await subsetFace(source.bytes, cps('ABC'))).toBeUndefined();
  });

  it('keys a subset by the subsetter, the font and the code points', async () => {
    const version = await subsetterVersion();
    expect(version).toMatch(/^subset-font@\d+\.\d+\.\d+ harfbuzzjs@\d+\.\d+\.\d+ wawoff2@\d+\.\d+\.\d+$/);
    const font = amiri?.file.id ?? '';
    expect(font).toMatch(/^@fontsource\/amiri@\d+\.\d+\.\d+\/amiri-arabic-400-normal\.woff2$/);
    const key = subsetKey(version, font, [0x628]);
    expect(subsetKey(version, font, [0x628])).toBe(key);
    for (const other of [subsetKey(`${version}+`, font, [0x628]), subsetKey(version, `${font}0`, [0x628]), subsetKey(version, font, [0x628, 0x629])]) expect(other).not.toBe(key);
  });
});
