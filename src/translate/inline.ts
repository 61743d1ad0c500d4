/**
 * The text of one translation unit, as the exchange sees it: runs of text, emphasis (and
 * strong emphasis) that come back as emphasis, and protected pieces a translator must not
 * change — document symbols, and any other Markdown that is not plain text (code, links,
 * inline HTML), kept as its raw source. No I/O.
 */
import { createHash } from 'node:crypto';
import type { PhrasingContent } from 'mdast';
import { symbolCandidates } from '../model/symbols.js';

export type Inline =
  | { t: 'text'; value: string }
  | { t: 'em' | 'strong'; children: Inline[] }
  /** A document symbol: plain text in the source, protected in the exchange. */
  | { t: 'symbol'; value: string }
  /** Other Markdown that is not text: its raw source, written back verbatim. */
  | { t: 'raw'; value: string };

/** Soft line breaks and runs of white space read as one space; a unit has no edge spaces. */
function collapse(value: string): string {
  return value.replace(/[ \t]*\r?\n[ \t]*/g, ' ');
}

/** Split text into text runs and the document symbols it cites. */
export function splitSymbols(value: string): Inline[] {
  const out: Inline[] = [];
  let at = 0;
  for (const candidate of symbolCandidates(value)) {
    if (candidate.index < at) continue;
    if (candidate.index > at) out.push({ t: 'text', value: value.slice(at, candidate.index) });
    out.push({ t: 'symbol', value: candidate.text });
    at = candidate.index + candidate.text.length;
  }
  if (at < value.length) out.push({ t: 'text', value: value.slice(at) });
  return out;
}

/** Phrasing content of a Markdown paragraph → inline runs (`raw` slices come from `source`). */
export function fromPhrasing(nodes: readonly PhrasingContent[], source: string): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    if (node.type === 'text') out.push(...splitSymbols(collapse(node.value)));
    else if (node.type === 'emphasis' || node.type === 'strong') out.push({ t: node.type === 'emphasis' ? 'em' : 'strong', children: fromPhrasing(node.children, source) });
    else if (node.type === 'break') out.push({ t: 'text', value: ' ' });
    else {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      out.push({ t: 'raw', value: start !== undefined && end !== undefined ? source.slice(start, end) : '' });
    }
  }
  return normalize(out);
}

/** A plain-text field (YAML): text and symbols only. */
export function fromPlain(value: string): Inline[] {
  return normalize(splitSymbols(collapse(value)));
}

/** Merge adjacent text runs, drop empty ones, trim the unit's edges. */
export function normalize(list: readonly Inline[], edges = true): Inline[] {
  const out: Inline[] = [];
  for (const item of list) {
    if (item.t === 'text') {
      if (item.value === '') continue;
      const last = out.at(-1);
      if (last?.t === 'text') last.value += item.value;
      else out.push({ t: 'text', value: item.value });
    } else if (item.t === 'em' || item.t === 'strong') out.push({ t: item.t, children: normalize(item.children, false) });
    else out.push({ ...item });
  }
  if (edges) {
    const first = out[0];
    if (first?.t === 'text') first.value = first.value.replace(/^\s+/, '');
    const last = out.at(-1);
    if (last?.t === 'text') last.value = last.value.replace(/\s+$/, '');
    return out.filter((item) => item.t !== 'text' || item.value !== '');
  }
  return out;
}

/**
 * The canonical text of a unit: Markdown-like (`*emphasis*`, `**strong**`, markup characters
 * of text escaped), symbols and raw pieces as they are. Two units mean the same iff their
 * canonical texts are equal; the hash of the original's canonical text is its version.
 */
export function canonical(list: readonly Inline[]): string {
  return list
    .map((item) => {
      if (item.t === 'text') return item.value.replace(/[\\*_`]/g, (c) => `\\${c}`).replace(/\s+/g, ' ');
      if ('children' in item) return item.t === 'em' ? `*${canonical(item.children)}*` : `**${canonical(item.children)}**`;
      return item.value;
    })
    .join('');
}

/** The plain words of a unit, for word diffs and messages. */
export function plainText(list: readonly Inline[]): string {
  return list.map((item) => ('children' in item ? plainText(item.children) : item.value)).join('');
}

/** The version of a text: the first 16 hex digits of the SHA-256 of its canonical form. */
export function hashText(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16);
}

/** Symbols a unit cites, in order. */
export function symbolsOf(list: readonly Inline[]): string[] {
  return list.flatMap((item) => (item.t === 'symbol' ? [item.value] : item.t === 'em' || item.t === 'strong' ? symbolsOf(item.children) : []));
}

export function hasFormatting(list: readonly Inline[]): boolean {
  return list.some((item) => item.t === 'em' || item.t === 'strong' || item.t === 'raw');
}
