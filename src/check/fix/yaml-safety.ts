/**
 * The YAML safety of `check --fix` (a .yaml source, or a paper's front matter), through the `yaml`
 * package's document API: a repair is kept only when the document still parses, every key and
 * every other value is unchanged, and the one scalar it touches keeps its style (plain, single- or
 * double-quoted, block literal or folded) and changes by exactly the repair (so a quote that
 * delimits a scalar, or half of a '' escape, is never replaced); a repair inside a comment changes
 * no value. Pure.
 */
import { parseDocument, isScalar, type Document } from 'yaml';
import type { Fix } from '../rule.js';
import { applyToText, textProblem, type Refused } from './repairs.js';

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
export function yamlFixes(text: string, offset: number, fixes: readonly Fix[]): { safe: Fix[]; refused: Refused[] } {
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
