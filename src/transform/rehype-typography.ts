/**
 * rehype plugin: a language's spaces that must not break. French puts a narrow no-break
 * space before ; ! ? and a no-break space before : and inside « » — the sources keep plain
 * spaces (easy to type), the editions get the right ones. Text of <style> and <script> is
 * left alone.
 */
import type { Root } from 'hast';
import type { Plugin } from 'unified';
import { eachText } from './text-nodes.js';
import type { Locale } from '../types.js';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

function escape(chars: string): string {
  return chars.replace(/[\\\]^-]/g, (c) => `\\${c}`);
}

/**
 * Turn the plain space before each `nbspBefore` character and after each `nbspAfter`
 * character into a no-break space (narrow before ; ! ?). A missing space is not added here:
 * that is a finding for the checks.
 */
export function applyTypography(text: string, rules: NonNullable<Locale['typography']>): string {
  const { before, after } = patternsOf(rules);
  let out = text;
  if (before) out = out.replace(before, (_m, char: string) => `${char === ':' || char === '»' ? NBSP : NNBSP}${char}`);
  if (after) out = out.replace(after, `$1${NBSP}`);
  return out;
}

/** The two patterns of a locale's rules, made once (every text node of an edition asks). */
const compiled = new WeakMap<object, { before: RegExp | undefined; after: RegExp | undefined }>();

function patternsOf(rules: NonNullable<Locale['typography']>): { before: RegExp | undefined; after: RegExp | undefined } {
  let patterns = compiled.get(rules);
  if (!patterns) {
    patterns = {
      before: rules.nbspBefore ? new RegExp(`[ \\u00a0\\u202f]([${escape(rules.nbspBefore)}])`, 'g') : undefined,
      after: rules.nbspAfter ? new RegExp(`([${escape(rules.nbspAfter)}])[ \\u00a0\\u202f]`, 'g') : undefined,
    };
    compiled.set(rules, patterns);
  }
  return patterns;
}

const rehypeTypography: Plugin<[{ typography: Locale['typography'] }], Root> = function (options) {
  return function (tree) {
    const rules = options.typography;
    if (!rules) return;
    eachText(tree, (node) => void (node.value = applyTypography(node.value, rules)));
  };
};

export default rehypeTypography;
