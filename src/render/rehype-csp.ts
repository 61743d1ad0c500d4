/**
 * rehype plugin: fill the template's `<meta http-equiv="Content-Security-Policy">` with the
 * policy of src/render/csp.ts, the page's inline script and stylesheet allowed by their hashes.
 * Runs last (nothing may change a script or stylesheet after it). No I/O.
 */
import type { Element, Root } from 'hast';
import type { Plugin } from 'unified';
import { eachElementIn } from '../transform/text-nodes.js';
import { toString } from 'hast-util-to-string';
import { contentSecurityPolicy } from './csp.js';

const rehypeCsp: Plugin<[], Root> = function () {
  return function (tree) {
    const scripts: string[] = [];
    const styles: string[] = [];
    let meta: Element | undefined;
    eachElementIn(tree, (node: Element) => {
      if (node.tagName === 'script' && node.properties['src'] === undefined) scripts.push(toString(node));
      else if (node.tagName === 'style') styles.push(toString(node));
      else if (node.tagName === 'meta' && String(node.properties['httpEquiv'] ?? '').toLowerCase() === 'content-security-policy') meta = node;
    });
    if (meta) meta.properties['content'] = contentSecurityPolicy({ scripts, styles });
  };
};

export default rehypeCsp;
