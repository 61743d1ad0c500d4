import { LineCounter, parseDocument, isNode, isMap, isScalar, type Document } from 'yaml';
import type { z } from 'zod';
import type { VFile } from 'vfile';
import type { Point } from 'unist';
import { fatal } from './report.js';
import { keysAt, syntaxErrorPlace } from './yaml-errors.js';
import { didYouMean } from '../model/suggest.js';
import { memoize } from '../memoize.js';

/**
 * A YAML text parsed once per process, whoever asks: the loader (validation, the places of
 * keys, which language is the original) and the translation units (where each field stands)
 * read the same Document. Shared: nothing may modify it (`--fix` and `translate import` edit
 * text, each with a Document of its own).
 */
export const yamlDocument: (text: string) => { doc: Document.Parsed; lines: LineCounter } = memoize((text: string) => {
  const lines = new LineCounter();
  return { doc: parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true }), lines };
}, 4000);

export interface YamlSource {
  doc: Document.Parsed;
  /** Point of a path in the YAML (falls back to the nearest existing parent). */
  pointOf(path: ReadonlyArray<string | number>): Point;
}

/**
 * Parse YAML text that starts at `line` (1-based) of `file`, validate it against `schema`
 * and report syntax and schema problems on `file` with their line and column.
 */
export function parseYaml<S extends z.ZodTypeAny>(
  file: VFile,
  text: string,
  schema: S,
  line = 1,
): { value: z.output<S>; source: YamlSource } | undefined {
  // A file that could not be read (not a file, too large, not UTF-8) has said so: its empty
  // text is not judged again (no "expected object, received null" after it).
  if (file.messages.some((m) => m.fatal === true && UNREAD.has(m.ruleId ?? ''))) return undefined;
  // Valid YAML already read in this process (watch) is not parsed again; anything with a
  // problem is, so that its messages land on the file at hand.
  let known = valid.get(schema);
  const key = `${line}\0${text}`;
  const hit = known?.get(key);
  if (hit) return hit as { value: z.output<S>; source: YamlSource };
  const result = parseValidated(file, text, schema, line);
  if (result) {
    if (!known) valid.set(schema, (known = new Map()));
    if (known.size >= 4000) known.clear();
    known.set(key, result);
  }
  return result;
}

const UNREAD = new Set(['source-unreadable', 'source-size', 'source-encoding']);

const valid = new WeakMap<z.ZodTypeAny, Map<string, { value: unknown; source: YamlSource }>>();

function parseValidated<S extends z.ZodTypeAny>(file: VFile, text: string, schema: S, line: number): { value: z.output<S>; source: YamlSource } | undefined {
  const { doc, lines: counter } = yamlDocument(text);
  const toPoint = (offset: number): Point => {
    const pos = counter.linePos(offset);
    return { line: pos.line + line - 1, column: pos.col };
  };
  const source: YamlSource = {
    doc,
    pointOf(path) {
      // A map entry is pointed at by its key.
      const parent = path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
      if (isMap(parent)) {
        const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === path.at(-1));
        if (pair && isScalar(pair.key) && pair.key.range) return toPoint(pair.key.range[0]);
      }
      for (let n = path.length; n >= 0; n--) {
        const node = doc.getIn(path.slice(0, n), true);
        if (isNode(node) && node.range) return toPoint(node.range[0]);
      }
      return { line, column: 1 };
    },
  };
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const { offset, hint } = syntaxErrorPlace(doc, error);
      fatal(file, `Invalid YAML: ${error.message.split('\n')[0]}${hint ? `: ${hint}` : ''}`, toPoint(offset), 'yaml-syntax');
    }
    return undefined;
  }
  const result = schema.safeParse(doc.toJS());
  if (!result.success) {
    for (const issue of result.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          const path = [...issue.path, key];
          const accepted = keysAt(schema, issue.path);
          const hint = didYouMean(key, accepted) || (accepted.length > 0 ? `expected ${accepted.map((k) => `\`${k}\``).join(', ')}` : '');
          fatal(file, `Unknown key \`${path.join('.')}\`${hint ? `: ${hint}` : ''}`, source.pointOf(path), 'metadata-schema');
        }
        continue;
      }
      const where = issue.path.length > 0 ? `\`${issue.path.join('.')}\`: ` : '';
      fatal(file, `${where}${issue.message}`, source.pointOf(issue.path), 'metadata-schema');
    }
    return undefined;
  }
  return { value: result.data as z.output<S>, source };
}
