/**
 * The UN document symbol grammar — the one place that says what a symbol is, for the checks
 * of metadata, for the recognition of symbols in running text and for the links to them.
 * Written from the Dag Hammarskjöld Library's guide "UN Document Symbols" and its UNBIS
 * rules, ST/LIB/SER.B/5 and real documents (README "Document symbols" has the grammar with
 * examples of every form; test/fixtures/symbols/ holds the corpora).
 *
 *   symbol     = single { joint single }                  joint symbols: A/80/434–S/2025/632
 *   single     = component { "/" component } [ reissue ]  reissue marks at the end: S/2012/197***
 *   component  = base [ [space] "(" qualifier ")" ]       A/56/23 (Part III), TD/B/EX(71)/2
 *
 * GRAMMAR below names every part (the bases, numbers, suffixes, qualifiers, separators) once.
 * Two readers are made from it and share one cache (`reading`):
 *   - the validator (`symbolProblems`) matches a symbol's components against the parts as
 *     they are (`IS`), and says what is wrong, with the nearest valid form;
 *   - the recognizer (`findSymbols`) finds in running text whatever looks like a symbol: the
 *     same parts, taken wide (`LOOKS`: a comma for a dot, spaces next to a slash, an em dash
 *     between two symbols …), so that a malformed symbol is found whole and reported.
 * A symbol that is found and has no problem is a symbol (`checkSymbols`): what the check
 * accepts and the links link. A malformed one has a nearest valid form when its messages say
 * what to write (`nearestSymbol`): the checks that compare symbols compare that, so a misprint
 * is reported once, where it is.
 *
 * Database spellings — ADD.1, CORR.1, (PartI), (Resumption1) — are what library records store,
 * not what a document prints: they are reported, with the printed form to write instead.
 */

import { memoize } from '../memoize.js';

export const SUFFIX_WORDS = ['Add', 'Corr', 'Rev', 'Amend', 'Supp'] as const;

const SPACE = String.raw`[ \u00a0\u202f]`;
const DASHES = String.raw`\-–`; // in a character class: hyphen, en dash
const RANGE = String.raw`\d+(?:[${DASHES}]\d+)?`;
const LETTER_PARTS = `[A-Z](?:[${DASHES}][A-Z])?`;
const ROMAN = '(?=[IVXLC])X{0,3}(?:IX|IV|V?I{0,3})|(?=[XLC])(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})';
const SESSION = String.raw`(?:ES|S)-(?:\d+|[IVXLC]+)`;
const YEAR = String.raw`(?:19|20)\d{2}`;
const DECISIONS = 'RES|DEC';
/** Words whose capitals are a library database's spelling of a printed component (ADD.1 for Add.1). */
const DATABASE_WORDS = [...SUFFIX_WORDS, 'Sub'];

/** Qualifier words: the spellings they are written in (any case, dot optional), each with its printed form. */
const QUALIFIER_WORDS: ReadonlyArray<[string, string]> = [
  [String.raw`income\.?\s*sect`, 'Income sect.'],
  ['part', 'Part'],
  ['sect', 'Sect.'],
  ['vol', 'Vol.'],
  ['prog', 'Prog.'],
  ['chap', 'Chap.'],
  ['resumption', 'Resumption'],
  ['supp', 'Supp.'],
];
/** Qualifier words printed alone: (Introduction). */
const QUALIFIER_ALONE = ['Introduction', 'Summary'];
/** What follows the other qualifier words: (Part III), (Sect. 29A), (Vol. Two). */
const QUALIFIER_NUMBER = String.raw`\d+[A-Z]?|[IVXLC]+|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|[A-Z]`;

/**
 * The grammar: each part of a symbol once, as a regular-expression source (matched whole by
 * the validator, `IS`; taken wide by the recognizer, `LOOKS`).
 */
export const GRAMMAR = {
  // The components between two slashes.
  word: '[A-Z]+', // an organ, series, body or document type: A, RES, CTOC, PV
  hyphenated: '[A-Z]+-[A-Z]+',
  dotted: String.raw`[A-Z]+\d*(?:\.(?:\d+[A-Z]?|[A-Z]+))+(?:-P)?`, // WG.4, AC.105, PC.I, SER.B, MP.WAT, CL2.GPID, L.1, ECLAC's L.2738-P
  alnum: String.raw`[A-Z]+\d+[A-Z]+`, // letters and digits together where a series names a body so: UNEP/CBD/WG8J/…
  compound: String.raw`[A-Z]+${SPACE}[A-Z]+(?:\.\d+)?`, // the one place UNBIS records a space: UNEP/MED WG.431/…, TD/B/C.1/IRON ORE
  session: SESSION, // emergency and special sessions: A/ES-10/2, A/S-30/4
  number: String.raw`${RANGE}|\d+[A-Z]`, // 632, E/NL.1949/1-3, HS/048/11E
  lettered: String.raw`\d+${SPACE}?${LETTER_PARTS}`, // in resolutions only: A/RES/61/128 A-B, A/RES/217A
  suffix: String.raw`(?:${SUFFIX_WORDS.join('|')})\.${RANGE}`, // never first: Add.1, Corr.2, Add.1–3
  mixed: String.raw`Sub\.\d+|Res\.\d+|Dec\.\d+|Inf\.\d+|Summary|Report|Agenda|OzL\.(?:Pro|Conv)(?:\.\d+|\.WG\.\d+|\.ExCom)?`, // mixed case series really use, never first
  databaseSpelling: String.raw`(?:${DATABASE_WORDS.map((w) => w.toUpperCase()).join('|')})\.\d[^]*`, // ADD.1, SUB.2: not a dotted body
  decisions: DECISIONS, // resolutions and decisions: their numbers take lettered parts
  documentType: String.raw`(?:L|CRP|PV|SR|INF|R|NGO|${DECISIONS}|PRST|WP)(?:\.[^]*)?`, // follows the year of a year series (…/2010/L.1), never stands for it
  seriesYear: String.raw`\d{4}`, // after a year series (yearSeries in compendium.config.yaml): CTOC/COP/WG.4/2010/5
  shortYear: String.raw`\d{2}`, // in the year's place, to report: CTOC/COP/WG.4/10/5
  // Qualifiers in parentheses (the words among them: QUALIFIER_WORDS).
  roman: ROMAN,
  year: YEAR,
  sessionQualifier: `${ROMAN}|${SESSION}|${YEAR}`, // spaced or glued: A/RES/217 (III), A/RES/3201 (S-VI), S/RES/2803 (2025)
  sessionQualifierLike: String.raw`[IVXLC]+|(?:S|ES)-[\dIVXLC]+|${YEAR}`, // what looks like one (IIII is found, and reported)
  romanLike: '[IVXLC]+',
  language: '[ACEFRS]', // a language version: E/ESCWA/SDD/2017/1(E)
  gluedNumber: String.raw`\d+`, // glued only: TD/B/EX(71)/2
  gluedSession: String.raw`[A-Z]+\.\d+\/\d+`, // glued only: LC/G.2586(SES.35/3)
  gluedBody: '[A-Z]{2,}', // glued only, after a word: UNEP(DEPI)/…
  corrected: 'Corrected', // INFCIRC/153(Corrected)
  qualifierWord: [...QUALIFIER_WORDS.map(([, printed]) => `${printed.replace('.', '\\.')} (?:${QUALIFIER_NUMBER})`), ...QUALIFIER_ALONE].join('|'), // after a space: (Part III), (Sect. 29A), (Introduction); other spellings are reported
  // Around the components.
  space: SPACE, // before a qualifier or lettered parts; elsewhere reported (WG. 4, A/ 76/1)
  letterParts: LETTER_PARTS, // after a space, as printed: A/RES/61/128 A-B
  reissue: String.raw`\*+`, // at the end: S/2012/197***
  joint: '[-–]', // between the symbols of a joint symbol: an en dash in print, a hyphen in data
  jointLike: '[-–—]', // an em dash too, to report
  singleStart: String.raw`[A-Z][A-Za-z0-9.]*(?:\([^)]*\))?\/`, // how each symbol of a joint one starts: A/…, UNEP(DEPI)/…
} as const;

/** A part of the grammar, whole. */
const whole = (part: string, flags = ''): RegExp => new RegExp(`^(?:${part})$`, flags);

/** The validator's patterns: every part whole, and the forms made of them. */
const IS = {
  ...(Object.fromEntries(Object.entries(GRAMMAR).map(([name, part]) => [name, whole(part)])) as Record<keyof typeof GRAMMAR, RegExp>),
  /** A component valid anywhere, and one valid after the first only. */
  component: whole([GRAMMAR.word, GRAMMAR.hyphenated, GRAMMAR.dotted, GRAMMAR.alnum, GRAMMAR.compound, GRAMMAR.session, GRAMMAR.number].join('|')),
  following: whole(`${GRAMMAR.suffix}|${GRAMMAR.mixed}`),
  qualifierAlone: whole(QUALIFIER_ALONE.join('|'), 'i'),
  qualifierWords: QUALIFIER_WORDS.map(([word, printed]): [RegExp, string] => [new RegExp(`^(?:${word})\\.?\\s*(${QUALIFIER_NUMBER})$`, 'i'), printed]),
  /** A component and its qualifier: the space between them, if any, and what is in parentheses. */
  qualified: new RegExp(`^(.*?)(${SPACE}?)\\((.*)\\)$`),
  anySpace: new RegExp(SPACE),
  spaces: new RegExp(`${SPACE}+`, 'g'),
  reissueAtEnd: new RegExp(`${GRAMMAR.reissue}$`),
  reissues: new RegExp(GRAMMAR.reissue, 'g'),
  startsSingle: new RegExp(`^${GRAMMAR.singleStart}`),
};

/** The recognizer's patterns: the same parts taken wide, as editors write them. */
const LOOKS = (() => {
  const { space } = GRAMMAR;
  /** One character of a component — letters of either case, digits, a dot or the comma typed for one (WG,4), reissue marks, parentheses, dashes — or a dot, a space and a digit (WG. 4). */
  const piece = String.raw`(?:(?<=[A-Za-z])\.${space}(?=\d)|[A-Za-z0-9.,*()${DASHES}])`;
  /** A slash, with a space before it only after a component-like character, or after it before one. */
  const slash = String.raw`(?:(?<=[A-Z0-9.*)])${space})?\/(?:${space}(?=[A-Z0-9]))?`;
  /** Components after the first, each after a slash. */
  const following = `(?:${slash}${piece}*)+`;
  /** A single symbol as written: it starts with a letter (a lower-case one is reported) and has a slash. */
  const single = `[A-Za-z]${piece}*${following}`;
  /** The words of a qualifier in parentheses, as far as a closing one. */
  const inParentheses = String.raw`[^()\n]{1,30}`;
  return {
    // Latin letters and digits only before a symbol: in Chinese text it follows a letter directly.
    candidate: new RegExp(String.raw`(?<![A-Za-z0-9/.@_\\${DASHES}])${single}`, 'gu'),
    /** Components after a qualifier: A/75/6 (Sect. 2)/Add.1/Corr.1. */
    more: new RegExp(`^${following}`, 'u'),
    /** A joint symbol written with an em dash, to report: A/80/434—S/2025/632. */
    emJoint: new RegExp(`^—(?=${GRAMMAR.singleStart})${single}`, 'u'),
    /** A qualifier after a space, as it is printed: (Part III), (Resumption 1), (2025), (III). */
    spacedQualifier: new RegExp(`^${space}?\\((${inParentheses})\\)(?:${GRAMMAR.reissue})?`),
    /** The rest of a qualifier glued to the symbol with a space inside it: A/56/23(Part III). */
    openQualifier: /\([^()]*$/,
    qualifierRest: new RegExp(`^${inParentheses}\\)(?:${GRAMMAR.reissue})?`),
    letterParts: new RegExp(`^${space}${GRAMMAR.letterParts}(?![\\p{L}\\p{N}])`, 'u'),
    /** Trailing punctuation is the sentence's. */
    trailing: /[.,;:!?–-]$/,
    trailingSpace: new RegExp(`${space}+$`),
    /** An address is no symbol: a scheme (https:), a domain before a path (.org/). */
    scheme: /^[a-z]+:/i,
    domain: /\.[a-z]{2,}\//,
  };
})();

const CONFUSABLE: Record<string, string> = { l: '1', I: '1', O: '0', o: '0' };

/* ------------------------------------------------------------------------------------------
 * One cache: what is known of a string, as a symbol (the validator's answer, per list of year
 * series) and as a text (the symbols the recognizer finds in it). A compendium cites the same
 * symbols again and again, and the checks and the links ask about the same paragraphs.
 * ---------------------------------------------------------------------------------------- */

interface Reading {
  verdicts?: Map<string, Verdict>;
  found?: readonly FoundSymbol[];
}

const reading = memoize((_text: string): Reading => ({}), 50_000);

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
    const c = symbol[i] ?? '';
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (depth === 0 && IS.jointLike.test(c)) {
      const left = symbol.slice(start, i);
      const right = symbol.slice(i + 1);
      // A joint: both sides are symbols (A/80/434-S/2025/632), not a range (1-3), a session
      // (ES-10) or lettered parts (128 A-B).
      if (left.includes('/') && IS.startsSingle.test(right)) {
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

/** A resolution or decision (A/RES/…, IDB.49/DEC/…): its number may take lettered parts and a session in parentheses. */
function isDecision(parts: readonly string[]): boolean {
  return parts.some((p) => IS.decisions.test(p.trim()));
}

function capitalized(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

function balanced(text: string): boolean {
  let depth = 0;
  for (const c of text) {
    depth += c === '(' ? 1 : c === ')' ? -1 : 0;
    if (depth < 0) return false;
  }
  return depth === 0;
}

/** The printed form of a qualifier word, when it is one (database spellings included), else undefined. */
function printedQualifier(q: string): string | undefined {
  if (IS.qualifierAlone.test(q)) return capitalized(q);
  for (const [pattern, printed] of IS.qualifierWords) {
    const m = pattern.exec(q);
    if (!m) continue;
    let number = m[1] ?? '';
    if (/^[ivxlc]+$/i.test(number)) number = number.toUpperCase();
    else if (/^[a-z]+$/i.test(number) && number.length > 1) number = capitalized(number);
    return `${printed} ${number}`;
  }
  return undefined;
}

/* ------------------------------------------------------------------------------------------
 * The validator: is a symbol well formed, and if not, what is the nearest valid form.
 * ---------------------------------------------------------------------------------------- */

/**
 * What is wrong with a part of a symbol, and the nearest valid form of that part when one is
 * known (`write`): the validator's message says it, and the symbol's nearest valid form
 * (`nearestSymbol`) is made of them.
 */
interface Problem {
  says: string;
  write?: string | undefined;
  /** Only the case is wrong (ctoc for CTOC): the case problems of a symbol are said once. */
  caseOnly?: boolean;
}

/** Problems with the qualifier in parentheses of one component; `write` is the qualifier as printed, with the space before it. */
function qualifierProblems(q: string, spaced: boolean, base: string): Problem[] {
  // base: the symbol up to the qualifier (A/56/23), for the suggestion.
  if (IS.sessionQualifier.test(q)) return []; // (III), (S-1), (ES-I), (2025)
  if (IS.language.test(q)) return []; // a language version: (E)
  if (IS.gluedNumber.test(q) && !spaced) return []; // TD/B/EX(71)/2, ICCD/COP(14)/23
  if (IS.gluedSession.test(q) && !spaced) return []; // LC/G.2586(SES.35/3)
  if (IS.gluedBody.test(q) && !spaced && IS.word.test(base.split('/').at(-1) ?? '')) return []; // UNEP(DEPI)/MED WG.431/3
  if (IS.corrected.test(q)) return []; // INFCIRC/153(Corrected)
  const printed = printedQualifier(q);
  if (printed !== undefined) {
    if (printed === q && spaced) return [];
    if (printed === q) return [{ says: `a space belongs before "(${q})" (write ${base} (${q}))`, write: ` (${q})` }];
    const database = !/\s/.test(q) || q === q.toUpperCase();
    return [{ says: `${database ? `"(${q})" is a library-database spelling: in print write` : `qualifier "(${q})": write`} ${base} (${printed})`, write: ` (${printed})` }];
  }
  if (IS.romanLike.test(q)) return [{ says: `"(${q})" is not a Roman numeral` }];
  return [{ says: `malformed qualifier "(${q})"` }];
}

/** What is wrong with a component that is not valid, with the reason and its nearest valid spelling when one is known. */
function componentProblem(part: string, i: number, isResolution: boolean): Problem | undefined {
  if (IS.following.test(part)) {
    return i === 0 ? { says: `cannot start with ${part}` } : undefined;
  }
  if (!IS.databaseSpelling.test(part) && IS.component.test(part)) return undefined;
  if (isResolution && IS.lettered.test(part)) return undefined;
  // A space inside a component: WG. 4, Add. 1, 2010 /5.
  if (IS.anySpace.test(part)) {
    const joined = part.replace(IS.spaces, '');
    const inner = componentProblem(joined, i, isResolution);
    return { says: `space inside "${part}" (write ${inner === undefined ? joined : nearest(joined)})`, write: inner === undefined ? joined : inner.write };
  }
  // Suffixes: ADD.1 (a database spelling), Add1, add.1, Add,1, Rev.l.
  const suffix = SUFFIX_LIKE.exec(part);
  if (suffix) {
    const word = capitalized(suffix[1] ?? '');
    const rest = suffix[3] ?? '';
    const digits = rest.replace(/[lIOo]/g, (c) => CONFUSABLE[c] ?? c);
    const write = word === 'Summary' ? 'Summary' : `${word}.${digits}`;
    if (word !== 'Summary' && !/^\d+$/.test(digits)) return { says: `malformed suffix "${part}" (write Add.1, Corr.1, Rev.1 or Amend.1)` };
    if (digits !== rest) return { says: `"${part}": did you mean ${write}?`, write };
    if (suffix[2] === ',') return { says: `comma for a dot in "${part}" (write ${write})`, write };
    if (suffix[2] === '' && word !== 'Summary') return { says: `missing dot in "${part}" (write ${write})`, write };
    if (part === part.toUpperCase()) return { says: `"${part}" is a library-database spelling: in print write ${write}`, write };
    return { says: `"${part}" is written ${write}`, write };
  }
  // A comma for a dot: WG,4.
  if (/^[A-Za-z]+,\d/.test(part)) {
    const write = nearest(part.replace(',', '.'));
    return { says: `comma for a dot in "${part}" (write ${write})`, write };
  }
  // l, I or O among digits: 2O10, L.l, PV.l2.
  const dotted = /^([A-Za-z]+\d*\.)(.+)$/.exec(part);
  const tail = dotted ? (dotted[2] ?? '') : part;
  if (/[0-9]/.test(tail) || /^[lO]+$/.test(tail) || (dotted && /^[lO]/.test(tail))) {
    const fixed = tail.replace(/[lIOo]/g, (c) => CONFUSABLE[c] ?? c);
    const write = `${dotted ? (dotted[1] ?? '') : ''}${fixed}`;
    if (fixed !== tail && /^\d+$/.test(fixed)) return { says: `"${part}": did you mean ${write}?`, write };
  }
  // A body with its number but no dot: WG4, AC105, L1.
  const noDot = /^([A-Z]+)(\d+)$/.exec(part);
  if (noDot) {
    const write = `${noDot[1]}.${noDot[2]}`;
    return { says: `missing dot in "${part}" (write ${write})`, write };
  }
  if (/\.\./.test(part) || /\.$/.test(part) || /^\./.test(part)) return { says: `stray dot in "${part}"` };
  if (part !== part.toUpperCase()) {
    const upper = part.toUpperCase();
    const inner = componentProblem(upper, i, isResolution);
    return { says: `"${part}" must be upper case${inner === undefined ? ` (write ${upper})` : ''}`, write: inner === undefined ? upper : inner.write, caseOnly: inner === undefined };
  }
  return { says: `malformed component "${part}"` };
}

/** A suffix or mixed-case word however it is misspelt: ADD.1, Add1, add.1, Add,1, Rev.l. */
const SUFFIX_LIKE = new RegExp(`^(${[...DATABASE_WORDS, 'Summary'].join('|')})([.,]?)(.*)$`, 'i');

/** The nearest form of a component we can suggest (itself when we know none). */
function nearest(part: string): string {
  if (/^[A-Z]+\d+$/.test(part)) return part.replace(/(\d)/, '.$1');
  return part;
}

/** "a", "b" and "c" */
function listed(words: readonly string[]): string {
  return words.length < 2 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1) ?? ''}`;
}

/** A symbol's problems, and its form with each problem written as the message says (undefined when one has no such form). */
interface Judgement {
  problems: string[];
  write: string | undefined;
}

function judgeSingle(single: string, yearSeries: readonly string[]): Judgement {
  const problems: string[] = [];
  let writable = true;
  const say = (problem: Problem): void => {
    problems.push(problem.says);
    if (problem.write === undefined) writable = false;
  };
  if (/[\t\n\r]/.test(single)) say({ says: 'contains a line break or tab' });
  const stars = IS.reissueAtEnd.exec(single);
  const core = stars ? single.slice(0, stars.index) : single;
  const marks = (single.match(IS.reissues) ?? []).join('');
  if (core.includes('*')) problems.push('a reissue mark (*) belongs at the end of the symbol');
  if (!balanced(core)) return { problems: [...problems, 'unbalanced parenthesis'], write: undefined };
  const parts = components(core.replace(IS.reissues, ''));
  if (parts.length < 2) return { problems: [...problems, 'has no "/": a symbol is components joined by "/" (A/76/1)'], write: undefined };
  const isResolution = isDecision(parts);
  if (parts.some((p) => p === '')) {
    const rebuilt = parts.filter((p) => p !== '').join('/');
    problems.push(`has an empty component ("//")${rebuilt.includes('/') ? ` (write ${rebuilt})` : ''}`);
  }
  if (parts.some((p) => p !== p.trim())) {
    problems.push(`contains a space next to "/" (write ${parts.map((p) => p.trim()).join('/')})`);
  }
  /** Each component as it is to be written (empty ones dropped at the end). */
  const written = parts.map((p) => p.trim());
  /** Components whose only problem is their case: said once, after the others of their place. */
  const cased: Array<{ part: string; write: string }> = [];
  const caseAt = problems.length;
  parts.forEach((raw, i) => {
    const part = raw.trim();
    if (part === '') return;
    // A qualifier in parentheses, printed after a space or glued to the component.
    const q = IS.qualified.exec(part);
    if (q) {
      const base = q[1] ?? '';
      const qualifier = q[3] ?? '';
      const upTo = [...parts.slice(0, i).map((p) => p.trim()), base].join('/');
      const found = qualifierProblems(qualifier, q[2] !== '', upTo);
      found.forEach(say);
      let baseWrite: string | undefined = base;
      if (base === '') say({ says: `qualifier "(${qualifier})" stands alone` });
      else {
        // A session qualifier makes the number before it a resolution's: A/217 A (III).
        const problem = componentProblem(base, i, isResolution || IS.sessionQualifierLike.test(qualifier));
        if (problem) say(problem);
        baseWrite = problem ? problem.write : base;
      }
      written[i] = `${baseWrite ?? ''}${found[0]?.write ?? `${q[2] ?? ''}(${qualifier})`}`;
      return;
    }
    if (part.includes('(') || part.includes(')')) {
      say({ says: `malformed parentheses in "${part}"` });
      return;
    }
    const problem = componentProblem(part, i, isResolution);
    if (problem?.caseOnly && problem.write !== undefined) cased.push({ part, write: problem.write });
    else if (problem) say(problem);
    written[i] = problem?.write ?? part;
  });
  if (cased.length === 1) problems.splice(caseAt, 0, `"${cased[0]?.part}" must be upper case (write ${cased[0]?.write})`);
  else if (cased.length > 1) problems.splice(caseAt, 0, `${listed(cased.map((c) => `"${c.part}"`))} must be upper case (write ${listed(cased.map((c) => c.write))})`);
  const first = parts[0]?.trim() ?? '';
  // A first component in lower case is said above (ctoc); one that is no word is not a symbol's
  // start, unless it is empty (/A/76/1: written without it).
  if (!/^[A-Z]/.test(first) && !cased.some((c) => c.part === first && /^[A-Z]/.test(c.write))) {
    const start = 'must start with the organ or series (A/, E/, S/, CTOC/ …)';
    if (first === '') problems.push(start);
    else say({ says: start });
  }
  // A series that carries a year (the longest that applies): a four-digit year follows it, or
  // a subsidiary body with a series of its own (CTOC/COP/WG.4/… under CTOC/COP).
  const series = yearSeriesOf(core, yearSeries);
  if (series !== undefined) {
    const next = core.slice(series.length + 1).split('/')[0] ?? '';
    if (IS.shortYear.test(next)) {
      problems.push(`two-digit year "${next}" where a four-digit year belongs (${series}/20${next}/…)`);
      written[series.split('/').length] = `20${next}`;
    } else if (IS.seriesYear.test(next)) {
      // the year
    } else if (/^\d+$/.test(next) || ((IS.word.test(next) || IS.dotted.test(next)) && IS.documentType.test(next)) || componentProblem(next, 1, false)?.says === `malformed component "${next}"`) {
      say({ says: `expected a four-digit year after ${series}/` });
    }
  }
  return { problems, write: writable ? `${written.filter((p) => p !== '').join('/')}${marks}` : undefined };
}

function judge(symbol: string, yearSeries: readonly string[]): Judgement {
  // An em dash between two symbols: the rest is judged once it is an en dash.
  if (symbol.includes('—')) return { problems: ['joined by an em dash: a joint symbol takes an en dash (–)'], write: symbol.replace(/—/g, '–') };
  const problems: string[] = [];
  let write: string | undefined = '';
  for (const part of jointParts(symbol)) {
    const single = judgeSingle(part.text, yearSeries);
    for (const p of single.problems) if (!problems.includes(p)) problems.push(p);
    // The joint dash as written, before the second symbol.
    if (write !== undefined) write = single.write === undefined ? undefined : `${write}${part.index > 0 ? symbol.charAt(part.index - 1) : ''}${single.write}`;
  }
  return { problems, write };
}

/** What the validator says of a symbol, per list of year series, with its nearest valid form. */
interface Verdict {
  problems: readonly string[];
  nearest: string | undefined;
}

function verdict(symbol: string, yearSeries: readonly string[]): Verdict {
  const judged = (reading(symbol).verdicts ??= new Map());
  const key = JSON.stringify(yearSeries);
  let known = judged.get(key);
  if (!known) {
    const { problems, write } = judge(symbol, yearSeries);
    const judgement: { problems: readonly string[]; nearest: string | undefined } = { problems, nearest: problems.length === 0 ? symbol : undefined };
    judged.set(key, (known = judgement));
    // Each problem written as its message says may leave another (wg,4 → wg.4 → WG.4): judged
    // again, up to a valid form (a form that leads back here has none: it is known already).
    if (problems.length > 0 && write !== undefined && write !== symbol) judgement.nearest = verdict(write, yearSeries).nearest;
  }
  return known;
}

/**
 * Problems with a symbol, as sentences with the nearest valid form; empty when it is well
 * formed. Each symbol is judged once per process and list of year series (kept with what is
 * known of the string). Shared: do not modify.
 */
export function symbolProblems(symbol: string, yearSeries: readonly string[] = []): readonly string[] {
  return verdict(symbol, yearSeries).problems;
}

/**
 * The nearest valid form of a symbol: itself when it is well formed; the form its problems'
 * messages say to write (ctoc/cop/wg.4/2010/2 → CTOC/COP/WG.4/2010/2, CTOC//COP/… →
 * CTOC/COP/…) when that form is valid; undefined when no valid form is known. A misprint and
 * the symbol it stands for have the same nearest form: what parity compares.
 */
export function nearestSymbol(symbol: string, yearSeries: readonly string[] = []): string | undefined {
  return verdict(symbol, yearSeries).nearest;
}

/** The longest of the year series a symbol belongs to. */
export function yearSeriesOf(symbol: string, yearSeries: readonly string[]): string | undefined {
  return yearSeries.filter((series) => symbol.startsWith(`${series}/`)).sort((a, b) => b.length - a.length)[0];
}

/** The year in a symbol of a year series, e.g. 2010 in CTOC/COP/WG.4/2010/5. */
export function symbolYear(symbol: string, yearSeries: readonly string[]): number | undefined {
  const series = yearSeriesOf(symbol, yearSeries);
  if (series === undefined) return undefined;
  const year = symbol.slice(series.length + 1).split('/')[0];
  return year && IS.seriesYear.test(year) ? Number(year) : undefined;
}

/* ------------------------------------------------------------------------------------------
 * The recognizer: what looks like a symbol in running text. Candidates are taken wide (empty
 * components, spaces next to a slash, parentheses, commas between a letter and a digit) so
 * that malformed ones are found and reported; trailing punctuation (. , ; : ) – -) is not part
 * of a symbol.
 * ---------------------------------------------------------------------------------------- */

export interface FoundSymbol {
  /** The symbol as written in the text. */
  text: string;
  /** Where it starts in the text. */
  index: number;
  /** Its single symbols (two for a joint symbol), each with its place in the text. */
  parts: Array<{ text: string; index: number }>;
}

/**
 * Whether a parenthesis after a space belongs to the symbol before it: a qualifier word (in
 * any spelling, to report), or a session or year after a resolution. Any other is prose:
 * CTOC/COP/WG.4/2010/5 (2010), A/76/1 (the report).
 */
function qualifierLike(q: string, before: string): boolean {
  if (printedQualifier(q) !== undefined) return true;
  return isDecision(components(before)) && IS.sessionQualifierLike.test(q);
}

/**
 * A symbol typed in lower case (ctoc/cop/wg.4/2010/2, a/76/1, a/res/74/176), to report: an
 * organ or series in letters first, then two components or more with numbers, the last ending
 * in one, and a valid symbol in capitals. Less is prose as often as not (km/100, p/2, a path:
 * documents/2021/x).
 */
function inLowerCase(text: string): boolean {
  const parts = components(text);
  return /^[a-z]+$/.test(parts[0] ?? '') && parts.filter((p) => /\d/.test(p)).length >= 2 && /\d$/.test(text) && nearestSymbol(text) !== undefined;
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

/**
 * Every symbol written in a text (well formed or not), in order. The rules and the links ask
 * about the same paragraphs: each text is scanned once per process. Shared: do not modify.
 */
export function findSymbols(raw: string): readonly FoundSymbol[] {
  // Every symbol has a slash: a text without one has none.
  return raw.includes('/') ? (reading(raw).found ??= scanSymbols(raw)) : NONE;
}

const NONE: readonly FoundSymbol[] = Object.freeze([]);

function scanSymbols(raw: string): FoundSymbol[] {
  const out: FoundSymbol[] = [];
  let taken = 0;
  for (const match of raw.matchAll(LOOKS.candidate)) {
    const index = match.index;
    if (index < taken) continue; // inside a symbol already found (after its qualifier)
    let text = cutAtListComma(match[0]);
    let end = index + text.length;
    /** Take what follows, and the components after it (A/75/6 (Sect. 2)/Corr.1). */
    const extend = (piece: string, more: boolean): void => {
      text += piece;
      end += piece.length;
      const next = more ? LOOKS.more.exec(raw.slice(end)) : null;
      if (next) extend(cutAtListComma(next[0]), false);
    };
    if (text.length === match[0].length) {
      // A qualifier glued to the symbol with a space inside it: A/56/23(Part III).
      const open = !balanced(text) && LOOKS.openQualifier.test(text) ? LOOKS.qualifierRest.exec(raw.slice(end)) : null;
      if (open) extend(open[0], true);
      // Extend over what the grammar prints after a space: qualifiers, lettered parts, and
      // components after a qualifier.
      for (;;) {
        const rest = raw.slice(end);
        const q = LOOKS.spacedQualifier.exec(rest);
        if (q && qualifierLike(q[1] ?? '', text)) {
          extend(q[0], true);
          continue;
        }
        const em = LOOKS.emJoint.exec(rest);
        if (em) {
          extend(cutAtListComma(em[0]), false);
          continue;
        }
        const letters = isDecision(components(text)) && /\d$/.test(text) ? LOOKS.letterParts.exec(rest) : null;
        if (letters) {
          extend(letters[0], false);
          continue;
        }
        break;
      }
    }
    // Trailing punctuation is the sentence's; an unbalanced closing parenthesis too.
    for (;;) {
      if (LOOKS.trailing.test(text)) text = text.slice(0, -1);
      else if (text.endsWith(')') && !balanced(text)) text = text.slice(0, -1);
      else if (text.endsWith('(')) text = text.slice(0, -1);
      else break;
    }
    text = text.replace(LOOKS.trailingSpace, '');
    taken = index + text.length;
    // Not symbols: words joined by a slash (and/or, km/h), names of bodies without a number
    // (UNODC/UNICRI), addresses. In lower case, only what reads as a misprinted symbol.
    if (!/\d/.test(text) || !text.includes('/') || (!/[A-Z]/.test(text) && !inLowerCase(text))) continue;
    if (LOOKS.scheme.test(text) || LOOKS.domain.test(text)) continue;
    const parts = jointParts(text).map((p) => ({ text: p.text, index: index + p.index }));
    out.push({ text, index, parts });
  }
  return out;
}

/** A symbol found in a text, with the validator's problems: none for one the links may link. */
export interface CheckedSymbol extends FoundSymbol {
  problems: readonly string[];
  /** Its nearest valid form (itself when it has no problem; undefined when none is known): nearestSymbol. */
  nearest: string | undefined;
}

/**
 * Every symbol written in a text with its problems, the year series as configured: what the
 * document-symbol check reports and what the links link (those with none) are the same.
 */
export function checkSymbols(raw: string, yearSeries: readonly string[] = []): CheckedSymbol[] {
  return findSymbols(raw).map((found) => ({ ...found, ...verdict(found.text, yearSeries) }));
}

/**
 * A text cut at the symbols the links link — each well-formed symbol, each half of a joint
 * symbol on its own — into plain pieces and symbols, in order (empty pieces left out).
 */
export function linkableParts(raw: string, yearSeries?: readonly string[]): Array<{ text: string; symbol: boolean }> {
  const parts: Array<{ text: string; symbol: boolean }> = [];
  let last = 0;
  for (const found of checkSymbols(raw, yearSeries)) {
    if (found.problems.length > 0) continue;
    for (const part of found.parts) {
      if (part.index > last) parts.push({ text: raw.slice(last, part.index), symbol: false });
      parts.push({ text: part.text, symbol: true });
      last = part.index + part.text.length;
    }
  }
  if (last < raw.length) parts.push({ text: raw.slice(last), symbol: false });
  return parts;
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

/* ------------------------------------------------------------------------------------------
 * Links.
 * ---------------------------------------------------------------------------------------- */

const LINK = {
  spaceBefore: new RegExp(`${SPACE}+(?=\\(|${GRAMMAR.letterParts}$)`, 'g'),
  spacedQualifier: new RegExp(`\\((\\w+\\.?)${SPACE}+(\\w+)\\)`, 'g'),
};

/**
 * The symbol as the Official Document System looks it up: no reissue marks, no space before a
 * qualifier or lettered part (A/RES/217 (III) → A/RES/217(III), A/56/23 (Part III) →
 * A/56/23(PartIII)), as UNBIS records them.
 */
export function symbolLinkTarget(single: string): string {
  return single.replace(IS.reissues, '').replace(LINK.spaceBefore, '').replace(LINK.spacedQualifier, '($1$2)').replace(/–/g, '-');
}

/** The Official Document System address of a symbol, in one language or the reader's. */
export function undocsUrl(symbol: string, lang?: string): string {
  const target = encodeURI(symbolLinkTarget(symbol));
  return lang ? `https://undocs.org/${lang}/${target}` : `https://undocs.org/${target}`;
}
