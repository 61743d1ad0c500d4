/**
 * The Akoma Ntoso identifiers of the compendium, written once (AKN4UN guidelines, part 1,
 * chapter 6): the work, expression and manifestation IRIs, the number a symbol takes in an
 * IRI, the ISO 639-2 language codes, and the element identifiers (eId) of paragraphs and
 * subparagraphs — which the HTML edition's paragraphs carry too (`data-eid`), so that a
 * citation `…/!main~para_23` and `#para-23` meet. No I/O.
 */
import type { Lang } from '../types.js';
import { symbolLinkTarget } from './symbols.js';

/** ISO 639-2 (alpha-3) codes, as FRBRlanguage and the expression IRIs take them (AKN4UN: ara, zho, eng, fra, rus, spa). */
export const ISO_639_2: Readonly<Record<Lang, string>> = { ar: 'ara', zh: 'zho', en: 'eng', fr: 'fra', ru: 'rus', es: 'spa' };

/**
 * What a work IRI is made of (/akn/{jurisdiction}/{docType}/{subtype}/{actor}/{date}/{number}).
 * The compendium and the background papers it cites are Working Group documents prepared by
 * the Secretariat: AKN4UN's Papers class, `<doc>` with subtype `paper`.
 */
export const WORK = { jurisdiction: 'un', docType: 'doc', subtype: 'paper', actor: 'un-secretariat' } as const;

/** A symbol as the number part of an IRI: "/" becomes "-", a space "_" (AKN4UN 6.1.1); reissue marks dropped. */
export function symbolNumber(symbol: string): string {
  return symbolLinkTarget(symbol).replace(/\//g, '-').replace(/ /g, '_');
}

/** The work IRI of a document of the compendium's kind, from its symbol and its date (YYYY-MM-DD; a year alone is dated 1 January, as AKN4UN asks). */
export function workIri(symbol: string, date: string): string {
  const day = /^\d{4}$/.test(date) ? `${date}-01-01` : date;
  return `/akn/${WORK.jurisdiction}/${WORK.docType}/${WORK.subtype}/${WORK.actor}/${day}/${symbolNumber(symbol)}`;
}

/** The expression IRI: the work in one language, as of a version date. */
export function expressionIri(work: string, lang: Lang, date: string): string {
  return `${work}/${ISO_639_2[lang]}@${date}`;
}

/** The manifestation IRI of an expression in a format (AKN4UN 6.1.3: the expression, "/", ".", the format). */
export function manifestationIri(expression: string, format = 'xml'): string {
  return `${expression}/.${format}`;
}

/** The main component of a work or expression ("…/!main"); of a manifestation, given its format ("…/!main.xml"). */
export function mainComponent(iri: string, format?: string): string {
  return `${iri}/!main${format ? `.${format}` : ''}`;
}

/**
 * A numbered paragraph's eId: "para_23". The paragraphs are numbered through the whole
 * document, so the identifier is the paragraph's own level and number only (AKN4UN 6.3.1).
 */
export function paragraphEid(number: number): string {
  return `para_${number}`;
}

/**
 * A subparagraph's eId below its parent's: "para_10__point_b", "para_10__point_b__point_ii".
 * The number part is the Latin key the HTML anchors use in every language (`#para-10-b`), so
 * that the same subparagraph has the same eId in all six expressions.
 */
export function pointEid(parent: string, key: string): string {
  return `${parent}__point_${key}`;
}
