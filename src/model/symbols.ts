/**
 * The UN document symbol grammar — the one place that says what a symbol is, for the checks
 * of metadata, for the recognition of symbols in running text and for the links to them.
 * Written from the Dag Hammarskjöld Library's guide "UN Document Symbols" and its UNBIS
 * rules, ST/LIB/SER.B/5 and real documents (README "Document symbols" has the grammar with
 * examples of every form; test/fixtures/symbols/ holds the corpora).
 *
 *   symbol     = single { ("–" | "-") single }            joint symbols: A/80/434–S/2025/632
 *   single     = component { "/" component } [ "*"… ]     reissue marks at the end: S/2012/197***
 *   component  = base [ [" "] "(" qualifier ")" ]          A/56/23 (Part III), TD/B/EX(71)/2
 *   base       = WORD | WORD.n… | number | ES-n | S-n | Add.n | Corr.n | Rev.n | Amend.n | Supp.n
 *              | Sub.n | Res.n | Dec.n | Summary | Report | Agenda | OzL.Pro.n …
 *   number     = digits [ ("-" | "–") digits ]             E/NL.1949/1-3
 *              | digits [" "] letter [ "-" letter ]        A/RES/61/128 A-B (resolutions only)
 *   qualifier  = roman | S-roman | ES-roman | S-n | year   A/RES/217 (III), S/RES/2803 (2025)
 *              | Part n | Sect. n | Vol. n | Prog. n | Chap. n | Resumption n | Income sect. n
 *              | Introduction | Summary | digits | WORD.n/n | language letter (A C E F R S)
 *
 * Database spellings — ADD.1, CORR.1, (PartI), (Resumption1) — are what library records store,
 * not what a document prints: they are reported, with the printed form to write instead.
 */

import { memoize } from '../memo.js';

export const SUFFIX_WORDS = ['Add', 'Corr', 'Rev', 'Amend', 'Supp'] as const;
const SUFFIX = /^(Add|Corr|Rev|Amend|Supp)\.\d+(?:[-–]\d+)?$/;
/** Mixed-case components series really use (besides the suffixes). */
const MIXED = /^(?:Sub\.\d+|Res\.\d+|Dec\.\d+|Inf\.\d+|Summary|Report|Agenda|OzL\.(?:Pro|Conv)(?:\.\d+|\.WG\.\d+|\.ExCom)?)$/;
const WORD = /^[A-Z]+$/;
const HYPHENATED = /^[A-Z]+-[A-Z]+$/;
const DOTTED = /^[A-Z]+\d*(?:\.(?:\d+[A-Z]?|[A-Z]+))+(?:-P)?$/; // WG.4, AC.105, PC.I, SER.B, MP.WAT, CL2.GPID, L.1, ECLAC's L.2738-P
/** Letters and digits together where a series names a body so (UNEP/CBD/WG8J/…). */
const ALNUM = /^[A-Z]+\d+[A-Z]+$/;
/** A compound phrase of a series, the one place UNBIS records a space (UNEP/MED WG.431/…, TD/B/C.1/IRON ORE). */
const COMPOUND = /^[A-Z]+ [A-Z]+(?:\.\d+)?$/;
const SESSION = /^(?:ES|S)-(?:\d+|[IVXLC]+)$/; // A/ES-10/2, A/S-30/4
const NUMBER = /^\d+(?:[-–]\d+)?$|^\d+[A-Z]$/; // 632, E/NL.1949/1-3, HS/048/11E
const LETTERED = /^\d+[ \u00a0]?[A-Z](?:[-–][A-Z])?$/; // A/RES/61/128 A-B, A/RES/217A
const ROMAN = /^(?=[IVXLC])X{0,3}(?:IX|IV|V?I{0,3})$|^(?=[XLC])(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;
const SPACE = /[ \u00a0\u202f]/;

/** The words a qualifier in parentheses may start with (any case, dot optional), as printed. */
const QUALIFIER_WORDS: ReadonlyArray<[string, string]> = [
  ['income\\.?\\s*sect', 'Income sect.'],
  ['part', 'Part'],
  ['sect', 'Sect.'],
  ['vol', 'Vol.'],
  ['prog', 'Prog.'],
  ['chap', 'Chap.'],
  ['resumption', 'Resumption'],
  ['supp', 'Supp.'],
];
const QUALIFIER_NUMBER = String.raw`\d+[A-Z]?|[IVXLC]+|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|[A-Z]`;

const CONFUSABLE: Record<string, string> = { l: '1', I: '1', O: '0', o: '0' };

/** One piece of a parsed symbol: its text and where it starts in the symbol. */
interface Piece {
  text: string;
  index: number;
}

/** The single symbols of a joint symbol (A/80/434–S/2025/632): one piece for a plain symbol. */
export function jointParts(symbol: string): Piece[] {
  const parts: Piece[] = [];
  let start = 0;
  let depth = 0;
  for (let i = 0; i < symbol.length; i++) {
    const c = symbol[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (depth === 0 && (c === '–' || c === '-' || c === '—')) {
      const left = symbol.slice(start, i);
      const right = symbol.slice(i + 1);
      // A joint: both sides are symbols (A/80/434-S/2025/632), not a range (1-3), a session
      // (ES-10) or lettered parts (128 A-B).
      if (left.includes('/') && /^[A-Z][A-Za-z0-9.]*(?:\([^)]*\))?\//.test(right)) {
        parts.push({ text: left, index: start });
        start = i + 1;
      }
    }
  }
  parts.push({ text: symbol.slice(start), index: start });
  return parts;
}

/** Components of a single symbol split at `/`, but not inside parentheses. */
function components(single: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const c of single) {
    if (c === '(') depth++;
    if (c === ')') depth--;
    if (c === '/' && depth === 0) {
      out.push(current);
      current = '';
    } else current += c;
  }
  out.push(current);
  return out;
}

function capitalized(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

/** The printed form of a qualifier, when it is one (database spellings included), else undefined. */
function printedQualifier(q: string): string | undefined {
  if (/^(introduction|summary)$/i.test(q)) return capitalized(q);
  for (const [word, printed] of QUALIFIER_WORDS) {
    const m = new RegExp(`^(?:${word})\\.?\\s*(${QUALIFIER_NUMBER})$`, 'i').exec(q);
    if (!m) continue;
    let number = m[1] ?? '';
    if (/^[ivxlc]+$/i.test(number)) number = number.toUpperCase();
    else if (/^[a-z]+$/i.test(number) && number.length > 1) number = capitalized(number);
    return `${printed} ${number.toUpperCase() === number || /^\d/.test(number) ? number : number}`;
  }
  return undefined;
}

/** Problems with the qualifier in parentheses of one component. */
function qualifierProblems(q: string, spaced: boolean, base: string): string[] {
  // base: the symbol up to the qualifier (A/56/23), for the suggestion.
  if (ROMAN.test(q) || /^(?:S|ES)-(?:[IVXLC]+|\d+)$/.test(q) || /^(?:19|20)\d{2}$/.test(q)) return []; // (III), (S-1), (ES-I), (2025)
  if (/^[ACEFRS]$/.test(q)) return []; // a language version: (E)
  if (/^\d+$/.test(q) && !spaced) return []; // TD/B/EX(71)/2, ICCD/COP(14)/23
  if (/^[A-Z]+\.\d+\/\d+$/.test(q) && !spaced) return []; // LC/G.2586(SES.35/3)
  if (/^[A-Z]{2,}$/.test(q) && !spaced && /^[A-Z]+$/.test(base.split('/').at(-1) ?? '')) return []; // UNEP(DEPI)/MED WG.431/3
  if (q === 'Corrected') return []; // INFCIRC/153(Corrected)
  const printed = printedQualifier(q);
  if (printed !== undefined) {
    if (printed === q && spaced) return [];
    if (printed === q) return [`a space belongs before "(${q})" (write ${base} (${q}))`];
    const database = !/\s/.test(q) || q === q.toUpperCase();
    return [`${database ? `"(${q})" is a library-database spelling: in print write` : `qualifier "(${q})": write`} ${base} (${printed})`];
  }
  if (/^[IVXLC]+$/.test(q)) return [`"(${q})" is not a Roman numeral`];
  return [`malformed qualifier "(${q})"`];
}

/** The nearest valid spelling of a component that is not valid, with the reason; undefined if none is known. */
function componentProblem(part: string, i: number, isResolution: boolean): string | undefined {
  if (SUFFIX.test(part) || MIXED.test(part)) {
    return i === 0 ? `cannot start with ${part}` : undefined;
  }
  if (!/^(?:ADD|CORR|REV|AMEND|SUPP|SUB)\.\d/.test(part) && (WORD.test(part) || HYPHENATED.test(part) || DOTTED.test(part) || ALNUM.test(part) || COMPOUND.test(part) || SESSION.test(part) || NUMBER.test(part))) return undefined;
  if (isResolution && LETTERED.test(part)) return undefined;
  // A space inside a component: WG. 4, Add. 1, 2010 /5.
  if (SPACE.test(part)) {
    const joined = part.replace(/[ \u00a0\u202f]+/g, '');
    return `space inside "${part}" (write ${componentProblem(joined, i, isResolution) === undefined ? joined : nearest(joined)})`;
  }
  // Suffixes: ADD.1 (a database spelling), Add1, add.1, Add,1, Rev.l.
  const suffix = /^(add|corr|rev|amend|supp|sub|summary)([.,]?)(.*)$/i.exec(part);
  if (suffix) {
    const word = capitalized(suffix[1] ?? '');
    const rest = suffix[3] ?? '';
    const digits = rest.replace(/[lIOo]/g, (c) => CONFUSABLE[c] ?? c);
    const printed = word === 'Summary' ? 'Summary' : `${word}.${digits}`;
    if (word !== 'Summary' && !/^\d+$/.test(digits)) return `malformed suffix "${part}" (write Add.1, Corr.1, Rev.1 or Amend.1)`;
    if (digits !== rest) return `"${part}": did you mean ${printed}?`;
    if (suffix[2] === ',') return `comma for a dot in "${part}" (write ${printed})`;
    if (suffix[2] === '' && word !== 'Summary') return `missing dot in "${part}" (write ${printed})`;
    if (part === part.toUpperCase()) return `"${part}" is a library-database spelling: in print write ${printed}`;
    return `"${part}" is written ${printed}`;
  }
  // A comma for a dot: WG,4.
  if (/^[A-Za-z]+,\d/.test(part)) return `comma for a dot in "${part}" (write ${nearest(part.replace(',', '.'))})`;
  // l, I or O among digits: 2O10, L.l, PV.l2.
  const dotted = /^([A-Za-z]+\d*\.)(.+)$/.exec(part);
  const tail = dotted ? (dotted[2] ?? '') : part;
  if (/[0-9]/.test(tail) || /^[lO]+$/.test(tail) || (dotted && /^[lO]/.test(tail))) {
    const fixed = tail.replace(/[lIOo]/g, (c) => CONFUSABLE[c] ?? c);
    if (fixed !== tail && /^\d+$/.test(fixed)) return `"${part}": did you mean ${dotted ? (dotted[1] ?? '') : ''}${fixed}?`;
  }
  // A body with its number but no dot: WG4, AC105, L1.
  const noDot = /^([A-Z]+)(\d+)$/.exec(part);
  if (noDot) return `missing dot in "${part}" (write ${noDot[1]}.${noDot[2]})`;
  if (/\.\./.test(part) || /\.$/.test(part) || /^\./.test(part)) return `stray dot in "${part}"`;
  if (part !== part.toUpperCase()) {
    const upper = part.toUpperCase();
    const valid = componentProblem(upper, i, isResolution) === undefined;
    return `"${part}" must be upper case${valid ? ` (write ${upper})` : ''}`;
  }
  return `malformed component "${part}"`;
}

/** The nearest form of a component we can suggest (itself when we know none). */
function nearest(part: string): string {
  if (/^[A-Z]+\d+$/.test(part)) return part.replace(/(\d)/, '.$1');
  return part;
}

function singleProblems(single: string, yearSeries: readonly string[]): string[] {
  const problems: string[] = [];
  if (/[\t\n\r]/.test(single)) problems.push('contains a line break or tab');
  const stars = /\*+$/.exec(single);
  const core = stars ? single.slice(0, stars.index) : single;
  if (core.includes('*')) problems.push('a reissue mark (*) belongs at the end of the symbol');
  let depth = 0;
  for (const c of core) {
    depth += c === '(' ? 1 : c === ')' ? -1 : 0;
    if (depth < 0) break;
  }
  if (depth !== 0) {
    problems.push('unbalanced parenthesis');
    return problems;
  }
  const parts = components(core.replace(/\*/g, ''));
  if (parts.length < 2) {
    problems.push('has no "/": a symbol is components joined by "/" (A/76/1)');
    return problems;
  }
  const isResolution = parts.some((p) => /^(RES|DEC)$/.test(p));
  if (parts.some((p) => p === '')) {
    const rebuilt = parts.filter((p) => p !== '').join('/');
    problems.push(`has an empty component ("//")${rebuilt.includes('/') ? ` (write ${rebuilt})` : ''}`);
  }
  if (parts.some((p) => p !== p.trim())) {
    problems.push(`contains a space next to "/" (write ${parts.map((p) => p.trim()).join('/')})`);
  }
  parts.forEach((raw, i) => {
    const part = raw.trim();
    if (part === '') return;
    // A qualifier in parentheses, printed after a space or glued to the component.
    const q = /^(.*?)([ \u00a0\u202f]?)\((.*)\)$/.exec(part);
    if (q) {
      const base = q[1] ?? '';
      const upTo = [...parts.slice(0, i).map((p) => p.trim()), base].join('/');
      problems.push(...qualifierProblems(q[3] ?? '', q[2] !== '', upTo));
      if (base === '') problems.push(`qualifier "(${q[3]})" stands alone`);
      else {
        const problem = componentProblem(base, i, isResolution || /^(?:19|20)\d{2}$|^[IVXLC]+$|^(?:S|ES)-/.test(q[3] ?? ''));
        if (problem) problems.push(problem);
      }
      return;
    }
    if (part.includes('(') || part.includes(')')) {
      problems.push(`malformed parentheses in "${part}"`);
      return;
    }
    const problem = componentProblem(part, i, isResolution);
    if (problem) problems.push(problem);
  });
  const first = parts[0]?.trim() ?? '';
  if (!/^[A-Z]/.test(first)) problems.push('must start with the organ or series (A/, E/, S/, CTOC/ …)');
  // A series that carries a year (the longest that applies): a four-digit year follows it, or
  // a subsidiary body with a series of its own (CTOC/COP/WG.4/… under CTOC/COP).
  const series = yearSeriesOf(core, yearSeries);
  if (series !== undefined) {
    const next = core.slice(series.length + 1).split('/')[0] ?? '';
    if (/^\d{2}$/.test(next)) problems.push(`two-digit year "${next}" where a four-digit year belongs (${series}/20${next}/…)`);
    else if (/^\d{4}$/.test(next)) {
      // the year
    } else if (/^\d+$/.test(next) || ((WORD.test(next) || DOTTED.test(next)) && DOCUMENT_TYPE.test(next)) || componentProblem(next, 1, false) === `malformed component "${next}"`) {
      problems.push(`expected a four-digit year after ${series}/`);
    }
  }
  return problems;
}

/**
 * Problems with a symbol, as sentences with the nearest valid form; empty when it is well
 * formed. Each symbol is judged once per process (a compendium cites the same ones again and
 * again; the checks and the links ask about each). Shared: do not modify.
 */
export function symbolProblems(symbol: string, yearSeries: readonly string[] = []): readonly string[] {
  const key = JSON.stringify([yearSeries, symbol]);
  let problems = judged.get(key);
  if (!problems) {
    if (judged.size >= 50_000) judged.clear();
    judged.set(key, (problems = judge(symbol, yearSeries)));
  }
  return problems;
}

const judged = new Map<string, string[]>();

function judge(symbol: string, yearSeries: readonly string[]): string[] {
  if (symbol.includes('—')) return ['joined by an em dash: a joint symbol takes an en dash (–)'];
  const problems: string[] = [];
  for (const part of jointParts(symbol)) {
    for (const p of singleProblems(part.text, yearSeries)) if (!problems.includes(p)) problems.push(p);
  }
  return problems;
}

/** Document types, which follow the year in a year series (…/2010/L.1), never stand for it. */
const DOCUMENT_TYPE = /^(?:L|CRP|PV|SR|INF|R|NGO|RES|DEC|PRST|WP)(?:\.|$)/;

/** The longest of the year series a symbol belongs to. */
export function yearSeriesOf(symbol: string, yearSeries: readonly string[]): string | undefined {
  return yearSeries.filter((series) => symbol.startsWith(`${series}/`)).sort((a, b) => b.length - a.length)[0];
}

/** The year in a symbol of a year series, e.g. 2010 in CTOC/COP/WG.4/2010/5. */
export function symbolYear(symbol: string, yearSeries: readonly string[]): number | undefined {
  const series = yearSeriesOf(symbol, yearSeries);
  if (series === undefined) return undefined;
  const year = symbol.slice(series.length + 1).split('/')[0];
  return year && /^\d{4}$/.test(year) ? Number(year) : undefined;
}

/* ------------------------------------------------------------------------------------------
 * Recognition in running text: the same grammar finds the symbols, so a symbol that is linked
 * is a symbol that was checked. Candidates are taken wide (empty components, spaces next to a
 * slash, parentheses, commas between a letter and a digit) so that malformed ones are found
 * and reported; trailing punctuation (. , ; : ) – -) is not part of a symbol.
 * ---------------------------------------------------------------------------------------- */

const CHARS = String.raw`A-Za-z0-9.,*()\-–`;
/** One character of a component, or a dot followed by a space and a digit (WG. 4, to report). */
const PIECE = String.raw`(?:(?<=[A-Za-z])\.[ \u00a0](?=\d)|[${CHARS}])`;
/** A slash, with a space before it only after a component-like character, or after it before one. */
const SLASH = String.raw`(?:(?<=[A-Z0-9.*)])[ \u00a0])?\/(?:[ \u00a0](?=[A-Z0-9]))?`;
// Latin letters and digits only before a symbol: in Chinese text it follows a letter directly.
const CORE = new RegExp(String.raw`(?<![A-Za-z0-9/.@_\\\-–])[A-Za-z]${PIECE}*(?:${SLASH}${PIECE}*)+`, 'gu');
const MORE = new RegExp(String.raw`^\/${PIECE}+`, 'u');
/** A joint symbol written with an em dash, to report: A/80/434—S/2025/632. */
const EM_JOINT = new RegExp(String.raw`^—(?=[A-Z][A-Za-z0-9.]*\/)[A-Za-z]${PIECE}*(?:${SLASH}${PIECE}*)+`, 'u');
/** A qualifier after a space, as it is printed: (Part III), (Resumption 1), (2025), (III). */
const SPACED_QUALIFIER = /^[ \u00a0]?\(([^()\n]{1,30})\)\**/;
const LETTER_PARTS = /^[ \u00a0][A-Z](?:[-–][A-Z])?(?![\p{L}\p{N}])/u;
const TRAILING = /[.,;:!?–\-]$/;

export interface FoundSymbol {
  /** The symbol as written in the text. */
  text: string;
  /** Where it starts in the text. */
  index: number;
  /** Its single symbols (two for a joint symbol), each with its place in the text. */
  parts: Array<{ text: string; index: number }>;
}

function qualifierLike(q: string, before: string): boolean {
  if (printedQualifier(q) !== undefined) return true;
  const resolution = /\/(RES|DEC)\//.test(before);
  if (resolution && (/^[IVXLC]+$/.test(q) || /^(?:S|ES)-[\dIVXLC]+$/.test(q) || /^(?:19|20)\d{2}$/.test(q))) return true;
  return false;
}

/** Cut a candidate at a comma that is punctuation (a list), keeping the comma of `WG,4` to report. */
function cutAtListComma(text: string): string {
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== ',') continue;
    if (/[A-Za-z]/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? '')) continue;
    return text.slice(0, i);
  }
  return text;
}

function balanced(text: string): boolean {
  let depth = 0;
  for (const c of text) {
    depth += c === '(' ? 1 : c === ')' ? -1 : 0;
    if (depth < 0) return false;
  }
  return depth === 0;
}

/**
 * Every symbol written in a text (well formed or not), in order. The rules and the links ask
 * about the same paragraphs: each text is scanned once per process. Shared: do not modify.
 */
export function findSymbols(raw: string): readonly FoundSymbol[] {
  // Every symbol has a slash (CORE): a text without one has none.
  return raw.includes('/') ? scanned(raw) : NONE;
}

const NONE: readonly FoundSymbol[] = Object.freeze([]);
const scanned = memoize(scanSymbols, 50_000);

function scanSymbols(raw: string): FoundSymbol[] {
  const out: FoundSymbol[] = [];
  let taken = 0;
  for (const match of raw.matchAll(CORE)) {
    const index = match.index;
    if (index < taken) continue; // inside a symbol already found (after its qualifier)
    let text = cutAtListComma(match[0]);
    let end = index + text.length;
    if (text.length === match[0].length) {
      // A qualifier glued to the symbol with a space inside it: A/56/23(Part III).
      const open = !balanced(text) && /\([^()]*$/.test(text) ? /^[^()\n]{1,30}\)\**/.exec(raw.slice(end)) : null;
      if (open) {
        text += open[0];
        end += open[0].length;
        const more = MORE.exec(raw.slice(end));
        if (more) {
          const piece = cutAtListComma(more[0]);
          text += piece;
          end += piece.length;
        }
      }
      // Extend over what the grammar prints after a space: qualifiers, lettered parts, and
      // components after a qualifier (A/75/6 (Sect. 2)/Corr.1).
      for (;;) {
        const rest = raw.slice(end);
        const q = SPACED_QUALIFIER.exec(rest);
        if (q && qualifierLike(q[1] ?? '', text)) {
          text += q[0];
          end += q[0].length;
          const more = MORE.exec(raw.slice(end));
          if (more) {
            const piece = cutAtListComma(more[0]);
            text += piece;
            end += piece.length;
          }
          continue;
        }
        const em = EM_JOINT.exec(rest);
        if (em) {
          const piece = cutAtListComma(em[0]);
          text += piece;
          end += piece.length;
          continue;
        }
        const letters = /\/(RES|DEC)\//.test(text) && /\d$/.test(text) ? LETTER_PARTS.exec(rest) : null;
        if (letters) {
          text += letters[0];
          end += letters[0].length;
          continue;
        }
        break;
      }
    }
    // Trailing punctuation is the sentence's; an unbalanced closing parenthesis too.
    for (;;) {
      if (TRAILING.test(text)) text = text.slice(0, -1);
      else if (text.endsWith(')') && !balanced(text)) text = text.slice(0, -1);
      else if (text.endsWith('(')) text = text.slice(0, -1);
      else break;
    }
    text = text.replace(/[ \u00a0]+$/, '');
    taken = index + text.length;
    // Not symbols: words joined by a slash (and/or, km/h), names of bodies without a number
    // (UNODC/UNICRI), addresses.
    if (!/[A-Z]/.test(text) || !/\d/.test(text) || !text.includes('/')) continue;
    if (/^[a-z]+:/i.test(text) || /\.[a-z]{2,}\//.test(text)) continue;
    const parts = jointParts(text).map((p) => ({ text: p.text, index: index + p.index }));
    out.push({ text, index, parts });
  }
  return out;
}

/** Symbols in a text as text and offset (the form the parity and meetings checks use). */
export function symbolCandidates(raw: string): Array<{ text: string; index: number }> {
  return findSymbols(raw).map(({ text, index }) => ({ text, index }));
}

/** The text with every symbol blanked out, offsets kept (years inside symbols are not dates). */
export function blankSymbols(raw: string): string {
  let text = raw;
  for (const found of findSymbols(raw)) {
    text = text.slice(0, found.index) + ' '.repeat(found.text.length) + text.slice(found.index + found.text.length);
  }
  return text;
}

/**
 * The symbol as the Official Document System looks it up: no reissue marks, no space before a
 * qualifier or lettered part (A/RES/217 (III) → A/RES/217(III), A/56/23 (Part III) →
 * A/56/23(PartIII)), as UNBIS records them.
 */
export function symbolLinkTarget(single: string): string {
  return single
    .replace(/\*+/g, '')
    .replace(/[ \u00a0\u202f]+(?=\(|[A-Z](?:[-–][A-Z])?$)/g, '')
    .replace(/\((\w+\.?)[ \u00a0\u202f]+(\w+)\)/g, "($1$2)")
    .replace(/–/g, '-');
}

/** The Official Document System address of a symbol, in one language or the reader's. */
export function undocsUrl(symbol: string, lang?: string): string {
  const target = encodeURI(symbolLinkTarget(symbol));
  return lang ? `https://undocs.org/${lang}/${target}` : `https://undocs.org/${target}`;
}
