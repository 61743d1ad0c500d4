/**
 * What the YAML and the Markdown safety of `check --fix` share: a repair applied to a text, a
 * refusal with its reason, and what makes a repair unsafe whatever the syntax around it. Pure.
 */
import type { Fix } from '../rule.js';
import { isNumericRange } from '../../model/numeric-range.js';

export interface Refused {
  fix: Fix;
  why: string;
}

/** A repair applied to a text. */
export function applyToText(text: string, fixes: ReadonlyArray<Pick<Fix, 'start' | 'end' | 'text'>>): string {
  let out = text;
  for (const fix of [...fixes].sort((a, b) => b.start - a.start || b.end - a.end)) out = out.slice(0, fix.start) + fix.text + out.slice(fix.end);
  return out;
}

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
 * or it turns a hyphen into a dash anywhere but between two numbers (the word, without the
 * punctuation around it, is a numeric range and nothing more: `12-15`) — never in the number of a
 * standard (ISO 3166-1, ISO/IEC 27001-2) or an identifier (ICD-10, COVID-19, WG.4-2010,
 * 3166-1:2013). The reason, or undefined.
 */
export function textProblem(text: string, fix: Fix): string | undefined {
  const token = tokenAt(text, fix);
  if (ADDRESS.test(token)) return `it is in an address (${token})`;
  const actual = text.slice(fix.start, fix.end);
  if (!/^[-‐]$/u.test(actual) || fix.text === '') return undefined;
  const bare = token.replace(/^[(["'“‘]+/u, '').replace(/[)\]"'”’.,;:!?]+$/u, '');
  const before = text.slice(Math.max(0, fix.start - 80), fix.start);
  if (STANDARD_BEFORE.test(before)) return `it is in the number of a standard (${/\S+\s+$/u.exec(before.replace(/\S*$/u, ''))?.[0] ?? ''}${bare})`;
  if (!isNumericRange(bare)) return `the hyphen of ${bare} is not between two numbers`;
  return undefined;
}
