/**
 * The semantic edition: one language version as an Akoma Ntoso 3.0 document, profiled by the
 * AKN4UN guidelines (UN System Chief Executives Board, HLCM Working Group on Document
 * Standards). Written from the same tree as the HTML edition — the assembled mdast, after
 * numbering and lettering — with the same words: the masthead (src/render/masthead.ts), the
 * numbers and labels, the language's no-break spaces, and the symbols the links recognize,
 * each a `ref` to its work IRI. Every value reaches the XML through the DOM (@xmldom/xmldom),
 * which escapes it. No I/O.
 *
 *   <doc name="compendium">          AKN4UN's Papers class (documentType doc, subtype paper)
 *     <meta>                         FRBR work / expression / manifestation, publication,
 *                                    keywords, the organizations and concepts referred to
 *     <coverPage>                    the masthead: United Nations, symbol, distribution, date,
 *                                    language, original language, job number
 *     <preface>                      the body, the meeting line, the title and subtitle
 *     <mainBody>                     chapters → themes (key topics) → papers → paragraphs
 *                                    (para_N, num) → lists of points (para_N__point_a, num)
 */
import { DOMImplementation, XMLSerializer, type Element, type Node } from '@xmldom/xmldom';
import type { List, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { ChapterNode, EditionSource, Lang, NumberedParagraphNode, PaperNode, ThemeNode } from '../types.js';
import { ISO_639_2, WORK, expressionIri, mainComponent, manifestationIri, paragraphEid, symbolNumber, workIri } from '../model/akn.js';
import { chapterNumber, paragraphNumber, roman } from '../model/labels.js';
import { linkableParts, symbolLinkTarget, undocsUrl } from '../model/symbols.js';
import { applyTypography } from '../transform/rehype-typography.js';
import { inlineLabel, joinLabels } from '../transform/rehype-label-nbsp.js';
import { indent } from '../xml-dom.js';
import { lineText, masthead, type Masthead, type Part } from './masthead.js';

export const AKN_NAMESPACE = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0';

/** Elements whose children are elements only: indented (never p, num, heading or an inline). */
const STRUCTURAL = [
  'akomaNtoso', 'doc', 'meta', 'identification', 'FRBRWork', 'FRBRExpression', 'FRBRManifestation', 'publication', 'classification',
  'references', 'coverPage', 'preface', 'mainBody', 'chapter', 'hcontainer', 'paragraph', 'list', 'point', 'intro', 'content', 'blockList', 'item',
];

/** The organizations and concepts the document refers to (its <references>): eId → [element, href, showAs]. */
const REFERENCES = {
  un: ['TLCOrganization', '/ontology/akn/un/un', 'United Nations'],
  secretariat: ['TLCOrganization', `/ontology/akn/un/${WORK.actor}`, 'Secretariat'],
  workingGroup: ['TLCOrganization', '/ontology/akn/un/un-ctoc-cop-wg4', 'Working Group on Trafficking in Persons'],
  conferenceOfParties: ['TLCOrganization', '/ontology/akn/un/un-ctoc-cop', 'Conference of the Parties to the United Nations Convention against Transnational Organized Crime'],
  unodc: ['TLCOrganization', '/ontology/akn/un/unodc', 'United Nations Office on Drugs and Crime'],
  projectTeam: ['TLCOrganization', '/ontology/akn/organization/compendium-project-team', 'Compendium project team (sample translations, not official United Nations translations)'],
  pipeline: ['TLCOrganization', '/ontology/akn/organization/compendium-pipeline', 'UN compendium publishing pipeline'],
  symbol: ['TLCConcept', '/ontology/akn/document/symbol', 'document symbol'],
  publicationJobNumber: ['TLCConcept', '/ontology/akn/document/publicationJobNumber', 'job number'],
  publicationDate: ['TLCConcept', '/ontology/akn/document/publicationDate', 'date of the document'],
  distribution: ['TLCConcept', '/ontology/akn/document/distribution', 'distribution'],
  meeting: ['TLCEvent', '/ontology/akn/un/event/un-ctoc-cop-wg4-meeting', 'meeting of the Working Group on Trafficking in Persons'],
} as const satisfies Record<string, readonly ['TLCOrganization' | 'TLCConcept' | 'TLCEvent', string, string]>;

type Reference = keyof typeof REFERENCES;
const ref = (id: Reference): string => `#${id}`;

export interface AknOptions {
  /** The year series the symbol grammar judges symbols with (compendium.config.yaml): a symbol is a `ref` only when it is one the links link. */
  yearSeries: readonly string[];
  /** The manifestation's date (YYYY-MM-DD): the build's fixed date. */
  markupDate: string;
}

type Child = Node | string | undefined | false;

/** The edition's Akoma Ntoso XML: `tree` is its mdast after numbering and lettering (`TransformedEdition.tree`). */
export function aknXml(edition: EditionSource, tree: Root, options: AknOptions): string {
  const doc = new DOMImplementation().createDocument(AKN_NAMESPACE, 'akomaNtoso', null);
  const root = doc.documentElement;
  if (!root) throw new Error('The XML DOM made no document element');
  const x = (name: string, attributes: Readonly<Record<string, string | undefined>> = {}, ...children: Child[]): Element => {
    const element = doc.createElementNS(AKN_NAMESPACE, name);
    for (const [key, value] of Object.entries(attributes)) if (value !== undefined) element.setAttribute(key, value);
    for (const child of children) if (child !== undefined && child !== false) element.appendChild(typeof child === 'string' ? doc.createTextNode(child) : child);
    return element;
  };
  const writer = new Writer(edition, options, x);
  // The metadata last: its references are what the cover page, preface and body refer to.
  const [coverPage, preface, mainBody] = [writer.coverPage(), writer.preface(), writer.mainBody(tree)];
  root.appendChild(x('doc', { name: 'compendium', contains: 'originalVersion' }, writer.meta(), coverPage, preface, mainBody));
  indent(root, 0, STRUCTURAL);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(doc)}\n`;
}

type Make = (name: string, attributes?: Readonly<Record<string, string | undefined>>, ...children: Child[]) => Element;

class Writer {
  private readonly work: string;
  private readonly expression: string;
  private readonly labels: RegExp;
  /** The work IRI of each document the text may cite, by its symbol as the links look it up. */
  private readonly works: Map<string, string>;
  private readonly used = new Set<Reference>();
  /** The masthead's words, as the HTML edition prints them. */
  private readonly masthead: Masthead;

  constructor(
    private readonly edition: EditionSource,
    private readonly options: AknOptions,
    private readonly x: Make,
  ) {
    const { meta } = edition;
    this.work = workIri(meta.symbol, meta.date);
    this.expression = expressionIri(this.work, edition.lang, meta.date);
    this.labels = inlineLabel(edition.locale.labels);
    this.masthead = masthead(edition);
    // The background papers: Working Group documents of their year (the day is not known).
    this.works = new Map([...edition.papers.map((p) => [symbolLinkTarget(p.symbol), workIri(p.symbol, String(p.year))] as const), [symbolLinkTarget(meta.symbol), this.work]]);
  }

  private refersTo(id: Reference): string {
    this.used.add(id);
    return ref(id);
  }

  /** Text as the HTML edition prints it: the language's no-break spaces, labels joined to their word. */
  private words(text: string): string {
    const typography = this.edition.locale.typography;
    return joinLabels(typography ? applyTypography(text, typography) : text, this.labels);
  }

  /** Running text: each symbol a `ref` to its document's work IRI (a symbol the sources say nothing of: an `a` to its ODS address). */
  private text(value: string, inLink: boolean): Child[] {
    if (inLink) return [this.words(value)]; // as in the HTML: no link inside a link
    return linkableParts(value, this.options.yearSeries).map((part) => {
      if (!part.symbol) return this.words(part.text);
      const work = this.works.get(symbolLinkTarget(part.text));
      return work ? this.x('ref', { href: work }, part.text) : this.x('a', { href: undocsUrl(part.text, this.edition.lang) }, part.text);
    });
  }

  private inline(nodes: readonly PhrasingContent[], inLink = false): Child[] {
    return nodes.flatMap((node): Child[] => {
      switch (node.type) {
        case 'text':
          return this.text(node.value, inLink);
        case 'emphasis':
          return [this.x('i', {}, ...this.inline(node.children, inLink))];
        case 'strong':
          return [this.x('b', {}, ...this.inline(node.children, inLink))];
        case 'link':
          // The links the HTML edition keeps (rehype-sanitize): http(s), mailto, a fragment.
          return /^(https?:|mailto:|#)/i.test(node.url) ? [this.x('a', { href: node.url }, ...this.inline(node.children, true))] : this.inline(node.children, true);
        case 'break':
          return [this.x('br')];
        case 'html':
          return []; // never passed to an edition (source-markup)
        case 'inlineCode':
          return [this.words(node.value)];
        default:
          return 'children' in node ? this.inline(node.children as PhrasingContent[], inLink) : [this.words(toString(node))];
      }
    });
  }

  private p(node: Paragraph | undefined): Element {
    return this.x('p', {}, ...(node ? this.inline(node.children) : []));
  }

  private block(text: string): Element {
    return this.x('p', {}, this.words(text));
  }

  meta(): Element {
    const { x, edition } = this;
    const { meta, lang } = edition;
    const original = meta.original as Lang;
    const translation = lang !== original;
    const date = (d: string, name: string) => x('FRBRdate', { date: d, name });
    const manifestation = manifestationIri(this.expression);
    const identification = x(
      'identification',
      { source: this.refersTo('pipeline') },
      x(
        'FRBRWork',
        {},
        x('FRBRthis', { value: mainComponent(this.work) }),
        x('FRBRuri', { value: this.work }),
        date(meta.date, 'issued'),
        x('FRBRauthor', { href: this.refersTo('secretariat') }),
        x('FRBRcountry', { value: WORK.jurisdiction }),
        x('FRBRsubtype', { value: WORK.subtype }),
        x('FRBRnumber', { value: symbolNumber(meta.symbol), showAs: meta.symbol }),
      ),
      x(
        'FRBRExpression',
        {},
        x('FRBRthis', { value: mainComponent(this.expression) }),
        x('FRBRuri', { value: this.expression }),
        date(meta.date, 'issued'),
        x('FRBRauthor', { href: this.refersTo(translation ? 'projectTeam' : 'secretariat') }),
        // The English text is the document; the five others are the project's sample translations.
        x('FRBRauthoritative', { value: String(!translation) }),
        x('FRBRlanguage', { language: ISO_639_2[lang] }),
        translation && x('FRBRtranslation', { href: expressionIri(this.work, original, meta.date), fromLanguage: ISO_639_2[original], by: this.refersTo('projectTeam'), authoritative: 'false' }),
      ),
      x(
        'FRBRManifestation',
        {},
        x('FRBRthis', { value: mainComponent(this.expression, 'xml') }),
        x('FRBRuri', { value: manifestation }),
        date(this.options.markupDate, 'markup'),
        x('FRBRauthor', { href: this.refersTo('pipeline') }),
        x('FRBRformat', { value: 'xml' }),
      ),
    );
    const publication = x('publication', { date: meta.date, name: 'unOfficialDocument', showAs: meta.symbol, number: symbolNumber(meta.symbol) });
    const keywords = meta.keywords.length > 0 && x('classification', { source: this.refersTo('secretariat') }, ...meta.keywords.map((k, i) => x('keyword', { eId: `keyword_${i + 1}`, value: k, showAs: k, dictionary: 'compendium' })));
    // The bodies involved, named whether or not the text refers to them.
    for (const id of ['un', 'workingGroup', 'conferenceOfParties', 'unodc'] as const) this.used.add(id);
    const source = this.refersTo('pipeline');
    const references = (Object.keys(REFERENCES) as Reference[])
      .filter((id) => this.used.has(id))
      .map((id) => {
        const [element, href, showAs] = REFERENCES[id];
        return x(element, { eId: id, href, showAs });
      });
    return x('meta', {}, identification, publication, keywords, x('references', { source }, ...references));
  }

  coverPage(): Element {
    const { x, masthead: words } = this;
    const { meta } = this.edition;
    return x(
      'coverPage',
      {},
      x('p', {}, x('docAuthority', { refersTo: this.refersTo('un') }, this.words(words.unitedNations))),
      x('p', {}, x('docNumber', { refersTo: this.refersTo('symbol') }, words.symbol)),
      x('p', {}, x('inline', { name: 'akn4un:distribution', refersTo: this.refersTo('distribution') }, this.words(words.distribution))),
      x('p', {}, x('docDate', { date: meta.date, refersTo: this.refersTo('publicationDate') }, this.words(words.date))),
      x('p', {}, x('inline', { name: 'akn4un:languageOfExpression' }, this.words(words.language))),
      x('p', {}, ...this.line(words.original, (language) => x('inline', { name: 'akn4un:originalLanguage' }, language))),
      x('p', {}, x('docketNumber', { refersTo: this.refersTo('publicationJobNumber') }, words.jobNumber)),
    );
  }

  /** A masthead line in parts: its text, each named part marked up by `mark`. */
  private line<Slot extends string>(parts: ReadonlyArray<Part<Slot>>, mark: (text: string) => Element): Child[] {
    return parts.map((p) => (typeof p === 'string' ? this.words(p) : mark(this.words(p.text))));
  }

  preface(): Element {
    const { x, masthead: words } = this;
    return x(
      'preface',
      {},
      x('p', {}, x('docCommittee', { refersTo: this.refersTo('workingGroup') }, this.words(words.body))),
      x('p', {}, x('inline', { name: 'akn4un:meeting', refersTo: this.refersTo('meeting') }, this.words(lineText(words.meeting)))),
      x('p', {}, x('docTitle', {}, this.words(words.title))),
      x('p', {}, x('inline', { name: 'akn4un:subTitle' }, this.words(words.subtitle))),
    );
  }

  mainBody(tree: Root): Element {
    const chapters = tree.children.filter((c): c is ChapterNode => c.type === 'chapter');
    return this.x('mainBody', {}, ...chapters.map((chapter, i) => this.chapter(chapter, i)));
  }

  private chapter(node: ChapterNode, index: number): Element {
    const { x } = this;
    return x(
      'chapter',
      { eId: `chp_${roman(index + 1).toUpperCase()}` },
      x('num', {}, this.words(chapterNumber(this.edition.locale, node.numeral))),
      x('heading', {}, this.words(node.title)),
      ...node.children.map((child) => (child.type === 'theme' ? this.theme(child) : child.type === 'numberedParagraph' ? this.paragraph(child) : undefined)),
    );
  }

  private theme(node: ThemeNode): Element {
    const { x } = this;
    const eId = `theme_${node.id}`;
    return x(
      'hcontainer',
      { name: 'theme', eId },
      x('heading', {}, this.words(node.title)),
      x(
        'intro',
        {},
        x(
          'blockList',
          { eId: `${eId}__keytopics` },
          x('listIntroduction', {}, this.words(this.edition.locale.keyTopics)),
          ...node.keyTopics.map((topic, i) => x('item', { eId: `${eId}__keytopics__item_${i + 1}` }, this.block(topic))),
        ),
      ),
      ...node.children.map((paper) => this.paper(paper)),
    );
  }

  private paper(node: PaperNode): Element {
    return this.x('hcontainer', { name: 'paper', eId: `paper_${symbolNumber(node.symbol)}` }, ...node.children.map((c) => (c.type === 'numberedParagraph' ? this.paragraph(c) : undefined)));
  }

  /** A numbered paragraph: its number, its text, and its subparagraphs as points of a list introduced by the text (AKN4UN 4.4.3, lists inside paragraphs). */
  private paragraph(node: NumberedParagraphNode): Element {
    const eId = paragraphEid(node.number);
    return this.hierarchy('paragraph', eId, paragraphNumber(this.edition.locale, node.number), node.children);
  }

  private point(item: ListItem): Element {
    return this.hierarchy('point', item.data?.eId ?? '', item.data?.label ?? '', item.children);
  }

  private hierarchy(name: 'paragraph' | 'point', eId: string, num: string, children: readonly RootContent[]): Element {
    const { x } = this;
    const text = children.filter((c): c is Paragraph => c.type === 'paragraph');
    const lists = children.filter((c): c is List => c.type === 'list');
    const paragraphs = text.length > 0 ? text.map((t) => this.p(t)) : [this.p(undefined)];
    const numbered = x('num', {}, this.words(num));
    if (lists.length === 0) return x(name, { eId }, numbered, x('content', {}, ...paragraphs));
    return x(
      name,
      { eId },
      numbered,
      ...lists.map((list, i) => x('list', { eId: `${eId}__list_${i + 1}` }, i === 0 && x('intro', {}, ...paragraphs), ...list.children.map((item) => this.point(item)))),
    );
  }
}
