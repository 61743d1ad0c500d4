/**
 * rehype plugin (print HTML only): soft hyphens at the hyphenation points of the locale's TeX
 * patterns (Liang's algorithm, the `hyphen` package), for the languages whose UN documents are
 * hyphenated. The web edition keeps the browser's own line breaking. Only the body text (<main>)
 * is hyphenated: not the masthead, nor symbols, <style> or <script>. Chromium prints a soft hyphen only where it breaks
 * a line, and then as the `hyphenate-character` the stylesheet names (a plain hyphen).
 */
import type { Element, Root, Text } from 'hast';
import type { Plugin } from 'unified';
import { eachElement, eachText } from './text-nodes.js';

type Hyphenator = (text: string) => string;

interface HyphenModule {
  hyphenateSync: (text: string, options?: { hyphenChar?: string; minWordLength?: number }) => string;
}

/** The patterns of one language, loaded once per process. */
const loaded = new Map<string, Promise<Hyphenator>>();

export function hyphenator(patterns: string): Promise<Hyphenator> {
  let found = loaded.get(patterns);
  if (!found) {
    found = import(`hyphen/${patterns}/index.js`).then(
      (module: { default: HyphenModule }) => wordByWord((text) => module.default.hyphenateSync(text, { hyphenChar: SHY, minWordLength: MIN_WORD })),
      () => {
        throw new Error(`The locale pack's hyphenation "${patterns}" names no pattern set of the hyphen package`);
      },
    );
    loaded.set(patterns, found);
  }
  return found;
}

export const SHY = '\u00ad';
const MIN_WORD = 5;

/**
 * A word as the hyphen package reads one: a run of UTF-16 units that are not white space
 * and not in its punctuation ranges (ASCII punctuation and digits, U+2013–U+203C), the
 * apostrophe counting as a letter (its `isNotLetter`).
 */
const WORD = /(?:'|(?![\s!-@[-`{-~\u2013-\u203c])[\s\S])+/g;

/**
 * The same text as `hyphenate` gives, computed per distinct word: the package reads a text
 * one character at a time through a chain of closures, and the body text repeats its words.
 * A text with `<` (the package skips what looks like a tag) or a soft hyphen already in it
 * (it leaves such a word alone) goes to the package whole.
 */
export function wordByWord(hyphenate: Hyphenator): Hyphenator {
  const words = new Map<string, string>();
  const word = (w: string): string => {
    if (w.length < MIN_WORD) return w;
    let done = words.get(w);
    if (done === undefined) words.set(w, (done = hyphenate(w)));
    return done;
  };
  return (text) => (text.includes('<') || text.includes(SHY) ? hyphenate(text) : text.replace(WORD, word));
}

const SKIP = new Set(['style', 'script', 'head', 'title', 'code', 'pre']);

/** What is not hyphenated below <main>: code, head matter, and symbols. */
function pruned(element: Element): boolean {
  const classes = element.properties['className'];
  return SKIP.has(element.tagName) || (Array.isArray(classes) && classes.includes('symbol'));
}

const rehypeHyphenate: Plugin<[{ patterns?: string | undefined }], Root> = function (options) {
  return async function (tree) {
    if (!options.patterns) return;
    const hyphenate = await hyphenator(options.patterns);
    const text = (node: Text): void => void (node.value = hyphenate(node.value));
    // Only the body text: the text inside <main> (and not below anything pruned on the way there).
    eachElement(tree, 'main', (main) => eachText(main, text, pruned), pruned);
  };
};

export default rehypeHyphenate;
