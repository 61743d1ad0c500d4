/**
 * XLIFF out and in. Writing: the `xliff` package builds the document (files, units, notes,
 * inline codes; 2.0 or 1.2); it has no segment states and indents inside mixed content, so
 * its output (written unindented) is finished with an XML DOM (@xmldom/xmldom): states, the
 * file's `original`, indentation between structural elements only. Reading: the DOM, which
 * keeps every space inside source and target and knows each element's line — the `xliff`
 * reader drops spaces between inline codes and has no positions. What differs between the
 * versions is described in ./xliff-versions.ts; nothing here asks which version it is. No I/O.
 */
import { DOMParser, XMLSerializer, type Element, type Node } from '@xmldom/xmldom';
import { elements, indent } from '../xml-dom.js';
import type { VFile } from 'vfile';
import { fatal } from '../load/report.js';
import { normalize, type Inline } from './inline.js';
import { VERSIONS, type InlineRole, type XliffDialect } from './xliff-versions.js';

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

/** Inline codes of one unit: the source's, by id, so the target reuses the same ids. */
interface Codes {
  next: number;
  byId: Map<string, Inline>;
}

function code(item: Inline, id: string, d: XliffDialect, contents?: XliffValue[]): XliffValue {
  if (item.t === 'em' || item.t === 'strong') return { GenericSpan: { id, ...d.codes.span[item.t], contents: contents ?? [] } };
  const what = item.t === 'symbol' ? 'symbol' : 'markdown';
  const value = item.t === 'symbol' || item.t === 'raw' ? item.value : '';
  return { Standalone: { id, ...d.codes.protected(what, libAttr(value)) } };
}

function toValue(list: readonly Inline[], d: XliffDialect, codes: Codes, source: boolean, used = new Set<string>()): XliffValue[] {
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
    const contents = item.t === 'em' || item.t === 'strong' ? toValue(item.children, d, codes, source, used) : undefined;
    return code(item, id, d, contents);
  });
}

function setAttributes(element: Element | undefined, attributes: Readonly<Record<string, string>> = {}): void {
  for (const [name, value] of Object.entries(attributes)) element?.setAttribute(name, value);
}

/** The XLIFF text of an exchange document. */
export async function writeXliff(doc: ExchangeDocument): Promise<string> {
  const d = VERSIONS[doc.version];
  const js: XliffJs = { sourceLanguage: doc.srcLang, targetLanguage: doc.trgLang, resources: {} };
  for (const file of doc.files) {
    const units: Record<string, XliffUnit> = {};
    for (const unit of file.units) {
      const codes: Codes = { next: 0, byId: new Map() };
      const entry: XliffUnit = { source: toValue(unit.source, d, codes, true), note: unit.notes.map(libText), additionalAttributes: { [d.unit.name]: libAttr(unit.name) } };
      if (unit.target) entry.target = toValue(unit.target, d, codes, false);
      units[unit.unitId] = entry;
    }
    js.resources[file.id] = units;
  }
  const text = await d.write(js);
  // Finish: states (on 2.0 segments, on 1.2 targets and units), the file's original, indentation.
  const dom = new DOMParser().parseFromString(text, 'text/xml');
  const root = dom.documentElement;
  if (!root) throw new Error('The xliff package wrote no document');
  const byFile = new Map(doc.files.map((f) => [f.id, f]));
  for (const fileElement of elements(root, 'file')) {
    const id = fileElement.getAttribute(d.file.id) ?? '';
    const file = byFile.get(id);
    if (!file) continue;
    if (d.file.original) fileElement.setAttribute(d.file.original, file.original);
    const states = new Map(file.units.map((u) => [u.unitId, u.state]));
    const body = (d.unit.body && elements(fileElement, d.unit.body)[0]) || fileElement;
    for (const unitElement of elements(body, d.unit.element)) {
      const state = states.get(unitElement.getAttribute('id') ?? '');
      if (!state) continue;
      setAttributes(elements(unitElement, d.state.on)[0], d.state.write[state]);
      setAttributes(unitElement, d.state.writeOnUnit[state]);
    }
  }
  indent(root, 0, d.structural);
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
const ROLES: readonly InlineRole[] = ['through', 'span', 'start', 'end', 'standalone'];

/** The value of the first of `names` an element has ('' for none). */
const firstAttribute = (element: Element, names: readonly string[]): string => names.map((n) => element.getAttribute(n)).find((v) => v !== null) ?? '';

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
    private readonly dialect: XliffDialect['codes'],
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
    const d = this.dialect;
    for (const node of parent.childNodes as unknown as Iterable<Node>) {
      if (node.nodeType === 3 || node.nodeType === 4) {
        this.push({ t: 'text', value: (node.nodeValue ?? '').replace(/[ \t]*\n[ \t]*/g, ' ') });
        continue;
      }
      if (node.nodeType !== 1) continue; // comments, processing instructions
      const element = node as Element;
      const name = element.localName ?? '';
      const id = element.getAttribute('id') ?? '';
      const role = ROLES.find((r) => d.read[r].includes(name));
      if (role === 'through') {
        this.read(element);
      } else if (role === 'span') {
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
      } else if (role === 'start') {
        const key = firstAttribute(element, d.startKey);
        const kind = this.kindOf(element, id) ?? this.kindOf(element, key);
        if (!kind) {
          this.problem(element, `Inline code <${name} id="${id}"> is not emphasis the sources can hold`);
          continue;
        }
        if (this.isSource) this.codes.set(id, { t: kind, children: [] });
        this.stack.push({ kind, id: key, children: [], node: element });
      } else if (role === 'end') {
        const key = firstAttribute(element, d.endKey);
        const index = this.stack.findLastIndex((f) => f.id === key);
        if (index < 0) this.problem(element, `Inline code <${name}> ends a code that was not started (${key})`);
        else this.close(index);
      } else if (role === 'standalone') {
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
  const v = (Object.keys(VERSIONS) as XliffVersion[]).find((key) => version && VERSIONS[key].reads.includes(version));
  if (!root || root.localName !== 'xliff' || !v) {
    fatal(file, 'Not an XLIFF file: expected <xliff version="2.0"> (or 2.1, 1.2)', root ? place(root) : undefined, 'xliff-structure');
    return undefined;
  }
  const d = VERSIONS[v];
  if (root.namespaceURI !== d.namespace) {
    fatal(file, `The <xliff> element is not in the XLIFF ${version} namespace (${d.namespace})`, place(root), 'xliff-structure');
    return undefined;
  }
  const fileElements = elements(root, 'file');
  const languages = d.languages.on === 'xliff' ? root : fileElements[0];
  const srcLang = languages?.getAttribute(d.languages.source) ?? '';
  const trgLang = languages?.getAttribute(d.languages.target) ?? '';
  const units: ReadUnit[] = [];
  const problem = (node: Node, reason: string) => void fatal(file, reason, place(node), 'xliff-structure');
  for (const fileElement of fileElements) {
    const fileId = fileElement.getAttribute(d.file.id) ?? '';
    const unitElements = [...(fileElement.getElementsByTagNameNS(d.namespace, d.unit.element) as unknown as Iterable<Element>)];
    for (const unitElement of unitElements) {
      const unitId = unitElement.getAttribute('id') ?? '';
      const codes = new Map<string, Inline>();
      const source = new InlineReader(d.codes, codes, true, problem);
      const target = new InlineReader(d.codes, codes, false, problem);
      const segments = d.segments;
      const parts = segments ? elements(unitElement).filter((e) => segments.includes(e.localName ?? '')) : [unitElement];
      let hasTarget = false;
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
        // The state is on the part (2.0 segment) or on its target (1.2).
        const carrier = [part, t].find((e) => e?.localName === d.state.on);
        const said = carrier && d.state.read(carrier);
        if (said !== undefined) states.push(said);
      }
      const isDone = (s: string) => d.state.done.includes(s);
      const state = states.find((s) => !isDone(s)) ?? states[0];
      const done = states.length > 0 ? states.every(isDone) : d.state.doneWithoutState(unitElement, hasTarget);
      const sourceContent = source.finish();
      const targetContent = target.finish();
      units.push({ fileId, unitId, ...place(unitElement), source: sourceContent, target: hasTarget ? targetContent : undefined, state, done });
    }
  }
  return { version: v, srcLang, trgLang, units };
}
