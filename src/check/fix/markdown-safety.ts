/**
 * The Markdown safety of `check --fix`, through mdast positions on the tree the sources are
 * loaded with: only inside text nodes (never inside code, raw HTML, a link's destination or
 * title, an autolink, a reference label), never after a backslash escape, never the hyphen of a
 * standard's number (ISO 3166-1, IEC 61508-3); the only repair outside text is removing a typed
 * list marker (`12. `). After the repairs the tree must have the same shape (the same blocks and
 * inline nodes; an ordered-list item becoming a paragraph). The front matter goes to the YAML
 * safety. Pure.
 */
import type { Nodes, Root } from 'mdast';
import type { Position } from 'unist';
import type { Fix } from '../rule.js';
import { markdownTree } from '../../load/markdown.js';
import { applyToText, textProblem, type Refused } from './repairs.js';
import { yamlFixes } from './yaml-safety.js';

function position(node: { position?: Position | undefined }): [number, number] | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? undefined : [start, end];
}

function plainText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  return 'children' in node ? (node.children as Nodes[]).map(plainText).join('') : '';
}

/** The places of a Markdown file where a repair may go: text nodes, and the markers of ordered-list items. */
function markdownRegions(tree: Root): { text: Array<[number, number]>; markers: Array<[number, number]> } {
  const text: Array<[number, number]> = [];
  const markers: Array<[number, number]> = [];
  const visit = (node: Nodes): void => {
    if (node.type === 'text') {
      const at = position(node);
      if (at) text.push(at);
      return;
    }
    // Never inside: code, raw HTML, images, the front matter, reference labels, definitions,
    // and an autolink (its text is its address).
    if (['code', 'inlineCode', 'html', 'image', 'imageReference', 'yaml', 'definition', 'linkReference', 'footnoteDefinition', 'footnoteReference'].includes(node.type)) return;
    if (node.type === 'link' && plainText(node) === node.url) return;
    if (node.type === 'list' && node.ordered) {
      for (const item of node.children) {
        const start = item.position?.start.offset;
        const first = item.children[0]?.position?.start.offset;
        if (start !== undefined && first !== undefined) markers.push([start, first]);
      }
    }
    if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
  };
  visit(tree);
  return { text, markers };
}

/**
 * The shape of a Markdown tree: its block and inline node types without their text, an
 * ordered-list item's blocks counted as if they stood alone (removing a typed number is allowed).
 */
function shape(tree: Root): string {
  const of = (node: Nodes): string => {
    if (node.type === 'text') return 't';
    if (node.type === 'list' && node.ordered) return node.children.map((item) => item.children.map(of).join(',')).join(',');
    if (!('children' in node)) return node.type;
    const children: string[] = [];
    for (const child of node.children as Nodes[]) {
      const s = of(child);
      if (s === 't' && children.at(-1) === 't') continue; // adjacent texts are one
      children.push(s);
    }
    return `${node.type}${node.type === 'list' ? (node.spread ? '+' : '-') : ''}(${children.join(',')})`;
  };
  return of(tree);
}

export function markdownFixes(text: string, fixes: readonly Fix[]): { safe: Fix[]; refused: Refused[] } {
  const tree = markdownTree(text);
  const front = tree.children[0]?.type === 'yaml' ? tree.children[0] : undefined;
  const frontAt = front ? position(front) : undefined;
  const yamlStart = frontAt ? text.indexOf('\n', frontAt[0]) + 1 : -1;
  const yamlEnd = front && frontAt ? yamlStart + front.value.length : -1;
  const { text: texts, markers } = markdownRegions(tree);
  const within = (regions: Array<[number, number]>, s: number, e: number) => regions.some(([a, b]) => a <= s && e <= b);

  const safe: Fix[] = [];
  const refused: Refused[] = [];
  const inFront: Fix[] = [];
  for (const fix of fixes) {
    const actual = text.slice(fix.start, fix.end);
    if (frontAt && fix.start < frontAt[1]) {
      if (fix.start >= yamlStart && fix.end <= yamlEnd) inFront.push(fix);
      else refused.push({ fix, why: 'it touches the front matter\'s --- lines' });
      continue;
    }
    if (fix.text === '' && within(markers, fix.start, fix.end) && /^\s*\d+[.)]\s*$/u.test(actual)) {
      safe.push(fix); // a typed paragraph number
      continue;
    }
    if (!within(texts, fix.start, fix.end)) {
      refused.push({ fix, why: 'it is not in running text (code, a link\'s address or title, raw HTML, a reference)' });
      continue;
    }
    if (text.charAt(fix.start - 1) === '\\') {
      refused.push({ fix, why: 'the character is escaped with a backslash' });
      continue;
    }
    const dash = textProblem(text, fix);
    if (dash) {
      refused.push({ fix, why: dash });
      continue;
    }
    safe.push(fix);
  }
  if (front && inFront.length > 0) {
    const result = yamlFixes(front.value, yamlStart, inFront);
    safe.push(...result.safe);
    refused.push(...result.refused);
  }
  // The repairs together must keep the tree's shape; if not, keep those that do one by one.
  const expected = shape(tree);
  const keeps = (list: readonly Fix[]) => shape(markdownTree(applyToText(text, list))) === expected;
  if (safe.length > 0 && !keeps(safe)) {
    const alone = safe.filter((fix) => keeps([fix]));
    const kept = keeps(alone) ? alone : [];
    for (const fix of safe) if (!kept.includes(fix)) refused.push({ fix, why: 'it would change the structure of the text (paragraphs, lists, links, emphasis)' });
    return { safe: kept, refused };
  }
  return { safe, refused };
}
