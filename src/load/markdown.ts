import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root, Yaml } from 'mdast';
import type { VFile } from 'vfile';
import { memoize } from '../memoize.js';

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

/**
 * Parse Markdown text as the sources are loaded (CommonMark, YAML front matter), keeping the
 * front matter in the tree (its first node, of type `yaml`) and every position. A new tree each
 * time (not memoized): the safety layer of `check --fix` parses the texts its repairs would make.
 */
export function markdownTree(text: string): Root {
  return parser.parse(text) as Root;
}

/**
 * Parse a Markdown source. Front matter (if any) is split off as YAML text with the line it
 * starts on, so its problems are reported at the right place; the body keeps its positions.
 */
export function parseMarkdown(file: VFile): Parsed {
  return parseText(String(file.value ?? ''));
}

interface Parsed {
  tree: Root;
  frontMatter: { text: string; line: number } | undefined;
}

// The same text gives the same tree: a long-running process (watch) parses only what
// changed. Trees are shared, so nothing may modify them (the transform works on copies).
const parseText = memoize((text: string): Parsed => {
  const tree = markdownTree(text);
  const first = tree.children[0];
  let frontMatter: { text: string; line: number } | undefined;
  if (first?.type === 'yaml') {
    const yaml = first as Yaml;
    frontMatter = { text: yaml.value, line: (yaml.position?.start.line ?? 1) + 1 };
    tree.children.shift();
  }
  return { tree, frontMatter };
}, 4000);
