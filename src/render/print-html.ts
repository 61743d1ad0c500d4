/**
 * The print edition's HTML: the web edition's tree with what only print needs — hyphenation
 * in the languages whose UN documents are hyphenated, and break opportunities after the
 * slashes of symbols. The web edition keeps the browser's own breaking: give this the tree
 * once the web edition's HTML is written, as it is changed in place (a copy of a thousand
 * pages' tree costs more than the print plugins).
 */
import { unified } from 'unified';
import rehypeStringify from 'rehype-stringify';
import type { Root } from 'hast';
import type { VFile } from 'vfile';
import type { Locale } from '../types.js';
import rehypeHyphenate from '../transform/rehype-hyphenate.js';
import rehypeSymbolBreaks from '../transform/rehype-symbol-breaks.js';

export async function printHtml(tree: Root, locale: Pick<Locale, 'hyphenation'>, file: VFile): Promise<string> {
  const processor = unified().use(rehypeHyphenate, { patterns: locale.hyphenation }).use(rehypeSymbolBreaks).use(rehypeStringify);
  const print = (await processor.run(tree, file)) as Root;
  return processor.stringify(print, file);
}
