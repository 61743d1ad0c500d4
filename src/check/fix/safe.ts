/**
 * The safety layer of `check --fix`: the rules propose repairs as offsets in a file's text; this
 * keeps only those that are safe by construction on the parsed trees, and says why it refused the
 * others. Pure: no I/O.
 *
 *  - YAML (a .yaml source, or a paper's front matter), through the `yaml` package's document API:
 *    a repair is kept only when the document still parses, every key and every other value is
 *    unchanged, and the one scalar it touches keeps its style (plain, single- or double-quoted,
 *    block literal or folded) and changes by exactly the repair (so a quote that delimits a
 *    scalar, or half of a '' escape, is never replaced); a repair inside a comment changes no value.
 *  - Markdown, through mdast positions: only inside text nodes (never inside code, raw HTML, a
 *    link's destination or title, an autolink, a reference label), never after a backslash escape,
 *    never the hyphen of a standard's number (ISO 3166-1, IEC 61508-3); the only repair outside
 *    text is removing a typed list marker (`12. `). After the repairs the tree must have the same
 *    shape (the same blocks and inline nodes; an ordered-list item becoming a paragraph).
 */
import { parseDocument, isScalar, type Document } from 'yaml';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import type { Nodes, Root } from 'mdast';
import type { Position } from 'unist';
import type { Fix } from '../rule.js';

export interface Refused {
  fix: Fix;
  why: string;
}

const markdown = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

/** A repair applied to a text. */
export function applyToText(text: string, fixes: ReadonlyArray<Pick<Fix, 'start' | 'end' | 'text'>>): string {
  let out = text;
  for (const fix of [...fixes].sort((a, b) => b.start - a.start || b.end - a.end)) out = out.slice(0, fix.start) + fix.text + out.slice(fix.end);
  return out;
}

/** Keep the fixes that do not overlap an earlier one (in file order); the rest wait for the next round. */
function nonOverlapping(fixes: readonly Fix[]): { kept: Fix[]; overlapping: Fix[] } {
  const kept: Fix[] = [];
  const overlapping: Fix[] = [];
  let end = -1;
  for (const fix of [...fixes].sort((a, b) => a.start - b.start || a.end - b.end)) {
    if (fix.start < end || (fix.start === end && fix.start === fix.end && kept.at(-1)?.start === fix.start)) overlapping.push(fix);
    else {
      kept.push(fix);
      end = Math.max(end, fix.end);
    }
  }
  return { kept, overlapping };
}

/** Split the fixes into the safe ones and the refused ones (with the reason), file by file. */
export function safeFixes(fixes: readonly Fix[]): { safe: Fix[]; refused: Refused[] } {
  const byFile = new Map<string, Fix[]>();
  for (const fix of fixes) byFile.set(fix.file.path, [...(byFile.get(fix.file.path) ?? []), fix]);
  const safe: Fix[] = [];
  const refused: Refused[] = [];
  for (const list of byFile.values()) {
    const { kept, overlapping } = nonOverlapping(list);
    refused.push(...overlapping.map((fix) => ({ fix, why: 'overlaps another repair' })));
    const file = kept[0]?.file;
    if (!file) continue;
    const text = String(file.value ?? '');
    const result = file.extname === '.md' ? markdownFixes(text, kept) : file.extname === '.yaml' || file.extname === '.yml' ? yamlFixes(text, 0, kept) : undefined;
    if (!result) {
      refused.push(...kept.map((fix) => ({ fix, why: 'not a YAML or Markdown source' })));
      continue;
    }
    safe.push(...result.safe);
    refused.push(...result.refused);
  }
  return { safe, refused };
}

// ---------------------------------------------------------------------------------------- YAML

type Path = Array<string | number>;

/** Where two plain values differ: the paths of differing leaves, or 'shape' when keys or lengths differ. */
function differences(a: unknown, b: unknown, path: Path = [], out: Path[] = []): Path[] | 'shape' {
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return 'shape';
    for (let i = 0; i < a.length; i++) if (differences(a[i], b[i], [...path, i], out) === 'shape') return 'shape';
    return out;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && !(a instanceof Date) && !(b instanceof Date)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    if (ka.length !== kb.length || ka.some((k, i) => k !== kb[i])) return 'shape';
    for (const k of ka) if (differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], [...path, k], out) === 'shape') return 'shape';
    return out;
  }
  if (typeof a !== typeof b) return 'shape';
  if (a instanceof Date && b instanceof Date ? a.getTime() !== b.getTime() : a !== b) out.push(path);
  return out;
}

function parseYamlText(text: string): Document.Parsed | undefined {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  return doc.errors.length === 0 ? doc : undefined;
}

/** `after` is `before` with `actual` replaced by `text` at one place. */
function changedBy(before: string, after: string, actual: string, text: string): boolean {
  if (after.length !== before.length - actual.length + text.length) return false;
  for (let i = 0; i + actual.length <= before.length; i++) {
    if (before.startsWith(actual, i) && after === before.slice(0, i) + text + before.slice(i + actual.length)) return true;
  }
  return false;
}

/** Every scalar of a document with its range, by path. */
function scalarAt(doc: Document.Parsed, path: Path): { type: string | undefined; range: [number, number, number] } | undefined {
  const node = doc.getIn(path, true);
  return isScalar(node) && node.range ? { type: node.type, range: node.range } : undefined;
}

/**
 * The YAML repairs among `fixes` that are safe. `offset` is where the YAML text starts in the
 * file (front matter), `text` the YAML text itself.
 */
function yamlFixes(text: string, offset: number, fixes: readonly Fix[]): { safe: Fix[]; refused: Refused[] } {
  const safe: Fix[] = [];
  const refused: Refused[] = [];
  const before = parseYamlText(text);
  if (!before) return { safe, refused: fixes.map((fix) => ({ fix, why: 'the YAML does not parse: fix it by hand first' })) };
  const value = before.toJS() as unknown;
  for (const fix of fixes) {
    const start = fix.start - offset;
    const end = fix.end - offset;
    const actual = text.slice(start, end);
    const dash = textProblem(text, { ...fix, start, end });
    if (dash) {
      refused.push({ fix, why: dash });
      continue;
    }
    const after = parseYamlText(text.slice(0, start) + fix.text + text.slice(end));
    if (!after) {
      refused.push({ fix, why: 'the YAML would no longer parse (a quote that delimits or escapes a scalar)' });
      continue;
    }
    const diff = differences(value, after.toJS());
    if (diff === 'shape') {
      refused.push({ fix, why: 'it would change a key or the structure of the YAML' });
      continue;
    }
    if (diff.length === 0) {
      safe.push(fix); // inside a comment: no value changes
      continue;
    }
    const [path] = diff;
    const was = path ? scalarAt(before, path) : undefined;
    const now = path ? scalarAt(after, path) : undefined;
    const old = path ? before.getIn(path) : undefined;
    const changed = path ? after.getIn(path) : undefined;
    if (
      diff.length === 1 &&
      was &&
      now &&
      was.type === now.type &&
      was.range[0] <= start &&
      end <= was.range[1] &&
      typeof old === 'string' &&
      typeof changed === 'string' &&
      changedBy(old, changed, actual, fix.text)
    ) {
      safe.push(fix);
    } else {
      refused.push({ fix, why: 'it would not change the value of the scalar it is in by exactly the repair' });
    }
  }
  // Together as well as one by one.
  if (safe.length > 1) {
    const together = parseYamlText(applyToText(text, safe.map((f) => ({ ...f, start: f.start - offset, end: f.end - offset }))));
    if (!together || differences(value, together.toJS()) === 'shape') {
      return { safe: [], refused: [...refused, ...safe.map((fix) => ({ fix, why: 'the repairs of this YAML together would break it' }))] };
    }
  }
  return { safe, refused };
}

// ------------------------------------------------------------------------------------ Markdown

/** `ISO 3166-1`, `ISO/IEC 27001-2`, `EN 1090-2`: the number of a standard (a capitalized code before it). */
const STANDARD_BEFORE = /[A-Z]{2,}[A-Z0-9]*(?:[/.-][A-Z0-9]+)*\s+\d+$/u;

/** The run of non-space characters a fix falls in, without the punctuation around it. */
function tokenAt(text: string, fix: Fix): string {
  const before = /\S*$/u.exec(text.slice(Math.max(0, fix.start - 200), fix.start))?.[0] ?? '';
  const after = /^\S*/u.exec(text.slice(fix.end, fix.end + 200))?.[0] ?? '';
  return `${before}${text.slice(fix.start, fix.end)}${after}`;
}

/** An address written out in the text (a URL, a host, an e-mail address): never retouched. */
const ADDRESS = /^[(<["'“‘]*(?:[a-z][a-z0-9+.-]*:\/\/|www\.|mailto:|[^\s@]+@[^\s@]+\.[a-z]{2,})/iu;

/**
 * What makes a repair unsafe whatever the syntax around it: it falls in a written-out address,
 * or it turns a hyphen into a dash anywhere but between two numbers (a range: `12-15`) — never in
 * the number of a standard (ISO 3166-1, ISO/IEC 27001-2) or an identifier (ICD-10, COVID-19,
 * WG.4-2010, 3166-1:2013). The reason, or undefined.
 */
function textProblem(text: string, fix: Fix): string | undefined {
  const token = tokenAt(text, fix);
  if (ADDRESS.test(token)) return `it is in an address (${token})`;
  const actual = text.slice(fix.start, fix.end);
  if (!/^[-‐]$/u.test(actual) || fix.text === '') return undefined;
  const bare = token.replace(/^[(["'“‘]+/u, '').replace(/[)\]"'”’.,;:!?]+$/u, '');
  const before = text.slice(Math.max(0, fix.start - 80), fix.start);
  if (STANDARD_BEFORE.test(before)) return `it is in the number of a standard (${/\S+\s+$/u.exec(before.replace(/\S*$/u, ''))?.[0] ?? ''}${bare})`;
  if (!/^\d{1,4}[-‐]\d{1,4}$/u.test(bare)) return `the hyphen of ${bare} is not between two numbers`;
  return undefined;
}

function position(node: { position?: Position | undefined }): [number, number] | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? undefined : [start, end];
}

function plainText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  return 'children' in node ? (node.children as Nodes[]).map(plainText).join('') : '';
}

/** The places of a Markdown file where a repair may go: text nodes, and the markers of ordered-list items. */
function markdownRegions(tree: Root): { text: Array<[number, number]>; markers: Array<[number, number]> } {
  const text: Array<[number, number]> = [];
  const markers: Array<[number, number]> = [];
  const visit = (node: Nodes): void => {
    if (node.type === 'text') {
      const at = position(node);
      if (at) text.push(at);
      return;
    }
    // Never inside: code, raw HTML, images, the front matter, reference labels, definitions,
    // and an autolink (its text is its address).
    if (['code', 'inlineCode', 'html', 'image', 'imageReference', 'yaml', 'definition', 'linkReference', 'footnoteDefinition', 'footnoteReference'].includes(node.type)) return;
    if (node.type === 'link' && plainText(node) === node.url) return;
    if (node.type === 'list' && node.ordered) {
      for (const item of node.children) {
        const start = item.position?.start.offset;
        const first = item.children[0]?.position?.start.offset;
        if (start !== undefined && first !== undefined) markers.push([start, first]);
      }
    }
    if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
  };
  visit(tree);
  return { text, markers };
}

/**
 * The shape of a Markdown tree: its block and inline node types without their text, an
 * ordered-list item's blocks counted as if they stood alone (removing a typed number is allowed).
 */
function shape(tree: Root): string {
  const of = (node: Nodes): string => {
    if (node.type === 'text') return 't';
    if (node.type === 'list' && node.ordered) return node.children.map((item) => item.children.map(of).join(',')).join(',');
    if (!('children' in node)) return node.type;
    const children: string[] = [];
    for (const child of node.children as Nodes[]) {
      const s = of(child);
      if (s === 't' && children.at(-1) === 't') continue; // adjacent texts are one
      children.push(s);
    }
    return `${node.type}${node.type === 'list' ? (node.spread ? '+' : '-') : ''}(${children.join(',')})`;
  };
  return of(tree);
}

function markdownFixes(text: string, fixes: readonly Fix[]): { safe: Fix[]; refused: Refused[] } {
  const tree = markdown.parse(text) as Root;
  const front = tree.children[0]?.type === 'yaml' ? tree.children[0] : undefined;
  const frontAt = front ? position(front) : undefined;
  const yamlStart = frontAt ? text.indexOf('\n', frontAt[0]) + 1 : -1;
  const yamlEnd = front && frontAt ? yamlStart + front.value.length : -1;
  const { text: texts, markers } = markdownRegions(tree);
  const within = (regions: Array<[number, number]>, s: number, e: number) => regions.some(([a, b]) => a <= s && e <= b);

  const safe: Fix[] = [];
  const refused: Refused[] = [];
  const inFront: Fix[] = [];
  for (const fix of fixes) {
    const actual = text.slice(fix.start, fix.end);
    if (frontAt && fix.start < frontAt[1]) {
      if (fix.start >= yamlStart && fix.end <= yamlEnd) inFront.push(fix);
      else refused.push({ fix, why: 'it touches the front matter\'s --- lines' });
      continue;
    }
    if (fix.text === '' && within(markers, fix.start, fix.end) && /^\s*\d+[.)]\s*$/u.test(actual)) {
      safe.push(fix); // a typed paragraph number
      continue;
    }
    if (!within(texts, fix.start, fix.end)) {
      refused.push({ fix, why: 'it is not in running text (code, a link\'s address or title, raw HTML, a reference)' });
      continue;
    }
    if (text.charAt(fix.start - 1) === '\\') {
      refused.push({ fix, why: 'the character is escaped with a backslash' });
      continue;
    }
    const dash = textProblem(text, fix);
    if (dash) {
      refused.push({ fix, why: dash });
      continue;
    }
    safe.push(fix);
  }
  if (front && inFront.length > 0) {
    const result = yamlFixes(front.value, yamlStart, inFront);
    safe.push(...result.safe);
    refused.push(...result.refused);
  }
  // The repairs together must keep the tree's shape; if not, keep those that do one by one.
  const expected = shape(tree);
  const keeps = (list: readonly Fix[]) => shape(markdown.parse(applyToText(text, list)) as Root) === expected;
  if (safe.length > 0 && !keeps(safe)) {
    const alone = safe.filter((fix) => keeps([fix]));
    const kept = keeps(alone) ? alone : [];
    for (const fix of safe) if (!kept.includes(fix)) refused.push({ fix, why: 'it would change the structure of the text (paragraphs, lists, links, emphasis)' });
    return { safe: kept, refused };
  }
  return { safe, refused };
}

