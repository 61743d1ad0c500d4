/**
 * rehype plugin (print HTML only): soft hyphens at the hyphenation points of the locale's TeX
 * patterns (Liang's algorithm, the `hyphen` package), for the languages whose UN documents are
 * hyphenated. The web edition keeps the browser's own line breaking. Only the body text (<main>)
 * is hyphenated: not the masthead, nor symbols, <style> or <script>. Chromium prints a soft hyphen only where it breaks
 * a line, and then as the `hyphenate-character` the stylesheet names (a plain hyphen).
 */
import type { Element, Root } from 'hast';
import type { Plugin } from 'unified';
import { visitParents } from 'unist-util-visit-parents';

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
      (module: { default: HyphenModule }) => (text: string) => module.default.hyphenateSync(text, { hyphenChar: SHY, minWordLength: 5 }),
      () => {
        throw new Error(`The locale pack's hyphenation "${patterns}" names no pattern set of the hyphen package`);
      },
    );
    loaded.set(patterns, found);
  }
  return found;
}

export const SHY = '\u00ad';

const SKIP = new Set(['style', 'script', 'head', 'title', 'code', 'pre']);

function skipped(ancestors: ReadonlyArray<{ type: string }>): boolean {
  if (!ancestors.some((a) => a.type === 'element' && (a as Element).tagName === 'main')) return true;
  return ancestors.some((a) => {
    if (a.type !== 'element') return false;
    const e = a as Element;
    const classes = e.properties['className'];
    return SKIP.has(e.tagName) || (Array.isArray(classes) && classes.includes('symbol'));
  });
}

const rehypeHyphenate: Plugin<[{ patterns?: string | undefined }], Root> = function (options) {
  return async function (tree) {
    if (!options.patterns) return;
    const hyphenate = await hyphenator(options.patterns);
    visitParents(tree, 'text', (node, ancestors) => {
      if (skipped(ancestors)) return;
      node.value = hyphenate(node.value);
    });
  };
};

export default rehypeHyphenate;
