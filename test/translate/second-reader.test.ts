/**
 * The exported files read by implementations that share nothing with ours: Debian's
 * translate-toolkit (Python: translate.storage.xliff, pocount) for XLIFF 1.2, and
 * fast-xml-parser for XLIFF 2.0, checked against the core rules of the 2.0 specification.
 * Each must find every unit with the original's and the translation's text, symbols included.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { plainText } from '../../src/translate/inline.js';
import { pairUnits } from '../../src/translate/status.js';
import type { Lang } from '../../src/types.js';
import { ROOT } from '../helpers/cli.js';
import { exportXliff, load } from './tool.js';

const TRANSLATIONS: Lang[] = ['ar', 'zh', 'fr', 'ru', 'es'];
const SOURCES = join(ROOT, 'sources');

/** Our view of each unit: id → original's text and translation's text. */
let project: Awaited<ReturnType<typeof load>> | undefined;
async function expected(lang: Lang): Promise<Map<string, { source: string; target: string }>> {
  project ??= await load(SOURCES);
  return new Map(pairUnits(project, lang).map((p) => [p.key, { source: plainText(p.original.content), target: plainText(p.translation?.content ?? []) }]));
}

const TOOLKIT = String.raw`
import json, sys
from translate.storage import xliff
def text(elem):
    out = []
    for part in elem.sub:
        if isinstance(part, str):
            out.append(part)
        elif type(part).__name__ == 'X':
            out.append(dict(getattr(part, 'xml_attrib', {}) or {}).get('equiv-text', ''))
        else:
            out.append(text(part))
    return ''.join(out)
files = []
for path in sys.argv[1:]:
    store = xliff.xlifffile.parsefile(path)
    units = []
    for u in store.units:
        if u.isheader():
            continue
        units.append({'id': u.getid(), 'source': text(u.rich_source[0]), 'target': text(u.rich_target[0]) if u.target else '',
                      'translated': u.istranslated(), 'fuzzy': u.isfuzzy(), 'notes': u.getnotes()})
    files.append({'source': store.getsourcelanguage(), 'target': store.gettargetlanguage(), 'units': units})
print(json.dumps(files))
`;

describe('the exported XLIFF, read by a second implementation', () => {
  it("XLIFF 1.2: Debian's translate-toolkit finds every unit, its text and symbols, and counts them translated", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'xliff12-'));
    const paths = TRANSLATIONS.map((lang) => join(dir, `${lang}.xlf`));
    for (const [i, lang] of TRANSLATIONS.entries()) await writeFile(paths[i] as string, await exportXliff(SOURCES, lang, '1.2', 'all', (project ??= await load(SOURCES))));
    const run = spawnSync('/usr/bin/python3', ['-c', TOOLKIT, ...paths], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(run.status, run.stderr).toBe(0);
    const files = JSON.parse(run.stdout) as Array<{ source: string; target: string; units: Array<{ id: string; source: string; target: string; translated: boolean; fuzzy: boolean; notes: string }> }>;
    const count = spawnSync('pocount', ['--csv', ...paths], { encoding: 'utf8' });
    expect(count.status, count.stderr).toBe(0);
    const rows = count.stdout.trim().split('\n').slice(1);
    for (const [i, lang] of TRANSLATIONS.entries()) {
      const read = files[i];
      expect([read?.source, read?.target]).toEqual(['en', lang]);
      const ours = await expected(lang);
      // translate-toolkit names a unit "<file original>\u0004<unit id>".
      expect(read?.units.map((u) => u.id.replace('\u0004', '#'))).toEqual([...ours.keys()]);
      for (const unit of read?.units ?? []) {
        const mine = ours.get(unit.id.replace('\u0004', '#'));
        expect({ source: unit.source.replace(/\s+/g, ' ').trim(), target: unit.target.replace(/\s+/g, ' ').trim() }).toEqual(mine);
        expect(unit.translated && !unit.fuzzy, unit.id).toBe(true);
        expect(unit.notes).toMatch(/paragraph|theme|chapter|keyword|title|body|place/i);
      }
      // Filename, Translated Messages, …, Fuzzy Messages (5th), …, Untranslated Messages (7th), …, Total Message (9th)
      const row = rows.find((r) => r.startsWith(paths[i] as string))?.split(',').map((c) => c.trim()) ?? [];
      expect([row[1], row[4], row[6], row[8]].map(Number)).toEqual([ours.size, 0, 0, ours.size]);
    }
  });

  it('XLIFF 2.0: fast-xml-parser reads every unit, and the file keeps the core rules of the specification', async () => {
    const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', trimValues: false, processEntities: true });
    type Node = Record<string, unknown> & { ':@'?: Record<string, string> };
    const children = (node: Node): Node[] => (Object.entries(node).find(([k]) => k !== ':@')?.[1] as Node[] | undefined) ?? [];
    const nameOf = (node: Node): string => Object.keys(node).find((k) => k !== ':@') ?? '';
    const attrs = (node: Node): Record<string, string> => node[':@'] ?? {};
    const text = (nodes: Node[]): string =>
      nodes.map((n) => (nameOf(n) === '#text' ? String(n['#text']) : nameOf(n) === 'ph' ? (attrs(n).equiv ?? '') : text(children(n)))).join('');
    const codeIds = (nodes: Node[]): string[] => nodes.flatMap((n) => (['ph', 'pc'].includes(nameOf(n)) ? [attrs(n).id ?? '', ...codeIds(children(n))] : nameOf(n) === '#text' ? [] : codeIds(children(n))));
    for (const lang of TRANSLATIONS) {
      const xml = await exportXliff(SOURCES, lang, '2.0', 'all', (project ??= await load(SOURCES)));
      expect(XMLValidator.validate(xml)).toBe(true);
      const tree = parser.parse(xml) as Node[];
      const root = tree.find((n) => nameOf(n) === 'xliff') as Node;
      expect(attrs(root)).toMatchObject({ xmlns: 'urn:oasis:names:tc:xliff:document:2.0', version: '2.0', srcLang: 'en', trgLang: lang });
      const ours = await expected(lang);
      const seen: string[] = [];
      const fileIds = new Set<string>();
      for (const file of children(root).filter((n) => nameOf(n) === 'file')) {
        const fileId = attrs(file).id ?? '';
        expect(fileId).toMatch(/^[\p{L}_][\p{L}\p{N}._-]*$/u); // an NMTOKEN starting like a name
        expect(fileIds.has(fileId)).toBe(false);
        fileIds.add(fileId);
        expect(attrs(file).original).toMatch(/^en\/.+\.(md|yaml)$/);
        const unitIds = new Set<string>();
        for (const unit of children(file).filter((n) => nameOf(n) === 'unit')) {
          const id = attrs(unit).id ?? '';
          expect(unitIds.has(id), `${fileId}#${id} twice`).toBe(false);
          unitIds.add(id);
          const segments = children(unit).filter((n) => nameOf(n) === 'segment');
          expect(segments).toHaveLength(1);
          const segment = segments[0] as Node;
          expect(['initial', 'translated', 'reviewed', 'final']).toContain(attrs(segment).state);
          const source = children(segment).find((n) => nameOf(n) === 'source') as Node;
          const target = children(segment).find((n) => nameOf(n) === 'target') as Node;
          // Inline codes: ids unique in the source; the target's codes are the source's.
          const sourceIds = codeIds(children(source));
          expect(new Set(sourceIds).size).toBe(sourceIds.length);
          for (const tid of codeIds(children(target))) expect(sourceIds).toContain(tid);
          seen.push(`${fileId}#${id}`);
          expect({ source: text(children(source)), target: text(children(target)) }).toEqual(ours.get(`${fileId}#${id}`));
        }
      }
      expect(seen).toEqual([...ours.keys()]);
    }
  });
});
