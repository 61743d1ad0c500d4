/**
 * The Akoma Ntoso writer on a small compendium held in memory (the rule fixtures' base, one
 * paper changed), without Chromium: the XML is valid against the OASIS schema (xmllint, one
 * call for both languages), and says what the tree says — identification, cover page,
 * paragraphs and points with their eIds and numbers, inline mark-up, symbol references.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { AKN_SCHEMA } from '../helpers/akn-schema.js';
import { spawnSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { loadFixtureProject } from '../helpers/fixtures.js';
import { assembleEdition } from '../../src/transform/assemble.js';
import remarkNumberParagraphs from '../../src/transform/remark-number-paragraphs.js';
import remarkLetterSubparagraphs from '../../src/transform/remark-letter-subparagraphs.js';
import { AKN_NAMESPACE, aknXml } from '../../src/render/akn.js';
import { pointEid, symbolNumber, workIri } from '../../src/model/akn.js';
import type { EditionSource, Lang } from '../../src/types.js';


const PAPER = `---
symbol: CTOC/COP/WG.4/2017/2
year: 2017
meeting: 7
theme: protection-and-assistance
---

In 2017, for the seventh meeting of the Working Group, the Secretariat drafted a background paper on *protection* & **assistance** &lt;needs&gt; (CTOC/COP/WG.4/2017/2), after CTOC/COP/WG.4/2010/5 and E/CN.15/2021/1; see [the Protocol](https://www.unodc.org/).

Specific attention is given to the following forms of protection and assistance:

- Referral of trafficking victims to assistance agencies:
  - medical care;
  - shelter;
- Availability of recovery and reflection periods.
`;

const xml = new Map<Lang, string>();
const editions = new Map<Lang, EditionSource>();

/** The XML of one edition of the project, from its tree after numbering and lettering. */
async function write(edition: EditionSource): Promise<string> {
  const tree = assembleEdition(edition);
  const file = new VFile({ data: { sourceFiles: Object.fromEntries(edition.files.map((f) => [f.path, f])) } });
  await unified().use(remarkNumberParagraphs).use(remarkLetterSubparagraphs, { labels: edition.locale.labels }).run(tree, file);
  return aknXml(edition, tree, { yearSeries: ['CTOC/COP/WG.4', 'E/CN.15'], markupDate: '2021-07-13' });
}

beforeAll(async () => {
  const project = await loadFixtureProject({ 'en/papers/CTOC-COP-WG.4-2017-2.md': PAPER });
  for (const edition of project.editions) {
    editions.set(edition.lang, edition);
    xml.set(edition.lang, await write(edition));
  }
});

const dom = (lang: Lang) => new DOMParser().parseFromString(xml.get(lang) ?? '', 'text/xml');
const all = (lang: Lang, name: string): Element[] => [...(dom(lang).getElementsByTagNameNS(AKN_NAMESPACE, name) as unknown as Iterable<Element>)];
const one = (lang: Lang, name: string): Element => {
  const [first] = all(lang, name);
  if (!first) throw new Error(`no <${name}> in ${lang}`);
  return first;
};
const value = (lang: Lang, parent: string, name: string, attribute = 'value'): string | null => {
  const [element] = [...(one(lang, parent).getElementsByTagNameNS(AKN_NAMESPACE, name) as unknown as Iterable<Element>)];
  return element?.getAttribute(attribute) ?? null;
};

describe('the Akoma Ntoso writer', () => {
  // The schema is not in the repository (test/fixtures/akn/README.md): skipped, and shown as
  // skipped, on a machine without it.
  it.skipIf(AKN_SCHEMA === undefined)('writes XML the OASIS schema accepts (xmllint, both languages in one call)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'akn-unit-'));
    const files = [];
    for (const [lang, text] of xml) {
      const path = join(dir, `${lang}.akn.xml`);
      await writeFile(path, text);
      files.push(path);
    }
    const run = spawnSync('xmllint', ['--noout', '--schema', AKN_SCHEMA as string, ...files], { encoding: 'utf8' });
    expect(run.status, `${run.stderr} (xmllint: Debian's libxml2-utils, installed by scripts/setup.mjs)`).toBe(0);
    expect(run.stderr.match(/ validates$/gm)).toHaveLength(2);
  });

  it('identifies one work and an expression per language (ISO 639-2), the translation marked as such', () => {
    const work = '/akn/un/doc/paper/un-secretariat/2021-07-12/CTOC-COP-WG.4-2021-3';
    expect(workIri('CTOC/COP/WG.4/2021/3', '2021-07-12')).toBe(work);
    for (const lang of ['en', 'fr'] as const) {
      expect(value(lang, 'FRBRWork', 'FRBRuri')).toBe(work);
      expect(value(lang, 'FRBRWork', 'FRBRthis')).toBe(`${work}/!main`);
      expect(value(lang, 'FRBRWork', 'FRBRnumber', 'showAs')).toBe('CTOC/COP/WG.4/2021/3');
      expect(value(lang, 'FRBRWork', 'FRBRauthor', 'href')).toBe('#secretariat');
    }
    expect(value('en', 'FRBRExpression', 'FRBRuri')).toBe(`${work}/eng@2021-07-12`);
    expect(value('fr', 'FRBRExpression', 'FRBRuri')).toBe(`${work}/fra@2021-07-12`);
    expect(value('fr', 'FRBRExpression', 'FRBRlanguage', 'language')).toBe('fra');
    expect(value('fr', 'FRBRExpression', 'FRBRtranslation', 'href')).toBe(`${work}/eng@2021-07-12`);
    expect(value('fr', 'FRBRExpression', 'FRBRauthoritative')).toBe('false');
    expect(value('en', 'FRBRExpression', 'FRBRauthoritative')).toBe('true');
    expect(all('en', 'FRBRtranslation')).toHaveLength(0);
    expect(value('fr', 'FRBRManifestation', 'FRBRuri')).toBe(`${work}/fra@2021-07-12/.xml`);
    expect(value('fr', 'FRBRManifestation', 'FRBRdate', 'date')).toBe('2021-07-13');
    // Every reference the document makes is declared.
    for (const lang of ['en', 'fr'] as const) {
      const declared = new Set(all(lang, 'references').flatMap((r) => [...(r.childNodes as unknown as Iterable<Element>)].filter((n) => n.nodeType === 1).map((n) => `#${n.getAttribute('eId') ?? ''}`)));
      const used = (xml.get(lang) ?? '').match(/(?:refersTo|href|source|by)="#[^"]+"/g)?.map((a) => a.replace(/^[a-zA-Z]+="/, '').slice(0, -1)) ?? [];
      expect(used.filter((u) => !declared.has(u))).toEqual([]);
    }
  });

  it('puts the masthead in the cover page and the meeting lines, title and subtitle in the preface, in the language', () => {
    const text = (lang: Lang, name: string) => all(lang, name).map((e) => e.textContent);
    expect(text('fr', 'docNumber')).toEqual(['CTOC/COP/WG.4/2021/3']);
    expect(text('fr', 'docketNumber')).toEqual(['V.21-05276 (F)']);
    expect(text('en', 'docketNumber')).toEqual(['V.21-05275 (E)']);
    expect(one('fr', 'docDate').getAttribute('date')).toBe('2021-07-12');
    expect(text('fr', 'docDate')).toEqual(['12 juillet 2021']);
    // French: a no-break space before the colon, as the HTML edition prints it.
    expect(one('fr', 'coverPage').textContent).toContain('Original\u00a0: anglais');
    expect(text('fr', 'docAuthority')).toEqual(['Nations Unies']);
    expect(text('fr', 'docTitle')).toEqual([editions.get('fr')?.meta.title]);
    expect(text('fr', 'docCommittee')).toEqual(['Groupe de travail sur la traite des personnes']);
    const inline = (lang: Lang, name: string) => all(lang, 'inline').filter((e) => e.getAttribute('name') === name).map((e) => e.textContent);
    expect(inline('fr', 'akn4un:originalLanguage')).toEqual(['anglais']);
    expect(inline('fr', 'akn4un:languageOfExpression')).toEqual(['Français']);
    expect(inline('fr', 'akn4un:distribution')).toEqual(['Distr. générale']);
    expect(inline('fr', 'akn4un:subTitle')).toEqual(['Recueil thématique établi par le Secrétariat']);
    expect(inline('en', 'akn4un:meeting')).toEqual(['Vienna, 12 and 13 October 2021']);
  });

  it('numbers the paragraphs para_1 … with their printed number, and letters the points in the language', () => {
    const paragraphs = all('en', 'paragraph');
    expect(paragraphs.map((p) => p.getAttribute('eId'))).toEqual(['para_1', 'para_2', 'para_3', 'para_4', 'para_5']);
    expect(paragraphs.map((p) => p.getElementsByTagNameNS(AKN_NAMESPACE, 'num')[0]?.textContent)).toEqual(['1.', '2.', '3.', '4.', '5.']);
    const points = (lang: Lang) => all(lang, 'point').map((p) => `${p.getAttribute('eId')} ${p.getElementsByTagNameNS(AKN_NAMESPACE, 'num')[0]?.textContent}`);
    expect(points('en')).toEqual([
      'para_5__point_a (a)',
      'para_5__point_a__point_i (i)',
      'para_5__point_a__point_ii (ii)',
      'para_5__point_b (b)',
    ]);
    expect(points('fr')).toEqual(['para_5__point_a a)', 'para_5__point_b b)']);
    expect(pointEid('para_5', 'a')).toBe('para_5__point_a');
    // The text before the list introduces it; a point with a list of its own introduces that one.
    const lists = all('en', 'list');
    expect(lists.map((l) => l.getAttribute('eId'))).toEqual(['para_5__list_1', 'para_5__point_a__list_1']);
    expect(lists[1]?.getElementsByTagNameNS(AKN_NAMESPACE, 'intro')[0]?.textContent?.trim()).toBe('Referral of trafficking victims to assistance agencies:');
    expect(all('en', 'chapter').map((c) => c.getAttribute('eId'))).toEqual(['chp_I', 'chp_II']);
    expect(all('en', 'hcontainer').map((c) => `${c.getAttribute('name')} ${c.getAttribute('eId')}`)).toEqual([
      'theme theme_case-management',
      'paper paper_CTOC-COP-WG.4-2010-5',
      'theme theme_protection-and-assistance',
      'paper paper_CTOC-COP-WG.4-2017-2',
    ]);
    expect(all('en', 'item').map((i) => i.textContent?.trim())).toEqual(['Case management systems', 'gender- and age-sensitive approach', 'Identification of victims']);
  });

  it('marks up emphasis and links, escapes the text, and makes each symbol a ref to its work', () => {
    const p = all('en', 'paragraph').find((e) => e.getAttribute('eId') === 'para_4');
    expect(p?.getElementsByTagNameNS(AKN_NAMESPACE, 'i')[0]?.textContent).toBe('protection');
    expect(p?.getElementsByTagNameNS(AKN_NAMESPACE, 'b')[0]?.textContent).toBe('assistance');
    expect(p?.textContent).toContain('& assistance <needs>');
    expect(xml.get('en')).toContain('&amp; <b>assistance</b> &lt;needs&gt;');
    const refs = all('en', 'ref').map((r) => [r.textContent, r.getAttribute('href')]);
    expect(refs).toContainEqual(['CTOC/COP/WG.4/2017/2', '/akn/un/doc/paper/un-secretariat/2017-01-01/CTOC-COP-WG.4-2017-2']);
    expect(refs).toContainEqual(['CTOC/COP/WG.4/2010/5', '/akn/un/doc/paper/un-secretariat/2010-01-01/CTOC-COP-WG.4-2010-5']);
    // A symbol the sources say nothing of: its Official Document System address.
    const links = all('en', 'a').map((a) => [a.textContent, a.getAttribute('href')]);
    expect(links).toEqual([
      ['E/CN.15/2021/1', 'https://undocs.org/en/E/CN.15/2021/1'],
      ['the Protocol', 'https://www.unodc.org/'],
    ]);
    expect(symbolNumber('A/56/23 (Part III)')).toBe('A-56-23(PartIII)');
  });

  it('is the same text for the same tree', async () => {
    expect(await write(editions.get('fr') as EditionSource)).toBe(xml.get('fr'));
  });
});
