/**
 * The six Akoma Ntoso editions of the run's shared build (test/global-setup.ts), read back:
 * valid against the OASIS schema (xmllint, the six files in one call), one work and six
 * expressions, the cover page of each language against its sources and its HTML masthead, and
 * every paragraph and subparagraph — eId, number, text — and every symbol against the HTML
 * edition, which carries the same eIds.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { AKN_SCHEMA } from '../helpers/akn-schema.js';
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import { toString } from 'hast-util-to-string';
import type { Element as HastElement, Root as HastRoot } from 'hast';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { sharedEditions } from '../helpers/shared-build.js';
import { ROOT } from '../helpers/cli.js';
import { presentLangs } from '../helpers/sources.js';
import { loadProject } from '../../src/load/project.js';
import { AKN_NAMESPACE } from '../../src/render/akn.js';
import type { EditionSource, Lang } from '../../src/types.js';

const ISO: Record<string, string> = { ar: 'ara', zh: 'zho', en: 'eng', fr: 'fra', ru: 'rus', es: 'spa' };
const langs = presentLangs() as Lang[];
let out: string;
const xmlText = new Map<Lang, string>();
const xml = new Map<Lang, Element>();
const html = new Map<Lang, HastRoot>();
const sources = new Map<Lang, EditionSource>();

const xmlPath = (lang: string) => join(out, lang, `compendium-${lang}.akn.xml`);

beforeAll(async () => {
  const built = await sharedEditions();
  expect(built.status, built.stderr).toBe(0);
  out = built.out;
  for (const edition of (await loadProject(ROOT)).editions) sources.set(edition.lang, edition);
  for (const lang of langs) {
    const text = await readFile(xmlPath(lang), 'utf8');
    xmlText.set(lang, text);
    const root = new DOMParser().parseFromString(text, 'text/xml').documentElement;
    if (!root) throw new Error(`${lang}: no document element`);
    xml.set(lang, root);
    html.set(lang, unified().use(rehypeParse).parse(await readFile(join(out, lang, 'index.html'), 'utf8')));
  }
});

// ---- reading the XML (DOM) and the HTML (hast) ----------------------------------------------

const kids = (e: Element): Element[] => [...(e.childNodes as unknown as Iterable<Element>)].filter((n) => n.nodeType === 1);
function below(e: Element, name: string): Element[] {
  return [...(e.getElementsByTagNameNS(AKN_NAMESPACE, name) as unknown as Iterable<Element>)];
}
const first = (e: Element, name: string): Element => {
  const [found] = below(e, name);
  if (!found) throw new Error(`no <${name}>`);
  return found;
};
const text = (e: Element | undefined): string => (e?.textContent ?? '').trim();
const attr = (e: Element, parent: string, name: string, attribute = 'value'): string => first(first(e, parent), name).getAttribute(attribute) ?? '';
/** A paragraph's or point's own text: its content's paragraphs, or its list's introduction. */
function ownText(e: Element): string {
  const holder = kids(e).find((k) => k.localName === 'content') ?? kids(kids(e).find((k) => k.localName === 'list') as Element).find((k) => k.localName === 'intro');
  return kids(holder as Element).map((p) => p.textContent ?? '').join('\n');
}

const classes = (e: HastElement): string[] => (Array.isArray(e.properties['className']) ? (e.properties['className'] as string[]) : []);
function find(node: HastRoot | HastElement, test: (e: HastElement) => boolean, found: HastElement[] = []): HastElement[] {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (test(child)) found.push(child);
    find(child, test, found);
  }
  return found;
}
const byClass = (tree: HastRoot | HastElement, name: string) => find(tree, (e) => classes(e).includes(name));
/** An element's text without the parts named (its number, label, tab; a nested list). */
function textWithout(e: HastElement, drop: (child: HastElement) => boolean): string {
  const copy: HastElement = { ...e, children: e.children.filter((c) => !(c.type === 'element' && drop(c))).map((c) => (c.type === 'element' ? { ...c, children: [...c.children] } : c)) };
  return toString(copy).trim();
}
const isFurniture = (c: HastElement) => ['para-num', 'label', 'tab'].some((n) => classes(c).includes(n)) || c.tagName === 'ol' || c.tagName === 'ul';

describe('the Akoma Ntoso editions', () => {
  // The schema is not in the repository (test/fixtures/akn/README.md): skipped, and shown as
  // skipped, on a machine without it.
  it('are well-formed XML, namespaced as Akoma Ntoso 3.0 (xmllint, the six files in one call)', () => {
    const run = spawnSync('xmllint', ['--noout', ...langs.map(xmlPath)], { encoding: 'utf8' });
    expect(run.status, `${run.stderr} (xmllint: Debian's libxml2-utils, installed by scripts/setup.mjs)`).toBe(0);
    for (const lang of langs) expect((xml.get(lang) as Element).namespaceURI, lang).toBe('http://docs.oasis-open.org/legaldocml/ns/akn/3.0');
  });

  it.skipIf(AKN_SCHEMA === undefined)('are valid against the OASIS Akoma Ntoso 3.0 schema (xmllint, the six files in one call)', () => {
    const run = spawnSync('xmllint', ['--noout', '--schema', AKN_SCHEMA as string, ...langs.map(xmlPath)], { encoding: 'utf8' });
    expect(run.status, `${run.stderr} (xmllint: Debian's libxml2-utils, installed by scripts/setup.mjs)`).toBe(0);
    expect(run.stderr.match(/ validates$/gm)).toHaveLength(langs.length);
  });

  it('identify one work and six expressions, each in its ISO 639-2 language; five translations of the English', () => {
    const works = new Set(langs.map((lang) => attr(xml.get(lang) as Element, 'FRBRWork', 'FRBRuri')));
    expect(works.size).toBe(1);
    const [work = ''] = works;
    const en = sources.get('en') as EditionSource;
    expect(work).toBe(`/akn/un/doc/paper/un-secretariat/${en.meta.date}/${en.meta.symbol.replaceAll('/', '-')}`);
    const expressions = langs.map((lang) => attr(xml.get(lang) as Element, 'FRBRExpression', 'FRBRuri'));
    expect(expressions).toEqual(langs.map((lang) => `${work}/${ISO[lang]}@${en.meta.date}`));
    for (const lang of langs) {
      const root = xml.get(lang) as Element;
      expect(attr(root, 'FRBRWork', 'FRBRnumber', 'showAs')).toBe(en.meta.symbol);
      expect(attr(root, 'FRBRWork', 'FRBRcountry')).toBe('un');
      expect(attr(root, 'FRBRExpression', 'FRBRlanguage', 'language')).toBe(ISO[lang]);
      expect(attr(root, 'FRBRManifestation', 'FRBRuri')).toBe(`${work}/${ISO[lang]}@${en.meta.date}/.xml`);
      const translation = below(first(root, 'FRBRExpression'), 'FRBRtranslation').map((t) => `${t.getAttribute('fromLanguage')} ${t.getAttribute('href')}`);
      expect(translation).toEqual(lang === 'en' ? [] : [`eng ${work}/eng@${en.meta.date}`]);
      for (const name of ['Secretariat', 'Working Group on Trafficking in Persons', 'United Nations Office on Drugs and Crime']) {
        expect(below(root, 'TLCOrganization').map((o) => o.getAttribute('showAs'))).toContain(name);
      }
    }
  });

  describe.each(langs)('%s', (lang) => {
    it('has the cover page and preface of its language: the masthead, its own job number, the meeting lines, title and subtitle', () => {
      const root = xml.get(lang) as Element;
      const page = html.get(lang) as HastRoot;
      const { meta, locale } = sources.get(lang) as EditionSource;
      const masthead = byClass(page, 'masthead')[0] as HastElement;
      const htmlText = (name: string) => toString(byClass(masthead, name)[0] as HastElement).trim();
      const inline = (name: string) => text(below(root, 'inline').find((i) => i.getAttribute('name') === name));
      expect(text(first(root, 'docNumber'))).toBe(meta.symbol);
      expect(text(first(root, 'docNumber'))).toBe(htmlText('symbol'));
      expect(text(first(root, 'docAuthority'))).toBe(htmlText('un'));
      expect(first(root, 'docDate').getAttribute('date')).toBe(meta.date);
      const distr = find(byClass(masthead, 'masthead-distr')[0] as HastElement, (e) => e.tagName === 'p').map((p) => toString(p).trim());
      expect(distr[0]).toBe(inline('akn4un:distribution'));
      expect(distr[1]).toBe(text(first(root, 'docDate')));
      expect(distr.at(-1)).toBe(text(kids(first(root, 'coverPage')).find((p) => below(p, 'inline').some((i) => i.getAttribute('name') === 'akn4un:originalLanguage'))));
      if (lang !== meta.original) expect(htmlText('version')).toBe(inline('akn4un:languageOfExpression'));
      expect(inline('akn4un:originalLanguage')).toBe(locale.languageNames[meta.original]);
      expect(text(first(root, 'docketNumber'))).toBe(`${meta.jobNumber} (${locale.jobLanguageCode})`);
      expect(text(first(root, 'docCommittee'))).toBe(htmlText('body'));
      expect(inline('akn4un:meeting')).toBe(htmlText('meeting-line'));
      expect(text(first(root, 'docTitle'))).toBe(htmlText('title'));
      expect(inline('akn4un:subTitle')).toBe(htmlText('subtitle'));
    });

    it('has the 89 paragraphs and every subparagraph of the HTML edition: the same eId, number and text', () => {
      const root = xml.get(lang) as Element;
      const page = html.get(lang) as HastRoot;
      const htmlParas = byClass(page, 'para');
      const xmlParas = below(root, 'paragraph');
      expect(xmlParas.map((p) => p.getAttribute('eId'))).toEqual(Array.from({ length: 89 }, (_, i) => `para_${i + 1}`));
      expect(htmlParas.map((p) => [p.properties['id'], p.properties['dataEid']])).toEqual(Array.from({ length: 89 }, (_, i) => [`para-${i + 1}`, `para_${i + 1}`]));
      htmlParas.forEach((para, i) => {
        const xmlPara = xmlParas[i] as Element;
        const lead = para.children.find((c): c is HastElement => c.type === 'element' && c.tagName === 'p') as HastElement;
        expect(text(kids(xmlPara)[0]), `${lang} para ${i + 1} number`).toBe(toString(byClass(lead, 'para-num')[0] as HastElement));
        expect(ownText(xmlPara), `${lang} para ${i + 1}`).toBe(textWithout(lead, isFurniture));
        const htmlPoints = find(para, (e) => e.tagName === 'li');
        const xmlPoints = below(xmlPara, 'point');
        expect(xmlPoints.map((p) => p.getAttribute('eId')), `${lang} para ${i + 1} points`).toEqual(htmlPoints.map((li) => li.properties['dataEid']));
        htmlPoints.forEach((li, j) => {
          const point = xmlPoints[j] as Element;
          expect(text(kids(point)[0])).toBe(toString(byClass(li, 'label')[0] as HastElement));
          const own = li.children.some((c) => c.type === 'element' && c.tagName === 'p') ? (li.children.find((c): c is HastElement => c.type === 'element' && c.tagName === 'p') as HastElement) : li;
          expect(ownText(point), `${lang} ${String(li.properties['id'])}`).toBe(textWithout(own, isFurniture));
        });
      });
      expect(below(root, 'point').length).toBeGreaterThan(0);
    });

    it('makes every symbol the HTML links a ref to that document’s work IRI', () => {
      const root = xml.get(lang) as Element;
      const { papers } = sources.get(lang) as EditionSource;
      const main = find(html.get(lang) as HastRoot, (e) => e.tagName === 'main')[0] as HastElement;
      const linked = byClass(main, 'symbol').map((a) => toString(a));
      const refs = below(first(root, 'mainBody'), 'ref');
      expect(refs.map((r) => text(r))).toEqual(linked);
      expect(refs.length).toBeGreaterThanOrEqual(papers.length);
      const year = new Map(papers.map((p) => [p.symbol, p.year]));
      for (const r of refs) expect(r.getAttribute('href')).toBe(`/akn/un/doc/paper/un-secretariat/${year.get(text(r))}-01-01/${text(r).replaceAll('/', '-')}`);
      expect(below(root, 'hcontainer').filter((h) => h.getAttribute('name') === 'paper').map((h) => h.getAttribute('eId')).sort()).toEqual(papers.map((p) => `paper_${p.symbol.replaceAll('/', '-')}`).sort());
    });

    it('is linked from the head of its HTML edition and from the index page', async () => {
      const head = find(html.get(lang) as HastRoot, (e) => e.tagName === 'link' && e.properties['type'] === 'application/akn+xml');
      expect(head.map((l) => l.properties['href'])).toEqual([`compendium-${lang}.akn.xml`]);
      expect(await readFile(join(out, 'index.html'), 'utf8')).toContain(`href="${lang}/compendium-${lang}.akn.xml"`);
    });
  });
});
