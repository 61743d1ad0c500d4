/**
 * The two XLIFF versions as described in src/translate/xliff-versions.ts: each description
 * reads back every state its writer writes, and the sample's exported documents, written in
 * each version, read back as what was exported.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { canonical, type Inline } from '../../src/translate/inline.js';
import { readXliff, writeXliff, type ExchangeState, type XliffVersion } from '../../src/translate/xliff.js';
import { VERSIONS } from '../../src/translate/xliff-versions.js';
import { exportDocument } from '../../src/translate/export.js';
import { loadProject } from '../../src/load/project.js';
import { ROOT } from '../helpers/cli.js';

const VERSION_KEYS = Object.keys(VERSIONS) as XliffVersion[];
const STATES: ExchangeState[] = ['initial', 'translated', 'needs-review'];
const TEXT: Inline[] = [
  { t: 'text', value: 'The ' },
  { t: 'em', children: [{ t: 'text', value: 'Working ' }, { t: 'strong', children: [{ t: 'text', value: 'Group' }] }] },
  { t: 'text', value: ' (' },
  { t: 'symbol', value: 'CTOC/COP/WG.4/2019/3' },
  { t: 'text', value: ') ' },
  { t: 'raw', value: '[link](https://example.org/?a=1&b=<2>)' },
];

describe('the XLIFF version descriptions', () => {
  it('a version attribute chooses at most one description', () => {
    const reads = VERSION_KEYS.flatMap((v) => VERSIONS[v].reads);
    expect(new Set(reads).size).toBe(reads.length);
    for (const v of VERSION_KEYS) expect(VERSIONS[v].reads).toContain(v);
  });

  for (const version of VERSION_KEYS) {
    it(`${version}: every state written reads back (done only when translated), with the state the description writes`, async () => {
      const units = STATES.map((state) => ({ unitId: state, name: `n-${state}`, notes: [`note on ${state}`], source: TEXT, target: TEXT, state }));
      const xml = await writeXliff({ version, srcLang: 'en', trgLang: 'fr', files: [{ id: 'f', original: 'en/f.md', units }] });
      const file = new VFile({ path: 'states.xlf', value: xml });
      const doc = readXliff(file);
      expect(file.messages.map((m) => m.reason)).toEqual([]);
      expect(doc?.version).toBe(version);
      const d = VERSIONS[version];
      for (const state of STATES) {
        const read = doc?.units.find((u) => u.unitId === state);
        expect(read?.done, state).toBe(state === 'translated');
        expect(read?.state, state).toBe(d.state.write[state].state);
        expect(d.state.done.includes(read?.state ?? ''), state).toBe(state === 'translated');
      }
    });
  }

  it('the sample exported in each version reads back as exported: languages, files, units, source and target', async () => {
    const sourcesDir = join(ROOT, 'sources');
    const project = await loadProject(ROOT, { sourcesDir });
    for (const lang of ['fr', 'ar'] as const) {
      for (const version of VERSION_KEYS) {
        const exported = exportDocument(project, lang, { version, only: 'all', sourcesDir });
        const file = new VFile({ path: `${lang}-${version}.xlf`, value: await writeXliff(exported) });
        const doc = readXliff(file);
        expect(file.messages.map((m) => m.reason)).toEqual([]);
        expect([doc?.version, doc?.srcLang, doc?.trgLang]).toEqual([version, exported.srcLang, lang]);
        const want = exported.files.flatMap((f) => f.units.map((u) => [f.id, u.unitId, canonical(u.source), u.target && canonical(u.target), u.state === 'translated']));
        const got = doc?.units.map((u) => [u.fileId, u.unitId, canonical(u.source), u.target && canonical(u.target), u.done]);
        expect(got).toEqual(want);
      }
    }
  });
});
