/**
 * What a translator's tool does to an exchange file, done with an XML DOM as such a tool
 * would: change targets, set states, add notes, reorder units, split a unit into segments.
 * Works on XLIFF 2.0 and 1.2. Also in-process export and import for the tests that need no CLI.
 */
import { DOMParser, XMLSerializer, type Document, type Element, type Node, type Text } from '@xmldom/xmldom';
import { VFile } from 'vfile';
import { loadProject, type Project } from '../../src/load/project.js';
import { exportDocument, type Only } from '../../src/translate/export.js';
import { planImport } from '../../src/translate/import.js';
import { readXliff, writeXliff, type XliffVersion } from '../../src/translate/xliff.js';
import type { Lang } from '../../src/types.js';
import { ROOT } from '../helpers/cli.js';

export function parseXml(xml: string): Document {
  return new DOMParser().parseFromString(xml, 'text/xml');
}

const all = (parent: Document | Element, name: string): Element[] => [...(parent.getElementsByTagName(name) as unknown as Iterable<Element>)];

export function is20(doc: Document): boolean {
  return doc.documentElement?.getAttribute('version') === '2.0';
}

/** The unit element for `file#unit`. */
export function unitOf(doc: Document, key: string): Element {
  const [fileId, unitId] = key.split('#');
  const file = all(doc, 'file').find((f) => f.getAttribute(is20(doc) ? 'id' : 'original') === fileId);
  const unit = file && all(file, is20(doc) ? 'unit' : 'trans-unit').find((u) => u.getAttribute('id') === unitId);
  if (!unit) throw new Error(`No unit ${key}`);
  return unit;
}

export function target(unit: Element): Element {
  const t = all(unit, 'target')[0];
  if (!t) throw new Error('No target');
  return t;
}

/** Replace text in the target's text nodes (inline codes stay where they are). */
export function replaceInTarget(doc: Document, key: string, find: string, replace: string): void {
  const walk = (el: Element): boolean => {
    for (const node of el.childNodes as unknown as Iterable<Node>) {
      if (node.nodeType === 3 && (node.nodeValue ?? '').includes(find)) {
        (node as Text).data = (node.nodeValue ?? '').replace(find, replace);
        return true;
      }
      if (node.nodeType === 1 && walk(node as Element)) return true;
    }
    return false;
  };
  if (!all(unitOf(doc, key), 'target').some(walk)) throw new Error(`"${find}" is not in the target of ${key}`);
}

/** Mark a unit done, as a tool does when the translator confirms it. */
export function confirm(doc: Document, key: string, state = 'translated'): void {
  const unit = unitOf(doc, key);
  if (is20(doc)) {
    for (const segment of all(unit, 'segment')) {
      segment.setAttribute('state', state);
      segment.removeAttribute('subState');
    }
  } else {
    target(unit).setAttribute('state', state);
    unit.setAttribute('approved', 'yes');
  }
}

export function addNote(doc: Document, key: string, text: string): void {
  const unit = unitOf(doc, key);
  const note = doc.createElementNS(doc.documentElement?.namespaceURI ?? null, 'note');
  note.appendChild(doc.createTextNode(text));
  if (is20(doc)) {
    let notes = all(unit, 'notes')[0];
    if (!notes) {
      notes = doc.createElementNS(doc.documentElement?.namespaceURI ?? null, 'notes');
      unit.insertBefore(notes, unit.firstChild);
    }
    notes.appendChild(note);
  } else unit.appendChild(note);
}

/** Reverse the order of the units in every file (and of the files). */
export function reorder(doc: Document): void {
  for (const unit of [...all(doc, is20(doc) ? 'unit' : 'trans-unit')]) {
    const parent = unit.parentNode as Element;
    parent.insertBefore(unit, parent.firstChild);
  }
  const root = doc.documentElement as Element;
  for (const file of [...all(doc, 'file')]) root.insertBefore(file, root.firstChild);
}

/** XLIFF 2.0: split a unit's one segment in two at a text offset of the source and target (as a segmenting tool does). */
export function splitSegment(doc: Document, key: string, sourceAt: string, targetAt: string): void {
  const unit = unitOf(doc, key);
  const segment = all(unit, 'segment')[0] as Element;
  const second = segment.cloneNode(true) as Element;
  const cut = (el: Element, at: string, keepFirst: boolean) => {
    const text = el.textContent ?? '';
    const i = text.indexOf(at);
    if (i < 0 || el.getElementsByTagName('*').length > 0) throw new Error('split only plain texts');
    el.textContent = keepFirst ? text.slice(0, i) : text.slice(i);
  };
  cut(all(segment, 'source')[0] as Element, sourceAt, true);
  cut(all(segment, 'target')[0] as Element, targetAt, true);
  cut(all(second, 'source')[0] as Element, sourceAt, false);
  cut(all(second, 'target')[0] as Element, targetAt, false);
  unit.insertBefore(second, segment.nextSibling);
}

export function serialize(doc: Document): string {
  return new XMLSerializer().serializeToString(doc);
}

export function edit(xml: string, change: (doc: Document) => void): string {
  const doc = parseXml(xml);
  change(doc);
  return serialize(doc);
}

export const load = (sourcesDir: string): Promise<Project> => loadProject(ROOT, { sourcesDir });

/** Export in process (what `translate export` writes); pass a loaded project to save loading it again. */
export async function exportXliff(sourcesDir: string, lang: Lang, version: XliffVersion = '2.0', only: Only = 'all', loaded?: Project): Promise<string> {
  const project = loaded ?? (await load(sourcesDir));
  return writeXliff(exportDocument(project, lang, { version, only, sourcesDir }));
}

/** Plan an import in process: what `translate import` would write, or the messages it would give. */
export async function planFrom(sourcesDir: string, xml: string, force = false, loaded?: Project) {
  const file = new VFile({ path: '/tmp/test.xlf', value: xml });
  const doc = readXliff(file);
  const project = loaded ?? (await load(sourcesDir));
  const plan = doc ? planImport(project, doc, file, { force, sourcesDir }) : undefined;
  return { plan, messages: file.messages.map((m) => `${m.line}:${m.column} ${m.reason}`) };
}

/** Replace the target's paired codes (2.0 pc, 1.2 g) by start and end codes (2.0 sc/ec, 1.2 bx/ex), as some tools do. */
export function splitCodes(doc: Document, key: string): void {
  const t = target(unitOf(doc, key));
  const ns = doc.documentElement?.namespaceURI ?? null;
  for (const code of [...all(t, is20(doc) ? 'pc' : 'g')]) {
    const id = code.getAttribute('id') ?? '';
    const start = doc.createElementNS(ns, is20(doc) ? 'sc' : 'bx');
    const end = doc.createElementNS(ns, is20(doc) ? 'ec' : 'ex');
    start.setAttribute('id', is20(doc) ? id : `${id}s`);
    if (is20(doc)) {
      end.setAttribute('startRef', id);
      for (const name of ['type', 'subType']) if (code.getAttribute(name)) start.setAttribute(name, code.getAttribute(name) as string);
    } else {
      start.setAttribute('rid', id);
      end.setAttribute('id', `${id}e`);
      end.setAttribute('rid', id);
    }
    const parent = code.parentNode as Element;
    parent.insertBefore(start, code);
    while (code.firstChild) parent.insertBefore(code.firstChild, code);
    parent.insertBefore(end, code);
    parent.removeChild(code);
  }
}
