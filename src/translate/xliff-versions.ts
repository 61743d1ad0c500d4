/**
 * XLIFF 2.0 and 1.2, each described once, as data: everything in which writing and reading
 * (./xliff.ts) differ between the two versions stands here — namespace, element and attribute
 * names, where a unit's text and state are, the states both ways, the inline codes both ways,
 * the `xliff` package's writer. No I/O.
 */
import js2xliff from 'xliff/js2xliff';
import jsToXliff12 from 'xliff/jsToXliff12';
import type { Element } from '@xmldom/xmldom';
import type { ExchangeState, XliffJs, XliffVersion } from './xliff.js';

type Attributes = Readonly<Record<string, string>>;

/** What an inline element of a source or target is to the reader. */
export type InlineRole = 'through' | 'span' | 'start' | 'end' | 'standalone';

export interface XliffDialect {
  /** The values of <xliff version="…"> read as this version. */
  reads: readonly string[];
  /** The namespace of every element. */
  namespace: string;
  /** The `xliff` package's writer for this version (unindented: ./xliff.ts indents). */
  write: (js: XliffJs) => Promise<string>;
  /** The elements that hold only elements; the writer puts each child on its own line. */
  structural: readonly string[];
  /** The languages: attributes of the root (`xliff`) or of the first `file`. */
  languages: { on: 'xliff' | 'file'; source: string; target: string };
  /** The `file` attribute that holds the file's id; the one the writer puts the original's path in (none: the package writes the id there). */
  file: { id: string; original: string | undefined };
  /** A unit: its element, the `file` child that holds the units (none: the file itself), the attribute of its readable name. */
  unit: { element: string; body: string | undefined; name: string };
  /** The unit's children that each hold a piece of its source and target (none: the unit holds one source and one target itself). */
  segments: readonly string[] | undefined;
  state: {
    /** The element that carries a state: a segment, or a target (written: the unit's first child so named). */
    on: string;
    /** Written: each exchange state as attributes of that element, and of the unit. */
    write: Readonly<Record<ExchangeState, Attributes>>;
    writeOnUnit: Readonly<Partial<Record<ExchangeState, Attributes>>>;
    /** Read: the state an element that carries one says, if any. */
    read: (on: Element) => string | undefined;
    /** Read: the states that say the target is done. */
    done: readonly string[];
    /** Read: whether the target of a unit that says no state is done. */
    doneWithoutState: (unit: Element, hasTarget: boolean) => boolean;
  };
  codes: {
    /** Written: the attributes of a span (emphasis) … */
    span: Readonly<Record<'em' | 'strong', Attributes>>;
    /** … and of a protected piece (`text`: its text, already escaped for the package). */
    protected: (what: 'symbol' | 'markdown', text: string) => Attributes;
    /** Read: the inline elements by role: read through (annotations), a span, a start and an end code, a standalone code. */
    read: Readonly<Record<InlineRole, readonly string[]>>;
    /** Read: the attributes, first present wins, that name the code a start and an end code belong to. */
    startKey: readonly string[];
    endKey: readonly string[];
  };
}

export const VERSIONS: Readonly<Record<XliffVersion, XliffDialect>> = {
  '2.0': {
    reads: ['2.0', '2.1'],
    namespace: 'urn:oasis:names:tc:xliff:document:2.0',
    write: (js) => js2xliff(js, { indent: '', targetXliffVersion: '2.0' }),
    structural: ['xliff', 'file', 'group', 'unit', 'notes', 'segment'],
    languages: { on: 'xliff', source: 'srcLang', target: 'trgLang' },
    file: { id: 'id', original: 'original' },
    unit: { element: 'unit', body: undefined, name: 'name' },
    // A tool may have split the unit into segments: its text is their concatenation.
    segments: ['segment', 'ignorable'],
    state: {
      on: 'segment',
      write: { initial: { state: 'initial' }, translated: { state: 'translated' }, 'needs-review': { state: 'initial', subState: 'un:needs-review' } },
      writeOnUnit: {},
      read: (segment) => segment.getAttribute('state') ?? 'initial',
      done: ['translated', 'reviewed', 'final'],
      doneWithoutState: () => false,
    },
    codes: {
      span: { em: { type: 'fmt', subType: 'xlf:i' }, strong: { type: 'fmt', subType: 'xlf:b' } },
      protected: (what, text) => ({ type: 'other', subType: `un:${what}`, disp: text, equiv: text, canDelete: 'no' }),
      read: { through: ['mrk', 'sm', 'em'], span: ['pc'], start: ['sc'], end: ['ec'], standalone: ['ph'] },
      startKey: ['id'],
      endKey: ['startRef', 'id'],
    },
  },
  '1.2': {
    reads: ['1.2'],
    namespace: 'urn:oasis:names:tc:xliff:document:1.2',
    write: (js) => jsToXliff12(js, { indent: '' }),
    structural: ['xliff', 'file', 'body', 'group', 'trans-unit'],
    languages: { on: 'file', source: 'source-language', target: 'target-language' },
    file: { id: 'original', original: undefined },
    unit: { element: 'trans-unit', body: 'body', name: 'resname' },
    segments: undefined,
    state: {
      on: 'target',
      write: { initial: { state: 'needs-translation' }, translated: { state: 'translated' }, 'needs-review': { state: 'needs-review-translation' } },
      // 1.2 tools (translate-toolkit, Virtaal, Trados) take `approved` as "not fuzzy".
      writeOnUnit: { translated: { approved: 'yes' } },
      read: (target) => target.getAttribute('state') || undefined,
      done: ['translated', 'signed-off', 'final'],
      doneWithoutState: (unit, hasTarget) => {
        const approved = unit.getAttribute('approved');
        return approved ? approved === 'yes' : hasTarget;
      },
    },
    codes: {
      span: { em: { ctype: 'italic' }, strong: { ctype: 'bold' } },
      protected: (what, text) => ({ ctype: `x-un-${what}`, 'equiv-text': text }),
      read: { through: ['mrk'], span: ['g'], start: ['bx', 'bpt'], end: ['ex', 'ept'], standalone: ['x', 'ph'] },
      startKey: ['rid', 'id'],
      endKey: ['rid', 'id'],
    },
  },
};
