/**
 * XLIFF out and in. Writing: the `xliff` package builds the document (files, units, notes,
 * inline codes; 2.0 or 1.2); it has no segment states and indents inside mixed content, so
 * its output (written unindented) is finished with an XML DOM (@xmldom/xmldom): states, the
 * file's `original`, indentation between structural elements only. Reading: the DOM, which
 * keeps every space inside source and target and knows each element's line — the `xliff`
 * reader drops spaces between inline codes and has no positions. No I/O.
 */
import js2xliff from 'xliff/js2xliff';
import jsToXliff12 from 'xliff/jsToXliff12';
import { DOMParser, XMLSerializer, type Element, type Node } from '@xmldom/xmldom';
import type { VFile } from 'vfile';
import { fatal } from '../load/report.js';
import { normalize, type Inline } from './inline.js';

export type XliffVersion = '2.0' | '1.2';
export type ExchangeState = 'initial' | 'translated' | 'needs-review';

export interface ExchangeUnit {
  unitId: string;
  /** A readable name (the paper's symbol and the position). */
  name: string;
  notes: string[];
  source: Inline[];
  target: Inline[] | undefined;
  state: ExchangeState;
}

export interface ExchangeFile {
  id: string;
  /** The original's source file, relative to the sources folder. */
  original: string;
  units: ExchangeUnit[];
}

export interface ExchangeDocument {
  version: XliffVersion;
  srcLang: string;
  trgLang: string;
  files: ExchangeFile[];
}

// ---- the `xliff` package's object model ---------------------------------------------

type XliffValue = string | Record<string, Record<string, unknown>>;
interface XliffUnit {
  source: XliffValue[];
  target?: XliffValue[];
  note?: string[];
  additionalAttributes?: Record<string, string>;
}
export interface XliffJs {
  sourceLanguage: string;
  targetLanguage: string;
  resources: Record<string, Record<string, XliffUnit>>;
}

/**
 * The `xliff` package writes through xml-js, which un-escapes `&amp;` in text before escaping
 * (a literal "&amp;" would come out as "&") and escapes only `"` in attribute values: text is
 * handed over with `&amp;` doubled, attribute values with `&` and `<` escaped.
 */
const libText = (value: string): string => value.replace(/&amp;/g, '&amp;amp;');
const libAttr = (value: string): string => value.replace(/&/g, '&amp;').replace(/</g, '&lt;');

const NS = { '2.0': 'urn:oasis:names:tc:xliff:document:2.0', '1.2': 'urn:oasis:names:tc:xliff:document:1.2' } as const;

/** Inline codes of one unit: the source's, by id, so the target reuses the same ids. */
interface Codes {
  next: number;
  byId: Map<string, Inline>;
}

function code(item: Inline, id: string, version: XliffVersion, contents?: XliffValue[]): XliffValue {
  if (item.t === 'em' || item.t === 'strong') {
    const attrs = version === '2.0' ? { type: 'fmt', subType: item.t === 'em' ? 'xlf:i' : 'xlf:b' } : { ctype: item.t === 'em' ? 'italic' : 'bold' };
    return { GenericSpan: { id, ...attrs, contents: contents ?? [] } };
  }
  const what = item.t === 'symbol' ? 'symbol' : 'markdown';
  const value = item.t === 'symbol' || item.t === 'raw' ? item.value : '';
  const attrs = version === '2.0' ? { type: 'other', subType: `un:${what}`, disp: libAttr(value), equiv: libAttr(value), canDelete: 'no' } : { ctype: `x-un-${what}`, 'equiv-text': libAttr(value) };
  return { Standalone: { id, ...attrs } };
}

function toValue(list: readonly Inline[], version: XliffVersion, codes: Codes, source: boolean, used = new Set<string>()): XliffValue[] {
  return list.map((item): XliffValue => {
    if (item.t === 'text') return libText(item.value);
    let id: string | undefined;
    if (source) {
      codes.next += 1;
      id = String(codes.next);
      codes.byId.set(id, item);
    } else {
      // The same code as the source's (same kind; same text for a protected piece), in order.
      for (const [known, value] of codes.byId) {
        if (used.has(known) || value.t !== item.t) continue;
        if ((item.t === 'symbol' || item.t === 'raw') && 'value' in value && value.value !== item.value) continue;
        id = known;
        break;
      }
      if (!id) {
        codes.next += 1;
        id = String(codes.next);
      }
      used.add(id);
    }
    const contents = item.t === 'em' || item.t === 'strong' ? toValue(item.children, version, codes, source, used) : undefined;
    return code(item, id, version, contents);
  });
}

const STRUCTURAL = new Set(['xliff', 'file', 'body', 'group', 'unit', 'trans-unit', 'notes', 'segment']);

function indent(element: Element, depth: number): void {
  if (!STRUCTURAL.has(element.localName ?? '')) return;
  const doc = element.ownerDocument;
  if (!doc) return;
  const children = [...(element.childNodes as unknown as Iterable<Node>)];
  if (children.length === 0 || children.some((c) => c.nodeType !== 1)) return;
  for (const child of children) {
    element.insertBefore(doc.createTextNode(`\n${'  '.repeat(depth + 1)}`), child);
    indent(child as Element, depth + 1);
  }
  element.appendChild(doc.createTextNode(`\n${'  '.repeat(depth)}`));
}

function elements(parent: Node, name?: string): Element[] {
  return [...(parent.childNodes as unknown as Iterable<Node>)].filter((n): n is Element => n.nodeType === 1 && (!name || (n as Element).localName === name));
}

/** The XLIFF text of an exchange document. */
export async function writeXliff(doc: ExchangeDocument): Promise<string> {
  const js: XliffJs = { sourceLanguage: doc.srcLang, targetLanguage: doc.trgLang, resources: {} };
  for (const file of doc.files) {
    const units: Record<string, XliffUnit> = {};
    for (const unit of file.units) {
      const codes: Codes = { next: 0, byId: new Map() };
      const entry: XliffUnit = { source: toValue(unit.source, doc.version, codes, true), note: unit.notes.map(libText), additionalAttributes: { [doc.version === '2.0' ? 'name' : 'resname']: libAttr(unit.name) } };
      if (unit.target) entry.target = toValue(unit.target, doc.version, codes, false);
      units[unit.unitId] = entry;
    }
    js.resources[file.id] = units;
  }
  const text = doc.version === '2.0' ? await js2xliff(js, { indent: '', targetXliffVersion: '2.0' }) : await jsToXliff12(js, { indent: '' });
  // Finish: states (on 2.0 segments, on 1.2 targets), the file's original, indentation.
  const dom = new DOMParser().parseFromString(text, 'text/xml');
  const root = dom.documentElement;
  if (!root) throw new Error('The xliff package wrote no document');
  const byFile = new Map(doc.files.map((f) => [f.id, f]));
  for (const fileElement of elements(root, 'file')) {
    const id = fileElement.getAttribute(doc.version === '2.0' ? 'id' : 'original') ?? '';
    const file = byFile.get(id);
    if (!file) continue;
    if (doc.version === '2.0') fileElement.setAttribute('original', file.original);
    const states = new Map(file.units.map((u) => [u.unitId, u.state]));
    const units = doc.version === '2.0' ? elements(fileElement, 'unit') : elements(elements(fileElement, 'body')[0] ?? fileElement, 'trans-unit');
    for (const unitElement of units) {
      const state = states.get(unitElement.getAttribute('id') ?? '');
      if (!state) continue;
      if (doc.version === '2.0') {
        const segment = elements(unitElement, 'segment')[0];
        segment?.setAttribute('state', state === 'needs-review' ? 'initial' : state);
        if (state === 'needs-review') segment?.setAttribute('subState', 'un:needs-review');
      } else {
        elements(unitElement, 'target')[0]?.setAttribute('state', state === 'initial' ? 'needs-translation' : state === 'needs-review' ? 'needs-review-translation' : 'translated');
        // 1.2 tools (translate-toolkit, Virtaal, Trados) take `approved` as "not fuzzy".
        if (state === 'translated') unitElement.setAttribute('approved', 'yes');
      }
    }
  }
  indent(root, 0);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(dom)}\n`;
}

// ---- reading ----------------------------------------------------------------------------

export interface ReadUnit {
  fileId: string;
  unitId: string;
  line: number;
  column: number;
  source: Inline[];
  target: Inline[] | undefined;
  /** The state as written (2.0 segment state, 1.2 target state), if any. */
  state: string | undefined;
  /** Whether the translator's tool says the target is done (translated, reviewed, final, signed-off). */
  done: boolean;
}

export interface ReadDocument {
  version: XliffVersion;
  srcLang: string;
  trgLang: string;
  units: ReadUnit[];
}

const place = (node: Node): { line: number; column: number } => ({ line: node.lineNumber ?? 1, column: node.columnNumber ?? 1 });

type Problem = (node: Node, reason: string) => void;
type Span = 'em' | 'strong';

/**
 * Inline content of a unit's source or target, read element by element (the segments of a
 * unit one after the other). Codes of the target are resolved by id against the source's;
 * emphasis may come as one element (2.0 pc, 1.2 g) or as a start and an end code, possibly in
 * different segments (2.0 sc/ec, 1.2 bx/ex and bpt/ept); annotations (mrk, sm/em) are read
 * through; anything else is a problem.
 */
class InlineReader {
  private readonly root: Inline[] = [];
  private readonly stack: Array<{ kind: Span; id: string; children: Inline[]; node: Node }> = [];

  constructor(
    private readonly version: XliffVersion,
    private readonly codes: Map<string, Inline>,
    private readonly isSource: boolean,
    private readonly problem: Problem,
  ) {}

  private push(item: Inline): void {
    (this.stack.at(-1)?.children ?? this.root).push(item);
  }

  private kindOf(element: Element, id: string): Span | undefined {
    const known = this.codes.get(id);
    if (known && (known.t === 'em' || known.t === 'strong')) return known.t;
    const own = element.getAttribute('subType') ?? element.getAttribute('ctype') ?? '';
    return /xlf:b|bold/.test(own) ? 'strong' : /xlf:i|italic/.test(own) ? 'em' : undefined;
  }

  private close(index: number): void {
    while (this.stack.length > index) {
      const frame = this.stack.pop();
      if (frame) this.push({ t: frame.kind, children: frame.children });
    }
  }

  read(parent: Element): void {
    const v = this.version;
    for (const node of parent.childNodes as unknown as Iterable<Node>) {
      if (node.nodeType === 3 || node.nodeType === 4) {
        this.push({ t: 'text', value: (node.nodeValue ?? '').replace(/[ \t]*\n[ \t]*/g, ' ') });
        continue;
      }
      if (node.nodeType !== 1) continue; // comments, processing instructions
      const element = node as Element;
      const name = element.localName ?? '';
      const id = element.getAttribute('id') ?? '';
      if (name === 'mrk' || (v === '2.0' && (name === 'sm' || name === 'em'))) {
        this.read(element);
      } else if (v === '2.0' ? name === 'pc' : name === 'g') {
        const kind = this.kindOf(element, id);
        if (!kind) {
          this.problem(element, `Inline code <${name} id="${id}"> is not emphasis the sources can hold`);
          continue;
        }
        if (this.isSource) this.codes.set(id, { t: kind, children: [] });
        const depth = this.stack.length;
        this.stack.push({ kind, id, children: [], node: element });
        this.read(element);
        this.close(depth);
      } else if (v === '2.0' ? name === 'sc' : name === 'bx' || name === 'bpt') {
        const key = v === '2.0' ? id : (element.getAttribute('rid') ?? id);
        const kind = this.kindOf(element, id) ?? this.kindOf(element, key);
        if (!kind) {
          this.problem(element, `Inline code <${name} id="${id}"> is not emphasis the sources can hold`);
          continue;
        }
        if (this.isSource) this.codes.set(id, { t: kind, children: [] });
        this.stack.push({ kind, id: key, children: [], node: element });
      } else if (v === '2.0' ? name === 'ec' : name === 'ex' || name === 'ept') {
        const key = v === '2.0' ? (element.getAttribute('startRef') ?? id) : (element.getAttribute('rid') ?? id);
        const index = this.stack.findLastIndex((f) => f.id === key);
        if (index < 0) this.problem(element, `Inline code <${name}> ends a code that was not started (${key})`);
        else this.close(index);
      } else if (v === '2.0' ? name === 'ph' : name === 'x' || name === 'ph') {
        const known = this.codes.get(id);
        if (known && (known.t === 'symbol' || known.t === 'raw')) {
          this.push({ ...known });
          continue;
        }
        const value = element.getAttribute('equiv') ?? element.getAttribute('equiv-text') ?? element.getAttribute('disp');
        const what = element.getAttribute('subType') ?? element.getAttribute('ctype') ?? '';
        if (value === null) {
          this.problem(element, `Inline code <${name} id="${id}"> matches no protected text of the source and says no text of its own`);
          continue;
        }
        const item: Inline = /markdown/.test(what) ? { t: 'raw', value } : { t: 'symbol', value };
        if (this.isSource) this.codes.set(id, item);
        this.push(item);
      } else {
        this.problem(element, `Inline element <${name}> is not supported here (only emphasis and protected codes come back)`);
      }
    }
  }

  /** The content read; a code started and never ended is a problem. */
  finish(): Inline[] {
    const open = this.stack[0];
    if (open) this.problem(open.node, `Inline code <${open.node.nodeName} id="${open.id}"> is started and never ended`);
    this.close(0);
    return normalize(this.root);
  }
}

/** Read an XLIFF 2.0 or 1.2 file; problems become messages on `file` with line and column. */
export function readXliff(file: VFile): ReadDocument | undefined {
  const text = String(file.value ?? '');
  const errors: Array<{ message: string; line: number; column: number }> = [];
  let dom;
  try {
    dom = new DOMParser({
      onError: (level, message, context) => {
        const locator = (context as { locator?: { lineNumber?: number; columnNumber?: number } } | undefined)?.locator;
        errors.push({ message: message.split('\n')[0] ?? message, line: locator?.lineNumber ?? 1, column: locator?.columnNumber ?? 1 });
        if (level !== 'warning') throw new Error(message);
      },
    }).parseFromString(text, 'text/xml');
  } catch (error) {
    if (errors.length === 0) errors.push({ message: error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error), line: 1, column: 1 });
  }
  if (errors.length > 0 || !dom) {
    for (const e of errors) fatal(file, `Not well-formed XML: ${e.message}`, { line: e.line, column: e.column }, 'xliff-syntax');
    return undefined;
  }
  const root = dom.documentElement;
  const version = root?.getAttribute('version');
  if (!root || root.localName !== 'xliff' || (version !== '2.0' && version !== '2.1' && version !== '1.2')) {
    fatal(file, 'Not an XLIFF file: expected <xliff version="2.0"> (or 2.1, 1.2)', root ? place(root) : undefined, 'xliff-structure');
    return undefined;
  }
  const v: XliffVersion = version === '1.2' ? '1.2' : '2.0';
  if (root.namespaceURI !== NS[v] && !(version === '2.1' && root.namespaceURI === NS['2.0'])) {
    fatal(file, `The <xliff> element is not in the XLIFF ${version} namespace (${NS[v]})`, place(root), 'xliff-structure');
    return undefined;
  }
  const fileElements = elements(root, 'file');
  const srcLang = (v === '2.0' ? root.getAttribute('srcLang') : fileElements[0]?.getAttribute('source-language')) ?? '';
  const trgLang = (v === '2.0' ? root.getAttribute('trgLang') : fileElements[0]?.getAttribute('target-language')) ?? '';
  const units: ReadUnit[] = [];
  const problem = (node: Node, reason: string) => void fatal(file, reason, place(node), 'xliff-structure');
  for (const fileElement of fileElements) {
    const fileId = fileElement.getAttribute(v === '2.0' ? 'id' : 'original') ?? '';
    const unitElements = [...(fileElement.getElementsByTagNameNS(NS[v === '2.0' ? '2.0' : '1.2'], v === '2.0' ? 'unit' : 'trans-unit') as unknown as Iterable<Element>)];
    for (const unitElement of unitElements) {
      const unitId = unitElement.getAttribute('id') ?? '';
      const codes = new Map<string, Inline>();
      const source = new InlineReader(v, codes, true, problem);
      const target = new InlineReader(v, codes, false, problem);
      let hasTarget = false;
      let state: string | undefined;
      let done: boolean;
      if (v === '2.0') {
        // A tool may have split the unit into segments: its text is their concatenation.
        const parts = elements(unitElement).filter((e) => e.localName === 'segment' || e.localName === 'ignorable');
        const states: string[] = [];
        for (const part of parts) {
          const s = elements(part, 'source')[0];
          if (s) source.read(s);
        }
        for (const part of parts) {
          const t = elements(part, 'target')[0];
          if (t) {
            hasTarget = true;
            target.read(t);
          }
          if (part.localName === 'segment') states.push(part.getAttribute('state') ?? 'initial');
        }
        state = states.find((s) => s !== 'translated' && s !== 'reviewed' && s !== 'final') ?? states[0];
        done = states.length > 0 && states.every((s) => s === 'translated' || s === 'reviewed' || s === 'final');
      } else {
        const s = elements(unitElement, 'source')[0];
        if (s) source.read(s);
        const t = elements(unitElement, 'target')[0];
        if (t) {
          hasTarget = true;
          target.read(t);
        }
        state = t?.getAttribute('state') || undefined;
        const approved = unitElement.getAttribute('approved');
        done = state ? ['translated', 'signed-off', 'final'].includes(state) : approved ? approved === 'yes' : hasTarget;
      }
      const sourceContent = source.finish();
      const targetContent = target.finish();
      units.push({ fileId, unitId, ...place(unitElement), source: sourceContent, target: hasTarget ? targetContent : undefined, state, done });
    }
  }
  return { version: v, srcLang, trgLang, units };
}
