/**
 * Where a YAML problem is, for a person: an unclosed quotation mark or bracket is reported
 * at the character that opens it (the parser notices only at the end of the text), and an
 * unknown key comes with the keys that place accepts.
 */
import { isCollection, isScalar, visit, type Document, type YAMLError } from 'yaml';
import { z } from 'zod';

/** The offset a syntax error should be shown at, and a word on what to do there. */
export function syntaxErrorPlace(doc: Document.Parsed, error: YAMLError): { offset: number; hint: string } {
  const at = error.pos[0];
  const message = error.message;
  let opening: { offset: number; hint: string } | undefined;
  const quote = /Missing closing (["'])quote/.exec(message)?.[1];
  const bracket = /end with an? ([\]}])/.exec(message)?.[1] ?? /Expected flow (?:sequence|map) to end with ([\]}])/.exec(message)?.[1];
  if (quote || bracket) {
    visit(doc, (_key, node) => {
      const range = (node as { range?: [number, number, number] } | null)?.range;
      if (!range) return;
      const [start, , end] = range;
      if (start >= at || end < at) return;
      if (quote && isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE')) {
        opening = { offset: start, hint: `the quotation mark ${quote} opened here is never closed` };
      }
      if (bracket && isCollection(node) && node.flow) {
        opening = { offset: start, hint: `the ${bracket === ']' ? '[' : '{'} opened here is never closed with ${bracket}` };
      }
    });
  }
  return opening ?? { offset: at, hint: '' };
}

/** The keys the object schema at `path` accepts (for "did you mean"), or none. */
export function keysAt(schema: z.ZodTypeAny, path: ReadonlyArray<string | number>): string[] {
  let s: z.ZodTypeAny | undefined = schema;
  const unwrap = (t: z.ZodTypeAny): z.ZodTypeAny => {
    for (;;) {
      if (t instanceof z.ZodEffects) t = t.innerType();
      else if (t instanceof z.ZodOptional || t instanceof z.ZodNullable) t = t.unwrap();
      else if (t instanceof z.ZodDefault) t = t.removeDefault();
      else return t;
    }
  };
  for (const step of path) {
    if (!s) return [];
    s = unwrap(s);
    if (s instanceof z.ZodArray && typeof step === 'number') s = s.element as z.ZodTypeAny;
    else if (s instanceof z.ZodObject && typeof step === 'string') s = (s.shape as Record<string, z.ZodTypeAny>)[step];
    else return [];
  }
  if (!s) return [];
  s = unwrap(s);
  return s instanceof z.ZodObject ? Object.keys(s.shape as object) : [];
}
