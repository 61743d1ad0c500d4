/**
 * The translation workflow end to end on copies of the real sources: export, a translator's
 * tool editing the file (targets, states, notes, order, segments), import; stale detection
 * after an English correction; refused files; add-paper fitting in.
 */
import { describe, expect, it } from 'vitest';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { cli, unexpectedOutput } from '../helpers/cli.js';
import { copySources, edit as editFile, presentLangs } from '../helpers/sources.js';
import type { Element } from '@xmldom/xmldom';
import { writeFilesAtomic } from '../../src/write/sources.js';
import type { Lang } from '../../src/types.js';
import { languageStatus } from '../../src/translate/status.js';
import { addNote, confirm, edit, exportXliff, load, parseXml, planFrom, reorder, replaceInTarget, splitCodes, splitSegment, target, unitOf } from './tool.js';

const TRANSLATIONS: Lang[] = ['ar', 'zh', 'fr', 'ru', 'es'];
const PAPER = 'CTOC-COP-WG.4-2019-3';

async function snapshot(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const walk = async (d: string): Promise<void> => {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) await walk(path);
      else out.set(relative(dir, path), await readFile(path, 'latin1'));
    }
  };
  await walk(dir);
  return out;
}

function changedFiles(before: Map<string, string>, after: Map<string, string>): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((k) => before.get(k) !== after.get(k)).sort();
}

/** A word that each translation's paragraph 2 of the paper contains, and what the tool makes of it. */
const P2_EDIT: Record<Lang, [string, string]> = {
  ar: ['الدور المهم', 'الدور الهام'],
  zh: ['文件强调并概述了', '文件强调并说明了'],
  fr: ['présente un aperçu', 'donne un aperçu'],
  ru: ['важная роль', 'значительная роль'],
  es: ['el importante papel', 'el destacado papel'],
  en: ['', ''],
};

describe('translate export, then import', () => {
  it('of unchanged files (reordered, with notes added) leaves every translation byte-identical, XLIFF 2.0 and 1.2', async () => {
    const sources = await copySources(presentLangs());
    const before = await snapshot(sources);
    const out = join(sources, '..', `${relative(join(sources, '..'), sources)}-xliff`);
    const exported = await cli(['translate', 'export', '--lang', TRANSLATIONS.join(','), '--sources', sources, '--out', out]);
    expect(exported.status, exported.stderr).toBe(0);
    const project = await load(sources);
    for (const lang of TRANSLATIONS) {
      const path = join(out, `compendium-${lang}.xlf`);
      // The tool reorders units and adds a translator's note: neither is text of the sources.
      const xml = edit(await readFile(path, 'utf8'), (doc) => { reorder(doc); addNote(doc, `${PAPER}#p2`, 'Checked against the terminology database.'); });
      if (lang === 'ar') {
        await writeFile(path, xml);
        const run = await cli(['translate', 'import', path, '--sources', sources]);
        expect(run.status, run.stderr).toBe(0);
        expect(run.stderr).toContain('Nothing changed.');
      } else {
        const { plan, messages } = await planFrom(sources, xml, false, project);
        expect(messages).toEqual([]);
        expect(plan?.writes).toEqual([]);
      }
      const { plan, messages } = await planFrom(sources, await exportXliff(sources, lang, '1.2', 'all', project), false, project);
      expect(messages).toEqual([]);
      expect(plan?.writes).toEqual([]);
    }
    expect(changedFiles(before, await snapshot(sources))).toEqual([]);
  });

  it('of one changed target changes exactly that paragraph (French in XLIFF 2.0, Arabic in 1.2)', async () => {
    const sources = await copySources(presentLangs());
    const before = await snapshot(sources);
    for (const [lang, version] of [['fr', '2.0'], ['ar', '1.2']] as const) {
      const [find, replace] = P2_EDIT[lang];
      const xml = edit(await exportXliff(sources, lang, version), (doc) => replaceInTarget(doc, `${PAPER}#p2`, find, replace));
      if (lang === 'fr') {
        const path = join(sources, '..', `${lang}-one.xlf`);
        await writeFile(path, xml);
        const run = await cli(['translate', 'import', path, '--sources', sources]);
        expect(run.status, run.stderr).toBe(0);
        expect(run.stderr).toContain(`${lang}: 1 unit(s) changed`);
      } else {
        const { plan, messages } = await planFrom(sources, xml);
        expect(messages).toEqual([]);
        expect(plan?.changed).toEqual([`${PAPER}#p2`]);
        await writeFilesAtomic(plan?.writes ?? []);
      }
    }
    const after = await snapshot(sources);
    expect(changedFiles(before, after)).toEqual([`ar/papers/${PAPER}.md`, `fr/papers/${PAPER}.md`]);
    for (const lang of ['fr', 'ar'] as const) {
      const old = Buffer.from(before.get(`${lang}/papers/${PAPER}.md`) ?? '', 'latin1').toString('utf8').split('\n');
      const now = Buffer.from(after.get(`${lang}/papers/${PAPER}.md`) ?? '', 'latin1').toString('utf8').split('\n');
      expect(now.length).toBe(old.length);
      const differing = now.map((line, i) => (line === old[i] ? -1 : i)).filter((i) => i >= 0);
      expect(differing).toEqual([6]); // line 7: the second paragraph, and nothing else
      const [find, replace] = P2_EDIT[lang];
      expect(now[6]).toBe(old[6]?.replace(find, replace));
    }
  });

  it('after an English correction, exactly that paragraph is stale in all five translations; re-importing fixes it; the old file is refused', async () => {
    const sources = await copySources(presentLangs());
    const older = await exportXliff(sources, 'fr');
    await editFile(join(sources, 'en', 'papers', `${PAPER}.md`), (t) => t.replace('the paper contains an overview of the actors', 'the paper gives an overview of the actors'));

    const checked = await cli(['check', '--format', 'json', '--sources', sources]);
    expect(checked.status).toBe(0); // a warning by default
    const stale = (JSON.parse(checked.stdout) as Array<{ file: string; line: number; ruleId: string; message: string }>).filter((d) => d.ruleId === 'stale-translation');
    expect(stale.map((d) => `${d.file.split('/').slice(-3).join('/')}:${d.line}`).sort()).toEqual(TRANSLATIONS.map((l) => `${l}/papers/${PAPER}.md:7`).sort());
    for (const d of stale) expect(d.message).toContain('[-contains-]{+gives+}');

    const status = await cli(['status', '--format', 'json', '--sources', sources]);
    const rows = JSON.parse(status.stdout) as Array<{ lang: string; units: number; translated: number; stale: number; missing: number }>;
    expect(rows.map((r) => [r.lang, r.stale, r.missing, r.translated + 1 === r.units])).toEqual(TRANSLATIONS.map((l) => [l, 1, 0, true]));

    // The old file now disagrees with the original: refused, at the unit's line; nothing written.
    const oldPath = join(sources, '..', 'fr-older.xlf');
    await writeFile(oldPath, older);
    const line = older.split('\n').findIndex((l) => l.includes('<unit id="p2" name="CTOC-COP-WG.4-2019-3#p2"')) + 1;
    const refused = await planFrom(sources, older);
    expect(refused.plan).toBeUndefined();
    expect(refused.messages).toEqual([`${line}:5 Unit ${PAPER}#p2: its source no longer matches the original (en): …Working Group, the paper [-contains-]{+gives+} an overview of the…; export again, or import with --force to keep it marked stale`]);

    // Export what is stale, translate it (the tool confirms it), import: nothing is stale any more.
    const out = join(sources, '..', 'stale-xliff');
    expect((await cli(['translate', 'export', '--only', 'stale', '--lang', TRANSLATIONS.join(','), '--sources', sources, '--out', out])).status).toBe(0);
    const edited = await load(sources);
    for (const lang of TRANSLATIONS) {
      const xml = await readFile(join(out, `compendium-${lang}.xlf`), 'utf8');
      const doc = parseXml(xml);
      const units = [...(doc.getElementsByTagName('unit') as unknown as Iterable<Element>)].map((u) => u.getAttribute('name'));
      expect(units).toEqual([`${PAPER}#p2`]);
      expect(xml).toContain('state="initial" subState="un:needs-review"');
      expect(xml).toContain('[-contains-]{+gives+}');
      const [find, replace] = P2_EDIT[lang];
      const { plan, messages } = await planFrom(sources, edit(xml, (d) => { replaceInTarget(d, `${PAPER}#p2`, find, replace); confirm(d, `${PAPER}#p2`); }), false, edited);
      expect(messages).toEqual([]);
      await writeFilesAtomic(plan?.writes ?? []);
    }
    // Nothing stale any more: nothing to export.
    const none = await cli(['translate', 'export', '--only', 'stale', '--lang', 'fr', '--sources', sources, '--out', join(sources, '..', 'none')]);
    expect(none.status).toBe(0);
    expect(none.stderr).toContain('fr: nothing to export (--only stale), no file written');
    const fixed = await load(sources);
    expect(TRANSLATIONS.map((lang) => languageStatus(fixed, lang)).map((r) => [r.lang, r.stale, r.translated === r.units])).toEqual(TRANSLATIONS.map((l) => [l, 0, true]));

    // --force imports the old file's text and leaves the unit stale (it translates the older original).
    const forced = await cli(['translate', 'import', oldPath, '--force', '--sources', sources]);
    expect(forced.status, forced.stderr).toBe(0);
    expect(forced.stderr).toContain(`left stale (${PAPER}#p2)`);
    expect(languageStatus(await load(sources), 'fr').stale).toBe(1);
  });

  it('keeps protected symbols and emphasis through a tool that moves them, in every language (Arabic and Chinese included)', async () => {
    const sources = await copySources(presentLangs());
    const SYMBOL = 'CTOC-COP-WG.4-2010-2#p1';
    const EMPHASIS = 'CTOC-COP-WG.4-2010-2#p3.1';
    const project = await load(sources);
    for (const lang of TRANSLATIONS) {
      for (const version of ['2.0', '1.2'] as const) {
        const xml = await exportXliff(sources, lang, version, 'all', project);
        const doc = parseXml(xml);
        // The original's symbol and emphasis are protected in the source (English side of the round trip).
        const ph = version === '2.0' ? 'ph' : 'x';
        const span = version === '2.0' ? 'pc' : 'g';
        const symbolCode = unitOf(doc, SYMBOL).getElementsByTagName(ph)[0];
        expect(symbolCode?.getAttribute(version === '2.0' ? 'equiv' : 'equiv-text')).toBe('CTOC/COP/WG.4/2010/2');
        expect(unitOf(doc, EMPHASIS).getElementsByTagName(span)[0]?.textContent).toBe('Model Law against Trafficking in Persons');
      }
      // The tool moves the symbol to the start of the target and the emphasis to its end.
      const moved = edit(await exportXliff(sources, lang, '2.0', 'all', project), (doc) => {
        const t1 = target(unitOf(doc, SYMBOL));
        const code = t1.getElementsByTagName('ph')[0] as Element;
        t1.insertBefore(doc.createTextNode(' '), t1.firstChild);
        t1.insertBefore(code, t1.firstChild);
        confirm(doc, SYMBOL);
        const t2 = target(unitOf(doc, EMPHASIS));
        // Chinese marks the title with 《》, not emphasis: there the tool copies the source's code in.
        let pc = t2.getElementsByTagName('pc')[0];
        if (!pc) {
          pc = unitOf(doc, EMPHASIS).getElementsByTagName('source')[0]?.getElementsByTagName('pc')[0]?.cloneNode(false) as Element;
          pc.appendChild(doc.createTextNode('示范法'));
        }
        t2.appendChild(doc.createTextNode(' — '));
        t2.appendChild(pc);
        confirm(doc, EMPHASIS);
      });
      const { plan, messages } = await planFrom(sources, moved, false, project);
      expect(messages).toEqual([]);
      await writeFilesAtomic(plan?.writes ?? []);
      const md = await readFile(join(sources, lang, 'papers', 'CTOC-COP-WG.4-2010-2.md'), 'utf8');
      expect(md).toMatch(/\n\nCTOC\/COP\/WG\.4\/2010\/2 /u);
      expect(md).toMatch(/ — \*[^*\n]+\*\n/u);
      // Read back: the same codes, where the tool put them.
      const back = parseXml(await exportXliff(sources, lang));
      expect(target(unitOf(back, SYMBOL)).firstChild?.nodeName).toBe('ph');
      expect(target(unitOf(back, EMPHASIS)).lastChild?.nodeName).toBe('pc');
    }
  });

  it('refuses broken or mismatched files with file:line:column messages and writes nothing', async () => {
    const sources = await copySources(presentLangs());
    const before = await snapshot(sources);
    const project = await load(sources);
    const good = await exportXliff(sources, 'fr', '2.0', 'all', project);
    const lineOf = (xml: string, needle: string) => xml.split('\n').findIndex((l) => l.includes(needle)) + 1;
    const cases: Array<{ name: string; xml: string; expected: RegExp }> = [
      { name: 'not XML', xml: good.slice(0, good.length / 2), expected: /^\d+:\d+ Not well-formed XML: / },
      { name: 'not XLIFF', xml: '<?xml version="1.0"?>\n<html><body/></html>\n', expected: /^2:1 Not an XLIFF file/ },
      { name: 'an unknown language', xml: good.replace('trgLang="fr"', 'trgLang="de"'), expected: /target language "de" is not a translation/ },
      { name: 'an unknown unit', xml: good.replace('<unit id="p2" name="CTOC-COP-WG.4-2019-3#p2"', '<unit id="p9" name="CTOC-COP-WG.4-2019-3#p9"'), expected: new RegExp(`^${lineOf(good, 'name="CTOC-COP-WG.4-2019-3#p2"')}:5 Unit CTOC-COP-WG.4-2019-3#p9 is not in the sources`) },
      {
        name: 'a target without its symbol',
        xml: edit(good, (d) => { const t = target(unitOf(d, 'CTOC-COP-WG.4-2010-2#p1')); const ph = t.getElementsByTagName('ph')[0] as Element; t.removeChild(ph); }),
        expected: /Unit CTOC-COP-WG.4-2010-2#p1: the target must keep the source's protected symbols \(missing CTOC\/COP\/WG.4\/2010\/2\)/,
      },
      {
        name: 'emphasis in a plain-text field',
        xml: edit(good, (d) => { const t = target(unitOf(d, 'document#title')); const pc = d.createElementNS(d.documentElement?.namespaceURI ?? null, 'pc'); pc.setAttribute('id', '9'); pc.setAttribute('type', 'fmt'); pc.setAttribute('subType', 'xlf:i'); pc.appendChild(d.createTextNode('Documents')); t.insertBefore(pc, t.firstChild); }),
        expected: /Unit document#title: this field is plain text/,
      },
      { name: 'an empty target', xml: edit(good, (d) => { target(unitOf(d, 'document#subtitle')).textContent = ''; }), expected: /Unit document#subtitle: the target is empty/ },
    ];
    for (const c of cases) {
      const { plan, messages } = await planFrom(sources, c.xml, false, project);
      expect(plan, c.name).toBeUndefined();
      expect(messages.some((m) => c.expected.test(m)), `${c.name}: ${messages.join('\n')}`).toBe(true);
    }
    // On the command line: one good change and one bad unit in the same file → exit 1, nothing written.
    const mixed = edit(good, (d) => {
      replaceInTarget(d, `${PAPER}#p2`, 'présente un aperçu', 'donne un aperçu');
      const t = target(unitOf(d, 'CTOC-COP-WG.4-2010-2#p1'));
      t.removeChild(t.getElementsByTagName('ph')[0] as Element);
    });
    const path = join(sources, '..', 'mixed.xlf');
    await writeFile(path, mixed);
    const run = await cli(['translate', 'import', path, '--sources', sources]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`mixed\\.xlf:${lineOf(mixed, 'name="CTOC-COP-WG.4-2010-2#p1"')}:\\d+: error Unit CTOC-COP-WG.4-2010-2#p1`));
    expect(run.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
    expect(changedFiles(before, await snapshot(sources))).toEqual([]);
  });

  it('writes a changed YAML field in place, quoted as it was (or quoted when it must be), and nothing else', async () => {
    const sources = await copySources(presentLangs());
    const project = await load(sources);
    const xml = edit(await exportXliff(sources, 'fr', '1.2', 'all', project), (d) => {
      replaceInTarget(d, 'themes#case-management.title', 'Gestion des affaires', 'Gestion des dossiers');
      replaceInTarget(d, 'document#keywords.3', 'documents d’information', 'documents d’information : recueil');
    });
    const { plan, messages } = await planFrom(sources, xml, false, project);
    expect(messages).toEqual([]);
    expect(plan?.changed.sort()).toEqual(['document#keywords.3', 'themes#case-management.title']);
    const before = { themes: await readFile(join(sources, 'fr', 'themes.yaml'), 'utf8'), doc: await readFile(join(sources, 'fr', 'document.yaml'), 'utf8') };
    await writeFilesAtomic(plan?.writes ?? []);
    const themes = await readFile(join(sources, 'fr', 'themes.yaml'), 'utf8');
    const doc = await readFile(join(sources, 'fr', 'document.yaml'), 'utf8');
    expect(themes).toBe(before.themes.replace('title: "Gestion des affaires"', 'title: "Gestion des dossiers"'));
    // A plain value that now holds ": " must be quoted to stay the same text.
    expect(doc).toBe(before.doc.replace('  - documents d’information\n', '  - "documents d’information : recueil"\n'));
  });

  it('reads emphasis a tool wrote as start and end codes (2.0 sc/ec, 1.2 bx/ex)', async () => {
    const sources = await copySources(presentLangs());
    const project = await load(sources);
    const KEY = 'CTOC-COP-WG.4-2010-2#p3.1';
    for (const version of ['2.0', '1.2'] as const) {
      const xml = edit(await exportXliff(sources, 'es', version, 'all', project), (d) => {
        splitCodes(d, KEY);
        replaceInTarget(d, KEY, 'Ley Modelo', 'Ley modelo');
      });
      expect(xml).toMatch(version === '2.0' ? /<sc id="1"[^>]*\/>Ley modelo[^<]*<ec startRef="1"\/>/ : /<bx id="1s" rid="1"\/>Ley modelo[^<]*<ex id="1e" rid="1"\/>/);
      const { plan, messages } = await planFrom(sources, xml, false, project);
      expect(messages).toEqual([]);
      const written = plan?.writes.find((w) => w.path.endsWith('CTOC-COP-WG.4-2010-2.md'))?.data ?? '';
      expect(written).toMatch(/\*Ley modelo [^*\n]+\*/u);
    }
    // An end code with no start is refused at its place.
    const broken = (await exportXliff(sources, 'es', '2.0', 'all', project)).replace(/(<unit id="p3.1"[^]*?<target>[^]*?)<pc id="1"[^>]*>([^<]*)<\/pc>/u, '$1$2<ec startRef="7"/>');
    const { plan, messages } = await planFrom(sources, broken, false, project);
    expect(plan).toBeUndefined();
    expect(messages.join('\n')).toMatch(/\d+:\d+ Inline code <ec> ends a code that was not started \(7\)/);
  });

  it('reports a hand-broken translation.yaml at its line and column (the loader reads it, like every source)', async () => {
    const sources = await copySources(presentLangs());
    await editFile(join(sources, 'zh', 'translation.yaml'), (t) => t.replace(/(document#title:\n    hash: )[0-9a-f]{16}/u, '$1not-a-hash'));
    const project = await load(sources);
    const file = project.files.find((f) => f.path.endsWith(join('zh', 'translation.yaml')));
    const line = String(file?.value).split('\n').findIndex((l) => l.includes('not-a-hash')) + 1;
    expect(file?.messages.map((m) => `${m.line}:${m.column} ${m.fatal ? 'error' : 'warning'} ${m.reason}`)).toEqual([`${line}:5 error \`units.document#title.hash\`: a hash is 16 hexadecimal digits`]);
    expect(project.translations?.zh).toBeUndefined();
  });

  it('says what is wrong with the command line (exit 2)', async () => {
    const run = await cli(['translate', 'export', '--xliff', '3.0', '--lang', 'fr']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--xliff takes 2.0 or 1.2, not "3.0"');
  });

  it('reads a unit a tool split into two segments as one text', async () => {
    const sources = await copySources(presentLangs());
    const xml = edit(await exportXliff(sources, 'fr'), (d) => {
      splitSegment(d, `${PAPER}#p2`, 'With reference to', 'Se référant aux');
      replaceInTarget(d, `${PAPER}#p2`, 'présente un aperçu', 'donne un aperçu');
    });
    const { plan, messages } = await planFrom(sources, xml);
    expect(messages).toEqual([]);
    expect(plan?.changed).toEqual([`${PAPER}#p2`]);
    await writeFilesAtomic(plan?.writes ?? []);
    const md = await readFile(join(sources, 'fr', 'papers', `${PAPER}.md`), 'utf8');
    expect(md).toContain('l’étranger. Se référant aux recommandations pertinentes adoptées antérieurement par le Groupe de travail, le document donne un aperçu');
  });

  it('add-paper fits in: the new paper exports as missing and, imported, leaves no ⟦…⟧ and a clean check', async () => {
    const sources = await copySources(presentLangs());
    const added = await cli(['add-paper', '--sources', sources, '--symbol', 'CTOC/COP/WG.4/2021/2', '--year', '2021', '--meeting', '11', '--theme', 'demand', '--topic', 'emerging forms of demand']);
    expect(added.status, added.stderr).toBe(0);
    await editFile(join(sources, 'en', 'papers', 'CTOC-COP-WG.4-2021-2.md'), (t) => t.replace('⟦summary paragraphs⟧', 'The paper reviews recent research on demand.'));
    await editFile(join(sources, 'meetings.yaml'), (t) => `${t}  - number: 11\n    year: 2021\n`);
    const words: Record<Lang, [string, string]> = {
      ar: ['أشكال الطلب الناشئة', 'ويستعرض الورقة البحوث الحديثة بشأن الطلب.'],
      zh: ['新出现的需求形式', '该文件回顾了关于需求的最新研究。'],
      fr: ['les nouvelles formes de demande', 'Le document passe en revue les recherches récentes sur la demande.'],
      ru: ['новых формах спроса', 'В документе рассматриваются последние исследования спроса.'],
      es: ['las nuevas formas de demanda', 'En el documento se examinan las investigaciones recientes sobre la demanda.'],
      en: ['', ''],
    };
    const project = await load(sources);
    for (const lang of TRANSLATIONS) {
      const xml = await exportXliff(sources, lang, '2.0', 'missing', project);
      const doc = parseXml(xml);
      const names = [...(doc.getElementsByTagName('unit') as unknown as Iterable<Element>)].map((u) => u.getAttribute('name'));
      expect(names).toEqual(['CTOC-COP-WG.4-2021-2#p1', 'CTOC-COP-WG.4-2021-2#p2']);
      expect(xml.match(/state="initial"/g)).toHaveLength(2);
      const done = edit(xml, (d) => {
        const t1 = target(unitOf(d, 'CTOC-COP-WG.4-2021-2#p1'));
        const marker = /⟦[^⟧]*⟧/u.exec(t1.textContent ?? '')?.[0] ?? '';
        replaceInTarget(d, 'CTOC-COP-WG.4-2021-2#p1', marker, words[lang][0]);
        target(unitOf(d, 'CTOC-COP-WG.4-2021-2#p2')).textContent = words[lang][1];
        confirm(d, 'CTOC-COP-WG.4-2021-2#p1');
        confirm(d, 'CTOC-COP-WG.4-2021-2#p2');
      });
      const { plan, messages } = await planFrom(sources, done, false, project);
      expect(messages).toEqual([]);
      await writeFilesAtomic(plan?.writes ?? []);
      expect(await readFile(join(sources, lang, 'papers', 'CTOC-COP-WG.4-2021-2.md'), 'utf8')).not.toMatch(/⟦|⟧/u);
    }
    const check = await cli(['check', '--sources', sources]);
    // No finding but the warnings about the sample translations' placeholder job numbers.
    expect(unexpectedOutput(check.stderr)).toEqual([]);
    expect(check.status).toBe(0);
    // The table a person reads: every translation 251 of 251 units, 100 %.
    const table = await cli(['status', '--sources', sources]);
    expect(table.status).toBe(0);
    const [header, ...lines] = table.stdout.trim().split('\n');
    expect(header?.split(/\s{2,}/)).toEqual(['language', 'units', 'translated', 'stale', 'missing', 'done']);
    expect(lines.map((l) => l.trim().split(/\s+/))).toEqual(TRANSLATIONS.map((l) => [l, '251', '251', '0', '0', '100.0', '%']));
  });
});
