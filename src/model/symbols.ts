/**
 * The UN document symbol grammar (un-conventions.md): components joined by `/`, upper case
 * but for the tokens Add. Corr. Rev. Amend. Sub. Summary, bodies with a dotted number
 * (WG.4, AC.105, PC.I), four-digit years, suffixes /Add.n /Corr.n /Rev.n /Amend.n /Summary,
 * a trailing `*` for a reissue, no spaces.
 */
const MIXED = /^(Add|Corr|Rev|Amend|Sub)\.\d+$|^Sub\.\d+$|^Summary$/;
const SUFFIX_LIKE = /^(add|corr|rev|amend)[\s.]*\d*$/i;
const BODY = /^[A-Z]+\.(\d+|[IVXLC]+)$/; // WG.4, AC.105, CN.15, CONF.2020, PC.I, CRP.2, L.1
const BODY_NO_DOT = /^(AC|C|CN|CONF|PC|SC|WG|CRP|WP|L|PV|SR)(\d+)$/;
const WORD = /^[A-Z]+$/;
const NUMBER = /^\d+$/;

/** Problems with a symbol, as sentences; empty when it is well formed. */
export function symbolProblems(symbol: string, yearSeries: readonly string[] = []): string[] {
  const problems: string[] = [];
  if (/\s/.test(symbol)) problems.push('contains a space');
  const core = symbol.replace(/\*$/, '');
  const parts = core.split('/').map((p) => p.trim());
  if (parts.some((p) => p === '')) problems.push('has an empty component');
  parts.forEach((part, i) => {
    if (part === '') return;
    if (MIXED.test(part)) {
      if (i === 0) problems.push(`cannot start with ${part}`);
      return;
    }
    if (SUFFIX_LIKE.test(part)) {
      problems.push(`malformed suffix "${part}" (write Add.1, Corr.1, Rev.1 or Amend.1)`);
      return;
    }
    const noDot = BODY_NO_DOT.exec(part);
    if (noDot) {
      problems.push(`missing dot in "${part}" (write ${noDot[1]}.${noDot[2]})`);
      return;
    }
    if (part !== part.toUpperCase()) {
      problems.push(`"${part}" must be upper case`);
      return;
    }
    if (!(WORD.test(part) || NUMBER.test(part) || BODY.test(part))) problems.push(`malformed component "${part}"`);
  });
  if (!/^[A-Z]/.test(core)) problems.push('must start with the organ or series (A/, E/, S/, CTOC/ …)');
  // A series that carries a year: the component after it has four digits.
  for (const series of yearSeries) {
    if (!core.startsWith(`${series}/`)) continue;
    const year = core.slice(series.length + 1).split('/')[0] ?? '';
    if (/^\d{2}$/.test(year)) problems.push(`two-digit year "${year}" where a four-digit year belongs (${series}/20${year}/…)`);
    else if (!/^\d{4}$/.test(year)) problems.push(`expected a four-digit year after ${series}/`);
  }
  return problems;
}

/** The year in a symbol of a year series, e.g. 2010 in CTOC/COP/WG.4/2010/5. */
export function symbolYear(symbol: string, yearSeries: readonly string[]): number | undefined {
  for (const series of yearSeries) {
    if (!symbol.startsWith(`${series}/`)) continue;
    const year = symbol.slice(series.length + 1).split('/')[0];
    if (year && /^\d{4}$/.test(year)) return Number(year);
  }
  return undefined;
}

/**
 * Symbol-like tokens in text: a letter first, then components joined by `/` (spaces around
 * a slash are caught too, to be reported). `and/or` is not one: two lower-case components.
 */
export const SYMBOL_CANDIDATE = /(?<![\p{L}\p{N}/.])[A-Za-z][A-Za-z0-9.*]*(?:[ \u00a0]?\/[ \u00a0]?[A-Za-z0-9][A-Za-z0-9.*]*)+/gu;

export function symbolCandidates(raw: string): Array<{ text: string; index: number }> {
  const out: Array<{ text: string; index: number }> = [];
  for (const match of raw.matchAll(SYMBOL_CANDIDATE)) {
    let text = match[0].replace(/\.$/, '');
    const parts = text.split(/\s?\/\s?/);
    const first = parts[0] ?? '';
    if (parts.length < 3 && first !== first.toUpperCase()) continue;
    if (/^https?:/i.test(text)) continue;
    text = text.replace(/\*+$/, (stars) => (stars.length === 1 ? stars : ''));
    out.push({ text, index: match.index });
  }
  return out;
}

/** The Official Document System address of a symbol, in one language or the reader's. */
export function undocsUrl(symbol: string, lang?: string): string {
  return lang ? `https://undocs.org/${lang}/${symbol}` : `https://undocs.org/${symbol}`;
}
